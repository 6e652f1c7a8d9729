package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalendarConfig;
import com.calsync.platform.Os;
import com.calsync.secrets.PasswordLookup;
import com.calsync.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOpenerEventKitTest {
    @TempDir
    Path state;

    @Test
    void anEventKitToCalDavPairIsConfigurable() {
        var result = new com.calsync.config.ConfigLoader(state).parse("""
                {
                  "accounts": { "icloud": { "url": "https://caldav.icloud.com/", "username": "me@icloud.com" } },
                  "calendars": {
                    "mac-home": { "type": "eventkit", "name": "Home", "source": "On My Mac" },
                    "icloud-home": { "account": "icloud", "name": "Home" }
                  },
                  "pairs": [ { "name": "mac-to-icloud", "source": "mac-home", "target": "icloud-home", "mode": "two-way" } ]
                }
                """, "config.json", state);

        org.assertj.core.api.Assertions.assertThat(result.errors()).isEmpty();
        CalSyncConfig config = result.config().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(config.calendars().get("mac-home"))
                .isEqualTo(new CalendarConfig.EventKit("mac-home", "Home", Optional.of("On My Mac")));
        StoreOpener opener = new StoreOpener(new PasswordLookup(Map.of()), state.resolve("feeds"), state.resolve("eventkit"),
                Os.LINUX, Clock.systemUTC());
        assertThatThrownBy(() -> opener.open(config, config.calendars().get("mac-home")))
                .hasMessageContaining("exist only on macOS");
    }

    @Test
    void anEventKitCalendarOnLinuxSaysItExistsOnlyOnMacOs() {
        CalendarConfig.EventKit mac = new CalendarConfig.EventKit("mac-home", "Home", Optional.of("iCloud"));
        CalSyncConfig config = new CalSyncConfig(null, Map.of(), Map.of("mac-home", mac), List.of());
        StoreOpener opener = new StoreOpener(new PasswordLookup(Map.of()), state.resolve("feeds"), state.resolve("eventkit"),
                Os.LINUX, Clock.systemUTC());

        assertThatThrownBy(() -> opener.open(config, mac)).isInstanceOf(StoreException.class)
                .hasMessageContaining("\"mac-home\"").hasMessageContaining("eventkit \"Home\" in iCloud")
                .hasMessageContaining("exist only on macOS");
    }
}
