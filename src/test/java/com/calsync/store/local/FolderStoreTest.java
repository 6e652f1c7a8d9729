package com.calsync.store.local;

import static com.calsync.store.SampleItems.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.ItemRef;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderStoreTest {
    @TempDir
    Path temp;

    @Test
    void listsOnlyIcsFilesAndIgnoresDotfilesTempFilesAndFolders() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("cal"));
        Files.writeString(folder.resolve("a.ics"), event("a", "A"));
        Files.writeString(folder.resolve("B.ICS"), event("b", "B"));
        Files.writeString(folder.resolve(".hidden.ics"), event("h", "H"));
        Files.writeString(folder.resolve(".calsync-123.tmp"), "partial");
        Files.writeString(folder.resolve("notes.txt"), "not an item");
        Files.writeString(folder.resolve("a.ics~"), "editor backup");
        Files.createDirectory(folder.resolve("sub.ics"));

        assertThat(new FolderStore(folder, java.time.Clock.systemUTC()).list(TimeWindow.ALL).etags()).containsOnlyKeys("a.ics", "B.ICS");
    }

    @Test
    void readsFilesWrittenByOtherToolsUnderTheirOwnNames() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("cal"));
        String ics = event("ABC-123", "Written by vdirsyncer");
        Files.writeString(folder.resolve("ABC-123.ics"), ics);
        FolderStore store = new FolderStore(folder, java.time.Clock.systemUTC());

        List<StoredItem> items = store.get(List.of("ABC-123.ics"));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.ics()).isEqualTo(ics);
            assertThat(item.etag()).isEqualTo(store.list(TimeWindow.ALL).etags().get("ABC-123.ics"));
        });
    }

    @Test
    void missingFolderListsEmptyAndIsCreatedOnFirstWrite() {
        Path folder = temp.resolve("later");
        FolderStore store = new FolderStore(folder, java.time.Clock.systemUTC());

        assertThat(store.list(TimeWindow.ALL).etags()).isEmpty();
        assertThat(folder).doesNotExist();
        store.create("first", event("first", "First"));
        assertThat(folder.resolve("first.ics")).isRegularFile();
    }

    @Test
    void missingParentIsAClearError() {
        Path folder = temp.resolve("no-such-parent").resolve("cal");
        FolderStore store = new FolderStore(folder, java.time.Clock.systemUTC());

        assertThatThrownBy(() -> store.list(TimeWindow.ALL))
                .isInstanceOf(StoreException.class).hasMessageContaining(folder.toString())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> store.create("x", event("x", "X")))
                .isInstanceOf(StoreException.class).hasMessageContaining(folder.toString());
    }

    @Test
    void aFileInsteadOfAFolderIsAClearError() throws Exception {
        Path file = Files.writeString(temp.resolve("cal"), "oops");
        assertThatThrownBy(() -> new FolderStore(file, java.time.Clock.systemUTC()).list(TimeWindow.ALL))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a folder");
    }

    @Test
    void refusesHrefsOutsideTheFolder() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("cal"));
        Path outside = Files.writeString(temp.resolve("secret.ics"), event("s", "Secret"));
        String outsideEtag = "whatever";
        FolderStore store = new FolderStore(folder, java.time.Clock.systemUTC());

        for (String href : List.of("../secret.ics", outside.toString(), "sub/x.ics", "..\\secret.ics", "..", "")) {
            assertThatThrownBy(() -> store.get(List.of(href))).as(href)
                    .isInstanceOf(StoreException.class).hasMessageContaining("not an item file name");
            assertThatThrownBy(() -> store.update(href, event("s", "Pwned"), outsideEtag)).as(href)
                    .isInstanceOf(StoreException.class).isNotInstanceOf(PreconditionFailedException.class);
            assertThatThrownBy(() -> store.delete(href, outsideEtag)).as(href)
                    .isInstanceOf(StoreException.class).hasMessageContaining("not an item file name");
        }
        assertThat(outside).hasContent(event("s", "Secret"));
    }

    @Test
    void writesLeaveNoTempFilesBehind() throws Exception {
        Path folder = temp.resolve("cal");
        FolderStore store = new FolderStore(folder, java.time.Clock.systemUTC());
        ItemRef ref = store.create("one", event("one", "One"));
        String etag = store.update(ref.href(), event("one", "Two"), ref.etag());
        store.delete(ref.href(), etag);
        store.create("two", event("two", "x"));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("two.ics");
        }
    }

    @Test
    void createRefusesToOverwriteAForeignFileWithTheSameName() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("cal"));
        Files.writeString(folder.resolve("meeting.ics"), "foreign content");
        FolderStore store = new FolderStore(folder, java.time.Clock.systemUTC());

        assertThatThrownBy(() -> store.create("meeting", event("meeting", "Mine")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("meeting.ics");
        assertThat(folder.resolve("meeting.ics")).hasContent("foreign content");
    }

    @Test
    void sameSizeWritesWithinOneClockTickStillChangeTheEtag() throws Exception {
        // A frozen clock stands in for a coarse mtime: every write lands in the same tick. It is
        // set after today so that only the store's own stamping can put mtimes there.
        Instant tick = Instant.parse("2030-01-01T00:00:00Z");
        FolderStore store = new FolderStore(temp.resolve("cal"), Clock.fixed(tick, ZoneOffset.UTC));
        ItemRef ref = store.create("tick", event("tick", "Version A"));
        Path file = temp.resolve("cal").resolve(ref.href());
        Set<String> etags = new HashSet<>(List.of(ref.etag()));
        Instant mtime = Files.getLastModifiedTime(file).toInstant();
        assertThat(mtime).isEqualTo(tick);

        String etag = ref.etag();
        for (String version : List.of("Version B", "Version C", "Version A", "Version B")) {
            etag = store.update(ref.href(), event("tick", version), etag);
            assertThat(etags.add(etag)).as("etag %s after writing %s is new", etag, version).isTrue();
            Instant next = Files.getLastModifiedTime(file).toInstant();
            assertThat(next).as("mtime moves on although the clock stands still").isAfter(mtime);
            mtime = next;
        }
        assertThat(store.list(TimeWindow.ALL).etags()).containsEntry(ref.href(), etag);
    }

    @Test
    void aForeignEditIsSeenAsANewEtag() throws Exception {
        FolderStore store = new FolderStore(temp.resolve("cal"), java.time.Clock.systemUTC());
        ItemRef ref = store.create("edited", event("edited", "Mine"));
        Path file = temp.resolve("cal").resolve(ref.href());

        Files.writeString(file, event("edited", "Theirs, and longer"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(store.list(TimeWindow.ALL).etags().get(ref.href())).isNotEqualTo(ref.etag());
        assertThatThrownBy(() -> store.update(ref.href(), event("edited", "Mine again"), ref.etag()))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void describeNamesTheFolder() {
        assertThat(new FolderStore(temp.resolve("cal"), java.time.Clock.systemUTC()).describe()).isEqualTo("folder " + temp.resolve("cal"));
    }
}
