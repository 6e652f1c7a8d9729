package com.calsync.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens a file or folder the way the desktop does (Finder, the file manager, the text editor). */
public interface DesktopOpener {
    void open(Path path) throws IOException;

    /** {@code open} on macOS, {@code xdg-open} elsewhere: no AWT, so it works beside JavaFX on every desktop. */
    static DesktopOpener system(String osName) {
        boolean mac = osName.toLowerCase(Locale.ROOT).startsWith("mac");
        return path -> new ProcessBuilder(List.of(mac ? "open" : "xdg-open", path.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
