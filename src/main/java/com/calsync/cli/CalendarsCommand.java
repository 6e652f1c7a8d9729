package com.calsync.cli;

import com.calsync.config.AccountConfig;
import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalSyncPaths;
import com.calsync.secrets.PasswordLookup;
import com.calsync.service.AccountCalendars;
import com.calsync.service.AccountCalendars.CalendarSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calsync calendars ACCOUNT}: discovers a CalDAV account's calendars and prints what a
 * user needs to pick one for config.json: display name, path, what it holds, whether it can be
 * written, whether it supports sync tokens, and its color. Exit codes: 0 listed, 1 the account
 * is unknown, has no password, or the server refused or could not be reached.
 */
@Command(name = "calendars", description = "List a CalDAV account's calendars, to pick one for config.json.")
final class CalendarsCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ACCOUNT", description = "The account's name under \"accounts\" in config.json.")
    String accountName;

    CalendarsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter err = environment.err();
        CalSyncPaths paths = CalSyncCommand.root(spec).paths();
        Optional<CalSyncConfig> loaded = new ConfigAccess(environment).load(paths, false);
        if (loaded.isEmpty()) {
            return ExitCodes.PROBLEMS;
        }
        AccountConfig account = loaded.get().accounts().get(accountName);
        if (account == null) {
            err.println("calsync calendars: no account \"" + accountName + "\" in " + paths.configFile()
                    + (loaded.get().accounts().isEmpty() ? " (it has no accounts)"
                    : " (accounts: " + String.join(", ", loaded.get().accounts().keySet()) + ")"));
            return ExitCodes.PROBLEMS;
        }
        // the same password lookup a sync uses, so a password stored with `calsync account add` counts too
        AccountCalendars.Listing listing = AccountCalendars.standard(paths, environment.env(), environment.os(),
                environment.clock()).list(account);
        if (listing instanceof AccountCalendars.Listed listed) {
            print(account, listed.calendars());
            return ExitCodes.OK;
        }
        err.println("calsync calendars: " + problem(listing, account, paths));
        return ExitCodes.PROBLEMS;
    }

    /** What went wrong, and what to do about it. */
    private static String problem(AccountCalendars.Listing listing, AccountConfig account, CalSyncPaths paths) {
        if (listing instanceof AccountCalendars.NoPassword) {
            return "no password for account " + account.name() + " (" + account.username().orElseThrow() + "): "
                    + PasswordLookup.howToSet(account.name())
                    + " (for iCloud, an app-specific password made at appleid.apple.com)";
        }
        if (listing instanceof AccountCalendars.AuthenticationFailed failed) {
            return failed.message() + "; the password comes from " + PasswordLookup.variableFor(account.name())
                    + " or the one stored with `calsync account add " + account.name() + "`";
        }
        if (listing instanceof AccountCalendars.Unreachable unreachable) {
            return "cannot reach the CalDAV server of account " + account.name() + " at " + account.url() + ": "
                    + unreachable.message() + ". Check the account's \"url\" in " + paths.configFile()
                    + " and the network.";
        }
        if (listing instanceof AccountCalendars.CertificateNotTrusted untrusted) {
            return "the server of account " + account.name() + " at " + account.url() + " has a certificate CalSync"
                    + " cannot trust (self-signed, expired, or issued for another name), so nothing was sent: "
                    + untrusted.message();
        }
        return ((AccountCalendars.Failed) listing).message();
    }

    private void print(AccountConfig account, List<CalendarSummary> calendars) {
        PrintWriter out = environment.out();
        out.println("Calendars of account \"" + account.name() + "\" (" + account.username().map(u -> u + " at ")
                .orElse("") + account.url() + "): " + calendars.size());
        for (CalendarSummary c : calendars) {
            out.println();
            out.println("  " + c.displayName());
            out.println("    path:        " + c.path());
            out.println("    holds:       " + holds(c));
            out.println("    writable:    " + (c.writable() ? "yes" : "no (read-only: fine as a mirror source)"));
            out.println("    sync tokens: " + (c.syncTokens() ? "yes (an unchanged calendar costs one request)"
                    : "no (each sync lists every item's etag)"));
            out.println("    color:       " + c.color().orElse("-"));
        }
        Optional<CalendarSummary> example = calendars.stream().filter(c -> c.holdsEvents() && c.writable()).findFirst()
                .or(() -> calendars.stream().filter(CalendarSummary::holdsEvents).findFirst());
        out.println();
        if (example.isPresent()) {
            out.println("To sync one, name it under \"calendars\" in config.json by path (or by \"name\"), e.g.:");
            out.println("  \"my-calendar\": { \"account\": \"" + account.name() + "\", \"path\": \""
                    + example.get().path() + "\" }");
        } else {
            out.println("None of these holds events. A task list syncs with a folder or a calendar that holds to-dos:");
            calendars.stream().findFirst().ifPresent(c -> out.println("  \"my-tasks\": { \"account\": \""
                    + account.name() + "\", \"path\": \"" + c.path() + "\" }"));
        }
        out.flush();
    }

    private static String holds(CalendarSummary c) {
        if (c.components().isEmpty()) {
            return "any component (the server does not say)";
        }
        String kinds = String.join(", ", new TreeSet<>(c.components()));
        if (!c.holdsEvents()) {
            return kinds + " (a task list: syncs with a folder or another calendar that holds to-dos)";
        }
        return kinds;
    }
}
