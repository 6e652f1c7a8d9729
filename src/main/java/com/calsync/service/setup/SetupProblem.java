package com.calsync.service.setup;

import com.calsync.config.ConfigProblem;
import java.util.List;

/**
 * Why a setup step did not happen, in words for the person at the window.
 *
 * @param kind     what kind of failure, for the window to choose where to show it
 * @param message  what happened and what to do
 * @param problems config.json problems behind an {@link Kind#INVALID} result (as {@code calsync
 *                 config check} prints them), else empty
 */
public record SetupProblem(Kind kind, String message, List<ConfigProblem> problems) {
    /** The kinds of failure. */
    public enum Kind {
        /** The change would make config.json invalid; nothing was written. */
        INVALID,
        /** config.json was changed by someone else since the window read it; nothing was written. */
        CHANGED_OUTSIDE,
        /** config.json cannot be edited here (a syntax error, not UTF-8) or read at all. */
        NOT_EDITABLE,
        /** The server refused the user name or password. */
        WRONG_PASSWORD,
        /** No password was given or stored for an account that needs one. */
        NO_PASSWORD,
        /** The address answers, but not as a CalDAV server. */
        NOT_CALDAV,
        /** The server's TLS certificate is not trusted; nothing was sent. */
        CERTIFICATE_NOT_TRUSTED,
        /** The server or feed could not be reached. */
        UNREACHABLE,
        /** Something still uses what was to be removed. */
        IN_USE,
        /** The name is taken. */
        EXISTS,
        /** The password could not be stored. */
        SECRET_STORE,
        /** Anything else; the message says what. */
        FAILED
    }

    public SetupProblem {
        problems = List.copyOf(problems);
    }

    public SetupProblem(Kind kind, String message) {
        this(kind, message, List.of());
    }
}
