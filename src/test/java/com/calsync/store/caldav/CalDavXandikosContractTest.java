package com.calsync.store.caldav;

import com.calsync.testservers.LocalCalDavServer;
import com.calsync.testservers.XandikosServer;

/** The shared store contract against a real Xandikos. */
class CalDavXandikosContractTest extends CalDavContractTestBase {
    @Override
    protected LocalCalDavServer startServer() {
        return XandikosServer.start();
    }
}
