package com.calsync.ui;

import com.calsync.platform.ColorSchemeSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A desktop whose light/dark setting the test switches. */
final class FixedScheme implements ColorSchemeSource {
    private final List<Consumer<Scheme>> listeners = new CopyOnWriteArrayList<>();
    private volatile Scheme scheme;

    FixedScheme(Scheme scheme) {
        this.scheme = scheme;
    }

    void switchTo(Scheme next) {
        scheme = next;
        listeners.forEach(l -> l.accept(next));
    }

    @Override
    public Scheme current() {
        return scheme;
    }

    @Override
    public void onChange(Consumer<Scheme> listener) {
        listeners.add(listener);
    }
}
