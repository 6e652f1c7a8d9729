package com.calsync.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX thread, started the first time something is to run on it. The tray icon is AWT's
 * and needs no JavaFX; the popover, its menu and the Settings window do. Until one is first
 * opened the toolkit is not loaded at all — no GTK, no Prism, no pulse timer, whose thread on
 * GTK cannot pause (glass {@code GtkTimer#_pause} is empty) and wakes every pulse while the app
 * sits idle — and the icon comes up a second or two sooner.
 *
 * <p>The toolkit starts on a thread of its own, so neither AWT's event thread nor the caller waits
 * for it; tasks handed in meanwhile run on the JavaFX thread in the order given, once it is up.
 * Implicit exit is turned off first: closing the popover must not end JavaFX.
 */
final class LazyJavaFx implements Executor {
    private static final Logger log = LoggerFactory.getLogger(LazyJavaFx.class);

    private final Object lock = new Object();
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean requested;
    private boolean running;

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            if (running) {
                Platform.runLater(task);
                return;
            }
            waiting.add(task);
            if (requested) {
                return;
            }
            requested = true;
        }
        Thread starter = new Thread(this::start, "calsync-javafx-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Whether the toolkit was asked to start (by the first task). */
    boolean requested() {
        synchronized (lock) {
            return requested;
        }
    }

    private void start() {
        long t0 = System.nanoTime();
        Runnable first = () -> {
            log.info("JavaFX started in {} ms", (System.nanoTime() - t0) / 1_000_000);
            runWaiting();
        };
        try {
            JavaFxStartup.startup(first);
        } catch (IllegalStateException alreadyUp) {
            // the toolkit was started by someone else in this JVM (tests): use it
            Platform.runLater(this::runWaiting);
        } catch (RuntimeException | LinkageError e) {
            log.error("cannot start JavaFX, so the popover and the menu cannot open ({}); the tray icon and the "
                    + "sync go on. Run `calsync status` for the state, or start CalSync from a terminal to see why.", e.toString());
        }
    }

    /** JavaFX thread: everything handed in before the toolkit was up, in order. */
    private void runWaiting() {
        Platform.setImplicitExit(false);
        List<Runnable> tasks;
        synchronized (lock) {
            running = true;
            tasks = List.copyOf(waiting);
            waiting.clear();
        }
        // tasks handed in from now on go through Platform.runLater, so they queue behind these
        tasks.forEach(Runnable::run);
    }
}
