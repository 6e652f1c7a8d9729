package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {
    @Test
    void plainUidsAreUsedAsTheyAre() {
        assertThat(ResourceNames.forUid("abc-123@example.org")).isEqualTo("abc-123@example.org.ics");
        assertThat(ResourceNames.forUid("040000008200E00074C5B7101A82E008")).isEqualTo("040000008200E00074C5B7101A82E008.ics");
    }

    @Test
    void unsafeUidsGetAReadablePrefixAndADigest() {
        List<String> odd = List.of("a/b", "q?x", "h#t", "100%", "with space", "日本語", "..", ".hidden", "x".repeat(300));
        for (String uid : odd) {
            String name = ResourceNames.forUid(uid);
            assertThat(name).as(uid).matches("[A-Za-z0-9_-]*-?[0-9a-f]{24}\\.ics").hasSizeLessThan(80);
            assertThat(ResourceNames.forUid(uid)).as("deterministic").isEqualTo(name);
        }
        assertThat(ResourceNames.forUid("a/b")).isNotEqualTo(ResourceNames.forUid("a?b"));
    }

    @Test
    void anEmptyUidIsRefused() {
        assertThatThrownBy(() -> ResourceNames.forUid("")).isInstanceOf(IllegalArgumentException.class);
    }
}
