package com.calsync.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemFileNameTest {

    @Test
    void plainLowerCaseUidsAreUsedAsIs() {
        assertThat(ItemFileName.forUid("abc123@google.com")).isEqualTo("abc123@google.com.ics");
        assertThat(ItemFileName.forUid("a-b_c+d")).isEqualTo("a-b_c+d.ics");
    }

    @Test
    void otherUidsKeepTheirReadablePartAndGetAHash() {
        String name = ItemFileName.forUid("8A3B-C9 x/y");
        assertThat(name).matches("8A3B-C9_x_y~[0-9a-f]{16}\\.ics");
        assertThat(ItemFileName.forUid("8A3B-C9 x/y")).as("deterministic").isEqualTo(name);
    }

    @Test
    void namesAreSafeForAnyUid() {
        List<String> uids = List.of("/", "..", "../../etc/passwd", "a\\b:c", "?#%", " ", "日本語", "😀", ".hidden",
                "x\0y", "CON", "z".repeat(5000), "é".repeat(300));
        for (String uid : uids) {
            String name = ItemFileName.forUid(uid);
            assertThat(name).as(uid).matches("[A-Za-z0-9._@+~-]+\\.ics").doesNotStartWith(".");
            assertThat(Path.of(name).getFileName()).hasToString(name);
            assertThat(name.getBytes(StandardCharsets.UTF_8).length).as(uid).isLessThanOrEqualTo(255);
            assertThat(FolderStore.isItemName(name)).isTrue();
        }
    }

    @Test
    void uidsDifferingOnlyInCaseNeverShareANameEvenIgnoringCase() {
        List<String> uids = List.of("meeting", "Meeting", "MEETING", "meetinG", "abc@x.org", "ABC@X.ORG");
        Set<String> folded = new HashSet<>();
        for (String uid : uids) {
            assertThat(folded.add(ItemFileName.forUid(uid).toLowerCase(Locale.ROOT))).as(uid).isTrue();
        }
    }

    @Test
    void uidsSharingAReadablePrefixStayDistinct() {
        String prefix = "p".repeat(250);
        assertThat(ItemFileName.forUid(prefix + "1")).isNotEqualTo(ItemFileName.forUid(prefix + "2"));
        assertThat(ItemFileName.forUid("a b")).isNotEqualTo(ItemFileName.forUid("a/b"));
    }

    @Test
    void refusesAnEmptyUid() {
        assertThatThrownBy(() -> ItemFileName.forUid("")).isInstanceOf(IllegalArgumentException.class);
    }
}
