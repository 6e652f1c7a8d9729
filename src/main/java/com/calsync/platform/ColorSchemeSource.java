package com.calsync.platform;

import java.util.function.Consumer;

/** The desktop's light or dark setting, and word when the user switches it. */
public interface ColorSchemeSource extends AutoCloseable {
    enum Scheme { LIGHT, DARK }

    Scheme current();

    /** {@code listener} runs (on any thread) each time the user switches. */
    void onChange(Consumer<Scheme> listener);

    @Override
    default void close() {
    }
}
