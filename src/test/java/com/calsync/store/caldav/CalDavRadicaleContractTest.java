package com.calsync.store.caldav;

import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.RadicaleServer;

/** The shared store contract against a real Radicale. */
class CalDavRadicaleContractTest extends CalDavContractTestBase {
    @Override
    protected LocalCalDavServer startServer() {
        return RadicaleServer.start();
    }
}
