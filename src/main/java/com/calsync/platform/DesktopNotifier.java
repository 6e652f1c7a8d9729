package com.calsync.platform;

/** Shows a notification through the desktop's own service. */
public interface DesktopNotifier {
    /** Title and body are plain text; implementations escape what their transport needs. */
    void notify(String title, String body);
}
