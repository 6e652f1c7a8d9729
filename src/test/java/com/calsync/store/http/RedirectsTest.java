package com.calsync.store.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.store.StoreException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectsTest {
    @Test
    void aRedirectFromHttpsDownToHttpIsNeverFollowed() {
        assertThatThrownBy(() -> Redirects.target(URI.create("https://dav.example.org/cal/"),
                Optional.of("http://dav.example.org/cal/"), 301))
                .isInstanceOf(StoreException.class).hasMessageContaining("from https down to unencrypted http");
    }

    @Test
    void relativeLocationsResolveAgainstTheUrlThatAnswered() {
        assertThat(Redirects.target(URI.create("https://a.example/x/y"), Optional.of("../z"), 302))
                .isEqualTo(URI.create("https://a.example/z"));
        assertThat(Redirects.target(URI.create("http://a.example/x"), Optional.of("https://b.example/"), 307))
                .isEqualTo(URI.create("https://b.example/"));
    }

    @Test
    void badTargetsAreRefusedWithAReason() {
        URI from = URI.create("https://a.example/");
        assertThatThrownBy(() -> Redirects.target(from, Optional.empty(), 302)).hasMessageContaining("without a Location");
        assertThatThrownBy(() -> Redirects.target(from, Optional.of("file:///etc/passwd"), 302))
                .hasMessageContaining("not an http(s) address");
        assertThatThrownBy(() -> Redirects.target(from, Optional.of("https://me:pw@b.example/"), 302))
                .hasMessageContaining("user name or password");
    }

    @Test
    void onlyReadsAreReads() {
        assertThat(Redirects.isRead("PROPFIND")).isTrue();
        assertThat(Redirects.isRead("REPORT")).isTrue();
        assertThat(Redirects.isRead("PUT")).isFalse();
        assertThat(Redirects.isRead("DELETE")).isFalse();
    }

    @Test
    void originsFillInDefaultPortsAndIgnoreCase() {
        assertThat(Origin.of(URI.create("HTTPS://Dav.Example.org/a"))).isEqualTo(Origin.of(URI.create("https://dav.example.org:443/b")));
        assertThat(Origin.of(URI.create("http://dav.example.org/"))).isNotEqualTo(Origin.of(URI.create("https://dav.example.org/")));
        assertThat(Origin.of(URI.create("https://dav.example.org:8443/"))).isNotEqualTo(Origin.of(URI.create("https://dav.example.org/")));
    }
}
