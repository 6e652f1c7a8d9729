package com.calsync.store.caldav;

import com.calsync.bench.servers.LocalCalDavServer;
import com.calsync.bench.servers.XandikosServer;

/** The shared store contract against a real Xandikos. */
class CalDavXandikosContractTest extends CalDavContractTestBase {
    @Override
    protected LocalCalDavServer startServer() {
        return XandikosServer.start();
    }
}
