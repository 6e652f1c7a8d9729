package com.calsync.store.caldav;

import com.calsync.testservers.LocalCalDavServer;
import com.calsync.store.CalendarStore;
import com.calsync.store.CalendarStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/** The shared store contract against a real CalDAV server, one fresh calendar collection per test. */
@Tag("caldav")
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CalDavContractTestBase extends CalendarStoreContract {
    private CalDavStoreFixture fixture;

    /** Starts the server this subclass checks the store against. */
    protected abstract LocalCalDavServer startServer();

    @BeforeAll
    void startFixture() {
        fixture = CalDavStoreFixture.start(this::startServer);
    }

    @AfterAll
    void stopFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void closeStores() {
        fixture.closeStores();
    }

    @Override
    protected CalendarStore newEmptyStore() {
        return fixture.newEmptyStore();
    }

    /** Each item is one PUT; 50 still crosses the multiget batches of 10 several times. */
    @Override
    protected int manyItems() {
        return 50;
    }
}
