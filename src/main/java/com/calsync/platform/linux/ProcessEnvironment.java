package com.calsync.platform.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Optional;

/**
 * This process's own environment, as native libraries read it (libc's {@code environ}), not
 * Java's copy of it ({@link System#getenv} is fixed at start). For settings that a library loaded
 * later in this process reads with {@code getenv}, such as GTK's. glibc's {@code setenv} is not
 * safe against a concurrent {@code getenv} on another thread, so set them early, before the
 * libraries that read them are loaded.
 */
public final class ProcessEnvironment {
    private final LibC libc;

    /** libc's {@code setenv}/{@code getenv} (POSIX). */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private ProcessEnvironment(LibC libc) {
        this.libc = libc;
    }

    /** This process's environment through libc. */
    public static ProcessEnvironment current() {
        return new ProcessEnvironment(Native.load("c", LibC.class));
    }

    /**
     * Sets {@code name} to {@code value} unless it is already set (the user's own value wins).
     *
     * @return whether it was set now
     */
    public boolean setIfUnset(String name, String value) {
        if (get(name).isPresent()) {
            return false;
        }
        if (libc.setenv(name, value, 0) != 0) {
            throw new IllegalStateException("cannot set " + name + " in this process's environment (setenv failed)");
        }
        return true;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(libc.getenv(name));
    }
}
