package com.calsync.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.CalendarConfig;
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
    void anEventKitCalendarOnLinuxSaysItExistsOnlyOnMacOs() {
        CalendarConfig.EventKit mac = new CalendarConfig.EventKit("mac-home", "Home", Optional.of("iCloud"));
        CalSyncConfig config = new CalSyncConfig(null, Map.of(), Map.of("mac-home", mac), List.of());
        StoreOpener opener = new StoreOpener(new PasswordLookup(Map.of()), state.resolve("feeds"), state.resolve("eventkit"),
                "Linux", Clock.systemUTC());

        assertThatThrownBy(() -> opener.open(config, mac)).isInstanceOf(StoreException.class)
                .hasMessageContaining("\"mac-home\"").hasMessageContaining("eventkit \"Home\" in iCloud")
                .hasMessageContaining("exist only on macOS");
    }
}
