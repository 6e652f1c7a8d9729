package com.calsync.platform.macos.objc;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Tag;

/**
 * The bridge tests against Apple's runtime: objc_msgSend called with fixed arity (arm64 and
 * x86_64), struct and double returns, global blocks. Runs only on macOS ({@code -Dgroups=macos}).
 */
@Tag("macos")
class AppleRuntimeBridgeTest extends ObjCBridgeTest {
    @Override
    protected ObjC runtime() {
        return new ObjC(AppleRuntime.load());
    }

    @Override
    protected Pointer localizedDescriptionKey() {
        return NativeLibrary.getInstance("Foundation").getGlobalVariableAddress("NSLocalizedDescriptionKey").getPointer(0);
    }

    @Override
    protected String greeterClassName() {
        return "CalSyncAppleBridgeTestGreeter";
    }
}
