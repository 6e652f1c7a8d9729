package com.calsync.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZoneResolverTest {
    private final ZoneResolver resolver = new ZoneResolver();

    @Test
    void ianaNamesAsTheyAre() {
        assertThat(resolver.resolve("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(resolver.resolve("\"America/New_York\"")).contains(ZoneId.of("America/New_York"));
    }

    @Test
    void windowsNamesThroughCldr() {
        assertThat(resolver.resolve("China Standard Time")).contains(ZoneId.of("Asia/Shanghai"));
        assertThat(resolver.resolve("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(resolver.resolve("Pacific Standard Time")).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(resolver.resolve("Tokyo Standard Time")).contains(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void mozillaPrefixedNames() {
        assertThat(resolver.resolve("/mozilla.org/20050126_1/Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void unknownNamesAreLeftToTheFilesVtimezone() {
        assertThat(resolver.resolve("My Custom Zone")).isEmpty();
        assertThat(resolver.resolve(null)).isEmpty();
    }
}
