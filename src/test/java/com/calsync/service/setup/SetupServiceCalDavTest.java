package com.calsync.service.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.config.AccountConfig;
import com.calsync.config.CalendarConfig;
import com.calsync.config.PairConfig;
import com.calsync.config.SyncOverrides;
import com.calsync.service.AccountCalendars.CalendarSummary;
import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.SyncMode;
import com.calsync.sync.SyncOutcome;
import com.calsync.testservers.RadicaleServer;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** Signing in to a real Radicale from the Settings window's service, and a CalDAV → folder pair saved and synced. */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetupServiceCalDavTest {
    private RadicaleServer radicale;
    private URI work;

    @TempDir
    Path home;

    private SetupFixture f;

    @BeforeAll
    void startRadicale() {
        radicale = RadicaleServer.start();
        work = radicale.newCalendar("Work");
        for (int i = 0; i < 3; i++) {
            radicale.send("PUT", work.resolve("w" + i + ".ics"), Map.of("Content-Type", "text/calendar; charset=utf-8"),
                    SetupFixture.event("w" + i + "@t", "Work " + i, i + 1));
        }
        radicale.newCalendar("Chores", java.util.List.of("VTODO"));
    }

    @AfterAll
    void stopRadicale() {
        if (radicale != null) {
            radicale.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        f = new SetupFixture(home, SetupServiceTest.USER_CONFIG);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private AccountConfig account() {
        return new AccountConfig("radicale", AccountPreset.RADICALE.discoveryUrl(radicale.baseUrl().toString()),
                Optional.of(radicale.username()));
    }

    @Test
    void aWrongPasswordIsSaidInWordsAndNothingIsStored() throws Exception {
        String before = Files.readString(f.paths.configFile());

        Outcome<SetupService.SignedIn> result = f.setup.signIn(f.state(), account(), "wrong".toCharArray(), false);

        SetupProblem problem = ((Outcome.Refused<?>) result).problem();
        assertThat(problem.kind()).isEqualTo(SetupProblem.Kind.WRONG_PASSWORD);
        assertThat(problem.message()).startsWith("The server refused the user name or password.").doesNotContain("wrong");
        assertThat(f.secrets.passwords).isEmpty();
        assertThat(Files.readString(f.paths.configFile())).isEqualTo(before);
    }

    @Test
    void signingInListsTheCalendarsStoresThePasswordAndAPairFillsTheFolder() throws Exception {
        SetupService.SignedIn signedIn = f.setup.signIn(f.state(), account(), radicale.password().toCharArray(), false).orElseThrow();

        assertThat(signedIn.calendars()).extracting(CalendarSummary::displayName).contains("Work", "Chores");
        assertThat(signedIn.passwordIn()).contains("the test's memory");
        assertThat(f.secrets.passwords).containsEntry("radicale", radicale.password());
        String text = Files.readString(f.paths.configFile());
        assertThat(text).contains("\"radicale\": { \"type\": \"caldav\", \"url\": \"" + radicale.baseUrl().resolve("/") + "\", \"username\": \"alice\" }",
                "// mine: keep this comment").doesNotContain(radicale.password());
        assertThat(f.setup.calendarsOf(account()).orElseThrow()).extracting(CalendarSummary::path).contains(work.getPath());

        CalendarSummary chosen = signedIn.calendars().stream().filter(c -> c.displayName().equals("Work")).findFirst().orElseThrow();
        SetupState state = f.setup.addCalendar(signedIn.now(), new CalendarConfig.CalDav("work", "radicale", Optional.empty(),
                Optional.of(chosen.path()))).orElseThrow();
        state = f.setup.addCalendar(state, new CalendarConfig.Folder("work-folder", home.resolve("Calendars/work"))).orElseThrow();
        PairConfig pair = new PairConfig("work-to-folder", "work", "work-folder", SyncMode.MIRROR, ConflictPolicy.SOURCE_WINS,
                true, SyncOverrides.NONE);

        assertThat(f.setup.preview(state, pair).orElseThrow().summary())
                .isEqualTo("The first sync would make 3 created, 0 updated, 0 deleted in work-folder.");
        SetupService.SavedPair saved = f.setup.savePair(state, pair).orElseThrow();

        assertThat(saved.firstSync().get(60, TimeUnit.SECONDS).outcome()).isEqualTo(SyncOutcome.OK);
        assertThat(SetupFixture.icsFiles(home.resolve("Calendars/work"))).isEqualTo(3);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).as(p.toString())
                        .doesNotContain(radicale.password());
            }
        }

        assertThat(((Outcome.Refused<?>) f.setup.removeAccount(saved.now(), "radicale")).problem().kind())
                .isEqualTo(SetupProblem.Kind.IN_USE);
    }

    @Test
    void anAccountRemovedTakesItsPasswordWithIt() throws Exception {
        SetupState state = f.setup.signIn(f.state(), account(), radicale.password().toCharArray(), false).orElseThrow().now();
        assertThat(((Outcome.Refused<?>) f.setup.signIn(state, account(), radicale.password().toCharArray(), false)).problem().kind())
                .isEqualTo(SetupProblem.Kind.EXISTS);

        state = f.setup.removeAccount(state, "radicale").orElseThrow();

        assertThat(state.config().orElseThrow().accounts()).isEmpty();
        assertThat(f.secrets.passwords).isEmpty();
        assertThat(Files.readString(f.paths.configFile())).contains("// mine: keep this comment");
    }

    @Test
    void aWebServerThatIsNotCalDavAndAClosedPortAreToldApart() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html>Welcome</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try {
            AccountConfig site = new AccountConfig("site", URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/"),
                    Optional.of("me"));
            AccountConfig nothing = new AccountConfig("nothing", URI.create("http://127.0.0.1:" + closed + "/"), Optional.of("me"));

            SetupProblem notCalDav = ((Outcome.Refused<?>) f.setup.signIn(f.state(), site, "pw".toCharArray(), false)).problem();
            SetupProblem unreachable = ((Outcome.Refused<?>) f.setup.signIn(f.state(), nothing, "pw".toCharArray(), false)).problem();

            assertThat(notCalDav.kind()).isEqualTo(SetupProblem.Kind.NOT_CALDAV);
            assertThat(notCalDav.message()).contains("answered, but not as a CalDAV server", "/remote.php/dav/");
            assertThat(unreachable.kind()).isEqualTo(SetupProblem.Kind.UNREACHABLE);
            assertThat(unreachable.message()).startsWith("Cannot reach http://127.0.0.1:" + closed + "/");
        } finally {
            web.stop(0);
        }
    }
}
