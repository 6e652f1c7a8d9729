package com.calsync.store.caldav;

import com.calsync.bench.servers.LocalCalDavServer;
import com.calsync.bench.servers.RadicaleServer;

/** The shared store contract against a real Radicale. */
class CalDavRadicaleContractTest extends CalDavContractTestBase {
    @Override
    protected LocalCalDavServer startServer() {
        return RadicaleServer.start();
    }
}
