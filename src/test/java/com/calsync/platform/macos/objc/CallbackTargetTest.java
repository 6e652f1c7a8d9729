package com.calsync.platform.macos.objc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Callback targets against GNUstep's runtime: one class, each object its own callback. */
@Tag("gnustep")
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
class CallbackTargetTest {
    private final ObjC objc = GnuStep.objc();
    private final Foundation ns = new Foundation(objc);

    @Test
    void everyTargetRunsItsOwnCallbackWithTheArgumentAndAClosedOneIsGone() {
        List<String> heard = new CopyOnWriteArrayList<>();
        CallbackTarget a = CallbackTarget.create(objc, (self, cmd, arg) -> heard.add("a:" + ns.toJava(objc.send(arg, "description"))));
        CallbackTarget b = CallbackTarget.create(new ObjC(objc.sender()), (self, cmd, arg) -> heard.add("b:" + ns.toJava(objc.send(arg, "description"))));
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            assertThat(objc.className(a.object())).isEqualTo(CallbackTarget.CLASS_NAME);
            assertThat(objc.className(b.object())).as("a second ObjC reuses the class").isEqualTo(CallbackTarget.CLASS_NAME);

            objc.sendVoid(a.object(), CallbackTarget.SELECTOR, ns.string("one"));
            objc.sendVoid(b.object(), CallbackTarget.SELECTOR, ns.string("two"));
            Pointer center = objc.send(objc.cls("NSNotificationCenter"), "defaultCenter");
            objc.sendVoid(center, "addObserver:selector:name:object:", a.object(), objc.sel(CallbackTarget.SELECTOR),
                    ns.string("CalSyncCallbackTargetTest"), null);
            objc.sendVoid(center, "postNotificationName:object:", ns.string("CalSyncCallbackTargetTest"), null);
            objc.sendVoid(center, "removeObserver:", a.object());
        }
        a.close();
        b.close();

        assertThat(heard).hasSize(3).startsWith("a:one", "b:two");
        assertThat(heard.get(2)).startsWith("a:").contains("CalSyncCallbackTargetTest"); // the NSNotification
    }
}
