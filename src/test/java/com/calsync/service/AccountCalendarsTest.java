package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import com.calsync.config.AccountConfig;
import com.calsync.secrets.PasswordLookup;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failures of listing an account's calendars that need no server; CalendarsCommandTest lists real ones on Radicale. */
class AccountCalendarsTest {
    @TempDir
    Path state;

    private AccountCalendars calendars(Map<String, String> env) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
        return new AccountCalendars(new StoreOpener(new PasswordLookup(env), state.resolve("feeds"),
                state.resolve("eventkit"), Os.LINUX, clock), clock);
    }

    @Test
    void anAccountWithAUserButNoPasswordAsksNothingOfTheServer() {
        // port 9 (discard) on a documentation address: a request would fail, not say NoPassword
        AccountConfig account = new AccountConfig("work", URI.create("http://192.0.2.1:9/"), Optional.of("me"));

        assertThat(calendars(Map.of()).list(account)).isEqualTo(new AccountCalendars.NoPassword());
    }

    @Test
    void aServerThatDoesNotAnswerIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AccountConfig account = new AccountConfig("home", URI.create("http://127.0.0.1:" + closedPort + "/"),
                Optional.of("me"));

        AccountCalendars.Listing listing = calendars(Map.of("CALSYNC_PASSWORD_HOME", "secret")).list(account);

        assertThat(listing).isInstanceOf(AccountCalendars.Unreachable.class);
        assertThat(((AccountCalendars.Unreachable) listing).message()).doesNotContain("secret");
    }
}
