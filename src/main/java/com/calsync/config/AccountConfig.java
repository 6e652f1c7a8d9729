package com.calsync.config;

import com.calsync.secrets.PasswordLookup;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A CalDAV account: where the server is and who logs in. There is deliberately no password
 * here: passwords are looked up by account name, first in the environment variable
 * {@link #passwordVariable(String) CALSYNC_PASSWORD_<ACCOUNT>}, then in the Keychain / Secret
 * Service, then in a 0600 file (see {@code calsync account add NAME}).
 *
 * @param name     the key under {@code accounts}
 * @param url      the server's http(s) address (the start of discovery)
 * @param username the login, absent for servers without authentication
 * @param caFile   {@code ca_file}: a PEM file with the CA of a self-hosted server, trusted in
 *                 addition to the system's CAs (verification stays on)
 */
public record AccountConfig(String name, URI url, Optional<String> username, Optional<Path> caFile) {

    /** An account trusting the system's CAs alone. */
    public AccountConfig(String name, URI url, Optional<String> username) {
        this(name, url, username, Optional.empty());
    }

    /** The one account type there is today; kept in the file so others can be added. */
    public static final String TYPE_CALDAV = "caldav";

    /**
     * {@code CALSYNC_PASSWORD_} plus the account name in upper case, other characters as '_': the
     * rule is {@link PasswordLookup}'s, which reads the variable (secrets knows nothing of config).
     */
    public static String passwordVariable(String accountName) {
        return PasswordLookup.variableFor(accountName);
    }

    public String passwordVariable() {
        return passwordVariable(name);
    }
}
