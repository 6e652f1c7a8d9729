package com.calsync.ui.settings;

import com.calsync.platform.Os;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** What the Settings window asks of the desktop: show a file or folder, open a web page. */
public interface Desktop {
    /** Opens a file in its application or a folder in the file manager. */
    void open(Path path) throws IOException;

    /** Opens a web page in the browser. */
    void browse(URI page) throws IOException;

    /** {@code open} on macOS, {@code xdg-open} elsewhere: no AWT, so it works beside JavaFX on every desktop. */
    static Desktop system(Os os) {
        String opener = os.isMac() ? "open" : "xdg-open";
        return new Desktop() {
            @Override
            public void open(Path path) throws IOException {
                start(path.toString());
            }

            @Override
            public void browse(URI page) throws IOException {
                start(page.toString());
            }

            private void start(String what) throws IOException {
                new ProcessBuilder(List.of(opener, what)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            }
        };
    }
}
