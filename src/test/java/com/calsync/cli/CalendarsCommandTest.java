package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import com.calsync.testservers.RadicaleServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code calsync calendars ACCOUNT}, in-process against a real Radicale with a temp CALSYNC_HOME. */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarsCommandTest {
    private RadicaleServer server;
    private URI work;

    @TempDir
    Path home;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    void start() {
        server = RadicaleServer.start();
        work = server.newCalendar("Work");
        server.newCalendar("Chores", List.of("VTODO"));
        server.send("PROPPATCH", work, Map.of("Content-Type", "application/xml"),
                "<?xml version=\"1.0\"?><d:propertyupdate xmlns:d=\"DAV:\" xmlns:a=\"http://apple.com/ns/ical/\">"
                        + "<d:set><d:prop><a:calendar-color>#FF2968FF</a:calendar-color></d:prop></d:set>"
                        + "</d:propertyupdate>");
        server.newReadOnlyCalendar("Holidays (shared)");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void writeConfig(URI url) throws Exception {
        Files.writeString(home.resolve("config.json"), """
                {
                  "accounts": {
                    "home-server": { "type": "caldav", "url": "%s", "username": "%s" }
                  },
                  "calendars": {},
                  "pairs": []
                }
                """.formatted(url, server.username()));
    }

    private int run(Map<String, String> extraEnv, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("CALSYNC_HOME", home.toString());
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), env,
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), Os.LINUX, home);
        return CalSyncCommand.commandLine(environment).execute(args);
    }

    @Test
    void listsEachCalendarWithWhatAUserNeedsToPickOne() throws Exception {
        writeConfig(server.baseUrl());

        int code = run(Map.of("CALSYNC_PASSWORD_HOME_SERVER", server.password()), "calendars", "home-server");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        String text = out.toString();
        assertThat(text).contains("Calendars of account \"home-server\" (alice at " + server.baseUrl() + "): 3");
        String workBlock = block(text, "Work");
        assertThat(workBlock).contains("path:        " + work.getPath())
                .contains("holds:       VEVENT")
                .contains("writable:    yes")
                .contains("sync tokens: yes")
                .contains("color:       #FF2968FF");
        assertThat(block(text, "Chores")).contains("holds:       VTODO (a task list: syncs with a folder or another calendar that holds to-dos)")
                .contains("color:       -");
        assertThat(block(text, "Holidays (shared)")).contains("writable:    no");
        assertThat(text).as("the example names a writable event calendar")
                .contains("\"account\": \"home-server\", \"path\": \"" + work.getPath() + "\"");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aWrongPasswordSaysSoAndMentionsAppSpecificPasswords() throws Exception {
        writeConfig(server.baseUrl());

        int code = run(Map.of("CALSYNC_PASSWORD_HOME_SERVER", "wrong-one"), "calendars", "home-server");

        assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("home-server").contains("app-specific password")
                .contains("CALSYNC_PASSWORD_HOME_SERVER").doesNotContain("wrong-one");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void noPasswordNamesTheVariableWithoutAskingTheServer() throws Exception {
        writeConfig(server.baseUrl());

        int code = run(Map.of(), "calendars", "home-server");

        assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("no password for account home-server (alice)")
                .contains("CALSYNC_PASSWORD_HOME_SERVER");
    }

    @Test
    void anUnreachableServerIsNamedWithWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/");
        writeConfig(nowhere);

        int code = run(Map.of("CALSYNC_PASSWORD_HOME_SERVER", server.password()), "calendars", "home-server");

        assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("cannot reach the CalDAV server of account home-server at " + nowhere)
                .contains("\"url\"");
    }

    @Test
    void anUnknownAccountListsTheOnesThereAre() throws Exception {
        writeConfig(server.baseUrl());

        assertThat(run(Map.of(), "calendars", "icloud")).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(err.toString()).contains("no account \"icloud\"").contains("(accounts: home-server)");
    }

    /** The lines of one calendar's block: from its name to the next blank line. */
    private static String block(String text, String name) {
        int start = text.indexOf("\n  " + name + "\n");
        assertThat(start).as("a block for %s in:\n%s", name, text).isNotNegative();
        int end = text.indexOf("\n\n", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
