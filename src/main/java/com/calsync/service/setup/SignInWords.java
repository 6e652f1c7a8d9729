package com.calsync.service.setup;

import com.calsync.config.AccountConfig;
import com.calsync.service.AccountCalendars;
import com.calsync.service.AccountCalendars.CalendarSummary;
import java.util.List;

/** What an account's calendar listing came to, worded for the Settings window. */
final class SignInWords {
    private SignInWords() {
    }

    static Outcome<List<CalendarSummary>> of(AccountCalendars.Listing listing, AccountConfig account) {
        String where = account.url().toString();
        if (listing instanceof AccountCalendars.Listed listed) {
            return Outcome.done(listed.calendars());
        }
        if (listing instanceof AccountCalendars.NoPassword) {
            return Outcome.refused(SetupProblem.Kind.NO_PASSWORD, "No password is stored for " + account.name()
                    + ". Type it and sign in again.");
        }
        if (listing instanceof AccountCalendars.AuthenticationFailed) {
            return Outcome.refused(SetupProblem.Kind.WRONG_PASSWORD, "The server refused the user name or password."
                    + " Check both and sign in again. iCloud needs an app-specific password (not your Apple Account"
                    + " password); Fastmail, Google and Nextcloud with two-factor login need an app password.");
        }
        if (listing instanceof AccountCalendars.CertificateNotTrusted untrusted) {
            return Outcome.refused(SetupProblem.Kind.CERTIFICATE_NOT_TRUSTED, "The certificate of " + where
                    + " is not trusted (self-signed, expired, or made out to another name), so CalSync sent nothing,"
                    + " not even the password. Use the server's address that has a valid certificate. (" + untrusted.message() + ")");
        }
        if (listing instanceof AccountCalendars.Unreachable unreachable) {
            return Outcome.refused(SetupProblem.Kind.UNREACHABLE, "Cannot reach " + where + ". Check the address and"
                    + " the network, then sign in again. (" + unreachable.message() + ")");
        }
        String detail = ((AccountCalendars.Failed) listing).message();
        return Outcome.refused(SetupProblem.Kind.NOT_CALDAV, where + " answered, but not as a CalDAV server: "
                + detail + ". Check the address" + (where.contains("remote.php") ? "" : " (for Nextcloud it ends in"
                + " /remote.php/dav/)") + ".");
    }
}
