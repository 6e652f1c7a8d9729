package com.calsync.cli;

import com.calsync.config.CalSyncPaths;
import com.calsync.config.ConfigLoader;
import com.calsync.secrets.FileSecretStore;
import com.calsync.secrets.PlatformSecretStores;
import com.calsync.secrets.SecretStore;
import com.calsync.secrets.SecretStoreException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calsync account add NAME}: asks for the account's password without echo (or reads one
 * line from stdin when that is not a terminal, for scripts) and stores it in the Keychain, the
 * Secret Service, or — when neither exists — the 0600 file, saying which.
 */
@Command(name = "add", description = "Store the password of account NAME (asked for without echo; read from stdin when piped).")
final class AccountAddCommand implements Callable<Integer> {
    /** Where the password comes from. */
    interface PasswordSource {
        /** Whether a person is typing (then the password is asked for twice). */
        boolean interactive();

        /** The password, or null at end of input. */
        char[] read(String prompt);
    }

    /** Which store the password goes to. */
    interface StoreChoice {
        SecretStore choose(CliEnvironment environment, CalSyncPaths paths);
    }

    private final CliEnvironment environment;
    private final PasswordSource passwords;
    private final StoreChoice stores;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The account's name, as under \"accounts\" in config.json.")
    String name;

    AccountAddCommand(CliEnvironment environment) {
        this(environment, systemInput(), (env, paths) -> PlatformSecretStores.detect(env.os(), paths.configDir()).forSaving());
    }

    AccountAddCommand(CliEnvironment environment, PasswordSource passwords, StoreChoice stores) {
        this.environment = environment;
        this.passwords = passwords;
        this.stores = stores;
    }

    @Override
    public Integer call() {
        CalSyncPaths paths = CalSyncCommand.root(spec).paths();
        warnIfUnknown(paths);
        char[] password = passwords.read("Password for account " + name + ": ");
        char[] again = null;
        try {
            if (password == null || password.length == 0) {
                environment.err().println("calsync: no password given for account " + name + "; nothing stored");
                return ExitCodes.PROBLEMS;
            }
            if (passwords.interactive()) {
                again = passwords.read("Once more, to be sure: ");
                if (again == null || !Arrays.equals(password, again)) {
                    environment.err().println("calsync: the two passwords differ; nothing stored");
                    return ExitCodes.PROBLEMS;
                }
            }
            SecretStore store = stores.choose(environment, paths);
            try {
                store.save(name, password);
            } catch (SecretStoreException e) {
                environment.err().println("calsync: " + e.getMessage());
                return ExitCodes.PROBLEMS;
            }
            environment.out().println("Stored the password of account " + name + " in " + store.describe() + ".");
            if (store instanceof FileSecretStore) {
                environment.err().println("warning: no Keychain or Secret Service is available, so the password is in a"
                        + " plain file only you can read (0600). Anyone with access to your files can read it.");
            }
            return ExitCodes.OK;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    private void warnIfUnknown(CalSyncPaths paths) {
        if (!Files.exists(paths.configFile())) {
            return;
        }
        new ConfigLoader(environment.userHome()).load(paths.configFile()).config()
                .filter(c -> !c.accounts().containsKey(name))
                .ifPresent(c -> environment.err().println("warning: " + paths.configFile() + " has no account \"" + name
                        + "\" yet" + (c.accounts().isEmpty() ? "" : " (it has " + String.join(", ", c.accounts().keySet()) + ")")
                        + "; the password is stored anyway"));
    }

    /** The terminal without echo when there is one, else one line of stdin. */
    private static PasswordSource systemInput() {
        return new PasswordSource() {
            private BufferedReader stdin;

            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public char[] read(String prompt) {
                Console console = System.console();
                if (console != null) {
                    return console.readPassword("%s", prompt);
                }
                try {
                    if (stdin == null) {
                        stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
                    }
                    String line = stdin.readLine();
                    return line == null ? null : line.toCharArray();
                } catch (IOException e) {
                    throw new SecretStoreException("cannot read the password from standard input: " + e.getMessage(), e);
                }
            }
        };
    }
}
