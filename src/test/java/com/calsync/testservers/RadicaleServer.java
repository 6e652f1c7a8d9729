package com.calsync.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Radicale 3 on a free loopback port, with its own config (htpasswd auth with a plain password,
 * owner-only rights from a rights file, multifilesystem storage in a temp folder, web UI off).
 * Calendars named {@code readonly-*} are read-only for their owner, see {@link #newReadOnlyCalendar}. Radicale speaks
 * HTTP/1.0 and closes the connection after each answer; a wrong password is answered with 401
 * after a delay of about a second.
 */
public final class RadicaleServer extends LoopbackServer {
    private final String user;
    private final String password;
    private final TestCertificates certificates;

    private RadicaleServer(String user, String password, TestCertificates certificates) {
        super("calsync-radicale-", certificates == null ? null : certificates.clientContext());
        this.user = user;
        this.password = password;
        this.certificates = certificates;
    }

    /** Starts Radicale with user {@code alice}, password {@code secret}. */
    public static RadicaleServer start() {
        return start("alice", "secret");
    }

    public static RadicaleServer start(String user, String password) {
        Path binary = requireBinary("radicale");
        requirePasslib(binary);
        return startOnFreePort(() -> startOnce(binary, user, password, null));
    }

    /**
     * Radicale serving https only, with the server certificate of {@code certificates} (made out
     * for {@code localhost}, signed by their test CA); {@link #baseUrl()} is https://localhost:PORT/.
     */
    public static RadicaleServer startTls(TestCertificates certificates) {
        Path binary = requireBinary("radicale");
        requirePasslib(binary);
        return startOnFreePort(() -> startOnce(binary, "alice", "secret", certificates));
    }

    private static RadicaleServer startOnce(Path binary, String user, String password, TestCertificates certificates) {
        RadicaleServer server = new RadicaleServer(user, password, certificates);
        try {
            server.writeConfig();
            server.startProcess(List.of(binary.toString(), "-C", server.dataDir.resolve("config").toString()),
                    server.baseUrl());
            // The principal collection /USER/ appears on the user's first authenticated request.
            server.send("PROPFIND", server.calendarHome(), Map.of("Depth", "0"), null);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "radicale";
    }

    @Override
    public String username() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public URI principal() {
        return calendarHome();
    }

    @Override
    public URI calendarHome() {
        return baseUrl().resolve("/" + user + "/");
    }

    /**
     * Makes a calendar its owner may read but not write, holding one event with UID
     * {@code readonly-item}. Written straight into Radicale's storage, since the owner may not
     * MKCALENDAR or PUT there.
     */
    public URI newReadOnlyCalendar(String displayName) {
        String name = "readonly-" + System.nanoTime() % 1_000_000;
        Path dir = dataDir.resolve("collections").resolve("collection-root").resolve(user).resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(".Radicale.props"),
                    "{\"tag\": \"VCALENDAR\", \"D:displayname\": \"" + displayName + "\"}", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("readonly-item.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                    "PRODID:-//CalSync//tests//EN", "BEGIN:VEVENT", "UID:readonly-item", "DTSTAMP:20240101T000000Z",
                    "DTSTART:20240301T100000Z", "SUMMARY:Read me", "END:VEVENT", "END:VCALENDAR", ""),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a read-only calendar in " + dir, e);
        }
        return calendarHome().resolve(name + "/");
    }

    private void writeConfig() {
        try {
            Path users = dataDir.resolve("users");
            Files.writeString(users, user + ":" + password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
            String config = """
                    [server]
                    hosts = 127.0.0.1:%d
                    %s

                    [auth]
                    type = htpasswd
                    htpasswd_filename = %s
                    htpasswd_encryption = plain

                    [rights]
                    type = from_file
                    file = %s

                    [storage]
                    type = multifilesystem
                    filesystem_folder = %s

                    [web]
                    type = none

                    [logging]
                    level = warning
                    mask_passwords = True
                    """.formatted(port, tlsSettings(), users, dataDir.resolve("rights"), dataDir.resolve("collections"));
            // owner_only, except that the owner may only read calendars named readonly-*.
            String rights = """
                    [root]
                    user: .+
                    collection:
                    permissions: R

                    [principal]
                    user: .+
                    collection: {user}
                    permissions: RW

                    [readonly]
                    user: .+
                    collection: {user}/readonly-[^/]+
                    permissions: r

                    [calendars]
                    user: .+
                    collection: {user}/[^/]+
                    permissions: rw
                    """;
            Files.writeString(dataDir.resolve("rights"), rights, StandardCharsets.UTF_8);
            Files.writeString(dataDir.resolve("config"), config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Radicale's config in " + dataDir, e);
        }
    }

    private String tlsSettings() {
        return certificates == null ? "ssl = False"
                : "ssl = True\ncertificate = " + certificates.serverCertificate() + "\nkey = " + certificates.serverKey();
    }

    /** Radicale 3.1's htpasswd auth imports passlib even for plain passwords. */
    private static void requirePasslib(Path radicale) {
        String python = "python3";
        try {
            String first = Files.readAllLines(radicale, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (first.startsWith("#!")) {
                python = first.substring(2).trim().split("\\s+")[0];
            }
        } catch (IOException | UncheckedIOException e) {
            // a binary launcher: try python3
        }
        try {
            Process p = new ProcessBuilder(python, "-c", "import passlib.hash").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Radicale's htpasswd auth needs passlib, which is missing; install with: "
                        + INSTALL_HINT);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + python + " to check for passlib; install with: " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
