package com.calsync.service;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another CalSync service holds this CALSYNC_HOME's instance lock. */
public final class AlreadyRunningException extends Exception {
    private final transient OptionalLong pid;

    public AlreadyRunningException(Path stateDir, OptionalLong pid) {
        super("CalSync is already running" + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "")
                + " for " + stateDir + "; `calsync stop` stops it");
        this.pid = pid;
    }

    public OptionalLong pid() {
        return pid;
    }
}
