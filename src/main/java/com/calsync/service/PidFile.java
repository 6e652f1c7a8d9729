package com.calsync.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The pid file a running service keeps ({@link InstanceLock} writes it); read with the JDK alone. */
public final class PidFile {
    private PidFile() {
    }

    /** The pid in {@code pidFile}, if it holds one. */
    public static OptionalLong read(Path pidFile) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
