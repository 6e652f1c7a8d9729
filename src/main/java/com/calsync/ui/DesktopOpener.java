package com.calsync.ui;

import com.calsync.platform.Os;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Opens a file or folder the way the desktop does (Finder, the file manager, the text editor). */
public interface DesktopOpener {
    /** @throws IOException when nothing opened it (no opener installed, or the opener said it failed) */
    void open(Path path) throws IOException;

    /**
     * {@code open} on macOS, {@code xdg-open} elsewhere: no AWT, so it works beside JavaFX on every
     * desktop. The opener's exit status is awaited briefly: xdg-open exits 3 when no program can
     * open the file and 4 when opening failed (xdg-utils' manual), and a missing opener fails to
     * start at all; an opener still running after a few seconds (some run the program in the
     * foreground) is taken as success.
     */
    static DesktopOpener system(Os os) {
        return path -> {
            String opener = os.isMac() ? "open" : "xdg-open";
            Process p;
            try {
                p = new ProcessBuilder(List.of(opener, path.toString()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IOException("no " + opener + " to open it with (" + e.getMessage() + ")", e);
            }
            try {
                if (p.waitFor(4, TimeUnit.SECONDS) && p.exitValue() != 0) {
                    throw new IOException(opener + " could not open it (exit status " + p.exitValue() + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
