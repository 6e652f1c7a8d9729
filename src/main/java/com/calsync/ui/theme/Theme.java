package com.calsync.ui.theme;

import com.calsync.platform.ColorSchemeSource;
import com.calsync.platform.ColorSchemeSource.Scheme;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Application;

/**
 * The look of every CalSync window and menu: an AtlantaFX theme as JavaFX's user-agent
 * stylesheet — Cupertino on macOS, Primer elsewhere — light or dark as the desktop is, switched
 * live when the user switches. Only AtlantaFX's stylesheets are used (resources of its jar): its
 * classes need Java 21 and JavaFX 23, ours are 17 and 21.
 */
public final class Theme implements AutoCloseable {
    private final boolean mac;
    private final ColorSchemeSource source;
    private final Executor uiThread;
    private final List<Consumer<Scheme>> appliedListeners = new CopyOnWriteArrayList<>();
    private volatile Scheme applied;

    /**
     * @param mac      Cupertino (macOS) rather than Primer
     * @param source   the desktop's light/dark setting
     * @param uiThread the JavaFX thread ({@code Platform::runLater})
     */
    public Theme(boolean mac, ColorSchemeSource source, Executor uiThread) {
        this.mac = mac;
        this.source = source;
        this.uiThread = uiThread;
    }

    /** The stylesheet for {@code scheme} on this desktop. */
    public URL stylesheet(Scheme scheme) {
        String name = (mac ? "cupertino-" : "primer-") + (scheme == Scheme.DARK ? "dark" : "light") + ".css";
        URL url = Theme.class.getResource("/atlantafx/base/theme/" + name);
        if (url == null) {
            throw new IllegalStateException("the theme " + name + " is missing: atlantafx-base is not on the class path");
        }
        return url;
    }

    /** {@code listener} runs on the JavaFX thread after each theme is applied (the first one included). */
    public void onApplied(Consumer<Scheme> listener) {
        appliedListeners.add(listener);
    }

    /** Applies the desktop's scheme now and follows it. JavaFX thread. */
    public void start() {
        apply(source.current());
        source.onChange(scheme -> uiThread.execute(() -> apply(scheme)));
    }

    /** Applies {@code scheme}. JavaFX thread. */
    public void apply(Scheme scheme) {
        if (scheme == applied) {
            return;
        }
        applied = scheme;
        Application.setUserAgentStylesheet(stylesheet(scheme).toExternalForm());
        appliedListeners.forEach(l -> l.accept(scheme));
    }

    public Scheme applied() {
        return applied;
    }

    @Override
    public void close() {
        source.close();
    }
}
