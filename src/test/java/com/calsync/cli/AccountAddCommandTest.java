package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import com.calsync.secrets.FileSecretStore;
import com.calsync.secrets.SecretStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AccountAddCommandTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Deque<String> prompts = new ArrayDeque<>();

    private int run(boolean interactive, List<String> typed, SecretStore store, String... args) {
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), Os.LINUX, home);
        Deque<String> input = new ArrayDeque<>(typed);
        AccountAddCommand.PasswordSource source = new AccountAddCommand.PasswordSource() {
            public boolean interactive() {
                return interactive;
            }

            public char[] read(String prompt) {
                prompts.add(prompt);
                String next = input.poll();
                return next == null ? null : next.toCharArray();
            }
        };
        CliFactory defaults = new CliFactory(environment);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == AccountAddCommand.class ? (K) new AccountAddCommand(environment, source, (e, p) -> store)
                        : defaults.create(cls);
            }
        };
        return CalSyncCommand.commandLine(environment, factory).execute(args);
    }

    @Test
    void aPipedPasswordIsStoredAndTheFileFallbackWarns() {
        FileSecretStore file = new FileSecretStore(home.resolve("secrets.json"));

        int code = run(false, List.of("s3cret 密码"), file, "--home", home.toString(), "account", "add", "icloud");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(file.find("icloud").map(String::new)).contains("s3cret 密码");
        assertThat(out.toString()).contains("Stored the password of account icloud in the private file");
        assertThat(err.toString()).contains("warning: no Keychain or Secret Service").doesNotContain("s3cret");
        assertThat(prompts).hasSize(1);
    }

    @Test
    void aTypedPasswordIsAskedTwiceAndMismatchesStoreNothing() {
        FileSecretStore file = new FileSecretStore(home.resolve("secrets.json"));

        int code = run(true, List.of("one", "two"), file, "--home", home.toString(), "account", "add", "icloud");

        assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("differ");
        assertThat(file.find("icloud")).isEmpty();
        assertThat(prompts).hasSize(2);
    }

    @Test
    void anEmptyPasswordIsRefusedAndAnUnknownAccountIsPointedOut() throws Exception {
        Files.writeString(home.resolve("config.json"), """
                { "accounts": { "work": { "url": "https://dav.example.com/", "username": "me" } } }
                """);
        FileSecretStore file = new FileSecretStore(home.resolve("secrets.json"));

        int code = run(false, List.of(), file, "--home", home.toString(), "account", "add", "icluod");

        assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("has no account \"icluod\"", "(it has work)", "no password given");
    }
}
