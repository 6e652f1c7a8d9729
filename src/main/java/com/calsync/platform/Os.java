package com.calsync.platform;

import java.util.Locale;

/**
 * The operating system CalSync runs on, read once at start-up from {@code os.name} (by
 * {@code CliEnvironment.system()}) and handed to everything that differs per platform, so a test
 * can be "on a Mac" on any machine.
 *
 * @param kind which family the code branches on
 * @param name {@code os.name} as the JVM reported it ("Mac OS X", "Linux"), for messages
 */
public record Os(Kind kind, String name) {

    /** What CalSync's code distinguishes: macOS, Linux, and the rest (which is treated like Linux). */
    public enum Kind { MACOS, LINUX, OTHER }

    public static final Os MACOS = new Os(Kind.MACOS, "Mac OS X");
    public static final Os LINUX = new Os(Kind.LINUX, "Linux");

    /** The system an {@code os.name} value names. */
    public static Os named(String osName) {
        String lower = osName.toLowerCase(Locale.ROOT);
        Kind kind = lower.startsWith("mac") ? Kind.MACOS : lower.startsWith("linux") ? Kind.LINUX : Kind.OTHER;
        return new Os(kind, osName);
    }

    public boolean isMac() {
        return kind == Kind.MACOS;
    }
}
