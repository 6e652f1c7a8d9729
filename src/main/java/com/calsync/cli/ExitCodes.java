package com.calsync.cli;

/**
 * The exit codes of every {@code calsync} command, for scripts and service managers.
 * <ul>
 *   <li>0 — done; for {@code config check}: the config is valid (warnings allowed)</li>
 *   <li>1 — the command ran and found problems: config errors, no config file, a failed sync</li>
 *   <li>3 — {@code sync}: done, but something needs the user: held deletions, items that could not be written</li>
 *   <li>4 — {@code daemon}: another CalSync already runs for this CALSYNC_HOME</li>
 *   <li>2 — the command line itself is wrong (unknown command or option); usage is printed</li>
 *   <li>70 — an unexpected internal error (sysexits' EX_SOFTWARE); the message says what broke</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;
    public static final int ATTENTION = 3;
    public static final int ALREADY_RUNNING = 4;
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
