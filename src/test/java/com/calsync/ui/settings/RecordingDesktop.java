package com.calsync.ui.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what the window asked the desktop to open, instead of starting a file manager or browser. */
final class RecordingDesktop implements Desktop {
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Override
    public void open(Path path) {
        opened.add("open " + path);
    }

    @Override
    public void browse(URI page) {
        opened.add("browse " + page);
    }
}
