package com.calsync.cli;

import com.calsync.config.CalSyncPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@code calsync start} launches the long-running app in the background:
 * {@link DetachedDaemonLauncher}, the headless daemon or, when a display is available, the tray
 * app over the same service ({@link DetachedDaemonLauncher#forThisSession}).
 */
interface DaemonLauncher {
    /**
     * Starts the app detached from this terminal.
     *
     * @param home        the {@code --home} given to this command, passed on so the child uses the same folders
     * @param consoleFile where the child's stdout/stderr go (JVM crashes; the log files hold the rest)
     */
    Process launch(CalSyncPaths paths, Optional<Path> home, Path consoleFile) throws IOException;
}
