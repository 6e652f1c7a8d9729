package com.calsync.autostart;

import com.calsync.platform.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a login item's file whole or not at all, so a crash never leaves half an entry. */
final class FileReplacement {
    private FileReplacement() {
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        // 0600, as Files.createTempFile made them before: launchd and systemd only need the owner to read them
        AtomicFiles.write(file, content, AtomicFiles.Access.OWNER_ONLY);
    }
}
