package com.calsync.store.memory;

import static com.calsync.store.SampleItems.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.ical.TimeWindow;
import com.calsync.store.ItemNotFoundException;
import com.calsync.store.ItemRef;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MemoryStoreTest {
    private final MemoryStore store = new MemoryStore();

    @Test
    void touchChangesTheEtagButNotTheContent() {
        String href = store.put("t", event("t", "Same"));
        String before = store.snapshot().get(href).etag();

        store.touch(href);

        assertThat(store.snapshot().get(href).etag()).isNotEqualTo(before);
        assertThat(store.snapshot().get(href).ics()).isEqualTo(event("t", "Same"));
        assertThatThrownBy(() -> store.update(href, event("t", "New"), before))
                .isInstanceOf(com.calsync.store.PreconditionFailedException.class);
        assertThatThrownBy(() -> store.touch("nope.ics")).isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void missingEtagsAreNullFromWritesButListed() {
        store.setMissingEtags(true);
        ItemRef ref = store.create("m", event("m", "M"));
        assertThat(ref.etag()).isNull();
        String listed = store.list(TimeWindow.ALL).etags().get(ref.href());
        assertThat(listed).isNotNull();
        assertThat(store.update(ref.href(), event("m", "M2"), listed)).isNull();
    }

    @Test
    void failNextWritesFailsExactlyThatMany() {
        store.failNextWrites(2);
        assertThatThrownBy(() -> store.create("a", event("a", "A"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("Injected");
        assertThatThrownBy(() -> store.create("a", event("a", "A"))).isInstanceOf(StoreException.class);
        assertThat(store.snapshot()).isEmpty();
        store.create("a", event("a", "A"));
        assertThat(store.snapshot()).hasSize(1);
    }

    @Test
    void failWritesWhereFailsMatchingWritesOnly() {
        ItemRef keep = store.create("keep", event("keep", "K"));
        store.failWritesWhere(write -> write.kind() == MemoryStore.Write.Kind.DELETE);

        assertThatThrownBy(() -> store.delete(keep.href(), keep.etag())).isInstanceOf(StoreException.class);
        store.create("other", event("other", "O"));
        assertThat(store.snapshot()).hasSize(2);

        store.failWritesWhere(null);
        store.delete(keep.href(), keep.etag());
        assertThat(store.snapshot()).hasSize(1);
    }

    @Test
    void readOnlyRefusesWritesButDirectEditsStillWork() {
        store.setReadOnly(true);
        assertThat(store.capabilities().readOnly()).isTrue();
        assertThatThrownBy(() -> store.create("r", event("r", "R"))).isInstanceOf(ReadOnlyStoreException.class);
        String href = store.put("r", event("r", "R"));
        assertThat(store.remove(href)).isTrue();
        assertThat(store.remove(href)).isFalse();
    }

    @Test
    void putReplacesAndRequestsAreCounted() {
        String href = store.put("p", event("p", "One"));
        String etag = store.snapshot().get(href).etag();
        assertThat(store.put("p", event("p", "Two"))).isEqualTo(href);
        assertThat(store.snapshot().get(href).etag()).isNotEqualTo(etag);
        assertThat(store.requestCount()).isZero();
        store.list(TimeWindow.ALL);
        store.get(List.of(href));
        assertThat(store.requestCount()).isEqualTo(2);
    }

    @Test
    void concurrentCreatesAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ItemRef>> refs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String uid = "c" + i;
                refs.add(pool.submit(() -> store.create(uid, event(uid, uid))));
            }
            for (Future<ItemRef> ref : refs) {
                ref.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.list(TimeWindow.ALL).etags()).hasSize(400);
        assertThat(store.list(TimeWindow.ALL).etags().values()).doesNotHaveDuplicates();
    }
}
