package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CalDavClientTest {
    @Test
    void backoffDoublesUpToItsCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(60));
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void onlyAConnectionClosedBeforeAnyAnswerCountsAsStale() {
        var eof = new java.io.EOFException("EOF reached while reading");
        assertThat(CalDavClient.isStaleConnection(new java.io.IOException("HTTP/1.1 header parser received no bytes", eof)))
                .isTrue();
        assertThat(CalDavClient.isStaleConnection(new java.io.IOException("fixed content-length: 173, bytes received: 86", eof)))
                .as("a body cut short after the server did the work").isFalse();
        assertThat(CalDavClient.isStaleConnection(new java.net.http.HttpTimeoutException("request timed out"))).isFalse();
    }

    @Test
    void theAccountNeverPrintsItsPassword() {
        CalDavAccount account = new CalDavAccount("icloud", URI.create("https://caldav.icloud.com/"), "me@icloud.com",
                "hunter2"::toCharArray);
        assertThat(account.toString()).contains("icloud", "me@icloud.com").doesNotContain("hunter2");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new CalDavAccount("work", URI.create("https://me:hunter2@dav.example.org/"), "me",
                "hunter2"::toCharArray))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keychain")
                .hasMessageNotContaining("hunter2");
    }
}
