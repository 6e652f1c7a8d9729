package com.calsync.config;

import java.util.regex.Pattern;

/**
 * A name from config.json (a pair's, a calendar's) made fit to be part of a state file's name:
 * every character other than an ASCII letter, digit, '.', '_' or '-' becomes '_'. Existing state
 * files were named this way, so the rule must not change: a different name is a lost state.
 */
public final class SafeFileName {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private SafeFileName() {
    }

    public static String of(String name) {
        return UNSAFE.matcher(name).replaceAll("_");
    }
}
