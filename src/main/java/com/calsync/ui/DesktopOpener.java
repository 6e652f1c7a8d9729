package com.calsync.ui;

import com.calsync.platform.Os;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens a file or folder the way the desktop does (Finder, the file manager, the text editor). */
public interface DesktopOpener {
    void open(Path path) throws IOException;

    /** {@code open} on macOS, {@code xdg-open} elsewhere: no AWT, so it works beside JavaFX on every desktop. */
    static DesktopOpener system(Os os) {
        return path -> new ProcessBuilder(List.of(os.isMac() ? "open" : "xdg-open", path.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
