package com.calsync.service.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AccountPresetTest {
    @Test
    void iCloudAndFastmailHaveOneAddressForEveryone() {
        assertThat(AccountPreset.ICLOUD.needsServer()).isFalse();
        assertThat(AccountPreset.ICLOUD.discoveryUrl("ignored")).isEqualTo(URI.create("https://caldav.icloud.com/"));
        assertThat(AccountPreset.FASTMAIL.discoveryUrl(null)).isEqualTo(URI.create("https://caldav.fastmail.com/"));
        assertThat(AccountPreset.ICLOUD.passwordHint()).contains("app-specific password");
        assertThat(AccountPreset.ICLOUD.helpLink()).contains(URI.create("https://support.apple.com/102654"));
    }

    @Test
    void nextcloudGetsItsDavPathAndAServerWithoutSchemeGetsHttps() {
        assertThat(AccountPreset.NEXTCLOUD.discoveryUrl("cloud.example.org/")).isEqualTo(URI.create("https://cloud.example.org/remote.php/dav/"));
        assertThat(AccountPreset.NEXTCLOUD.discoveryUrl("https://example.org/nc/remote.php/dav/"))
                .isEqualTo(URI.create("https://example.org/nc/remote.php/dav/"));
        assertThat(AccountPreset.RADICALE.discoveryUrl("http://127.0.0.1:5232")).isEqualTo(URI.create("http://127.0.0.1:5232/"));
        assertThat(AccountPreset.OTHER.discoveryUrl(" dav.example.org/cal/ ")).isEqualTo(URI.create("https://dav.example.org/cal/"));
    }

    @Test
    void aMissingOrWrongAddressIsSaidInWords() {
        assertThatThrownBy(() -> AccountPreset.RADICALE.discoveryUrl(" ")).hasMessageStartingWith("give the server's address");
        assertThatThrownBy(() -> AccountPreset.OTHER.discoveryUrl("ftp://x.org/")).hasMessageContaining("is not an http:// or https:// address");
        assertThatThrownBy(() -> AccountPreset.OTHER.discoveryUrl("http://exa mple/")).hasMessageContaining("is not a valid address");
    }
}
