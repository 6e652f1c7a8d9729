package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ical.TimeWindow;
import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.XandikosServer;
import org.junit.jupiter.api.Test;

/** The CalDAV store against Xandikos (HTTP/1.1 keep-alive, git commit ids as tokens, 207-wrapped PUT failures). */
class CalDavStoreXandikosTest extends CalDavStoreTestBase {
    @Override
    protected LocalCalDavServer startServer() {
        return XandikosServer.start();
    }

    @Test
    void xandikosTokensAreCommitIds() {
        assertThat(newEmptyStore().list(TimeWindow.ALL).syncToken()).hasValueSatisfying(
                t -> assertThat(t).matches("[0-9a-f]{40}"));
    }
}
