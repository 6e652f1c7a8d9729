package com.calsync.platform.macos;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.ColorSchemeSource.Scheme;
import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.GnuStep;
import com.calsync.platform.macos.objc.Imps;
import com.calsync.platform.macos.objc.ObjC;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The appearance source against GNUstep's real NSUserDefaults and notification centre. GNUstep's
 * distributed centre needs its gdnc daemon, so the theme notification is posted on the local
 * centre here; on a Mac it comes through NSDistributedNotificationCenter.
 */
@Tag("gnustep")
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
class MacAppearanceTest {
    private final ObjC objc = GnuStep.objc();
    private final Foundation ns = new Foundation(objc);
    private final AtomicReference<String> appAppearance = new AtomicReference<>();
    private MacAppearance appearance;

    @AfterEach
    void close() {
        if (appearance != null) {
            appearance.close();
        }
        style("Light");
    }

    /** Sets AppleInterfaceStyle in the (volatile) registration domain of the real NSUserDefaults. */
    private void style(String value) {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer defaults = objc.send(objc.cls("NSUserDefaults"), "standardUserDefaults");
            objc.sendVoid(defaults, "registerDefaults:", ns.dictionary(Map.of(ns.string(MacAppearance.STYLE_KEY), ns.string(value))));
        }
    }

    private Pointer center() {
        return objc.send(objc.cls("NSNotificationCenter"), "defaultCenter");
    }

    private void postThemeChanged() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            objc.sendVoid(center(), "postNotificationName:object:", ns.string(MacAppearance.THEME_CHANGED), null);
        }
    }

    @Test
    void theUsersStyleDecidesWithoutAnApplicationAndASwitchIsPassedOnOnce() {
        style("Dark");
        appearance = new MacAppearance(objc, center(), () -> null);
        assertThat(appearance.current()).isEqualTo(Scheme.DARK);
        List<Scheme> heard = new CopyOnWriteArrayList<>();
        appearance.onChange(heard::add);

        style("Light");
        postThemeChanged();
        postThemeChanged(); // a second notice without a switch is not a change
        style("Dark");
        postThemeChanged();

        assertThat(heard).containsExactly(Scheme.LIGHT, Scheme.DARK);
        assertThat(appearance.current()).isEqualTo(Scheme.DARK);
    }

    @Test
    void theApplicationsEffectiveAppearanceWinsWhenItCanBeAsked() {
        style("Light");
        Pointer app = fakeApplication();
        appearance = new MacAppearance(objc, center(), () -> app);

        appAppearance.set(MacAppearance.DARK_AQUA);
        assertThat(appearance.current()).isEqualTo(Scheme.DARK);
        appAppearance.set(MacAppearance.AQUA);
        assertThat(appearance.current()).isEqualTo(Scheme.LIGHT);
    }

    @Test
    void afterCloseNoticesReachNobody() {
        style("Light");
        appearance = new MacAppearance(objc, center(), () -> null);
        List<Scheme> heard = new CopyOnWriteArrayList<>();
        appearance.onChange(heard::add);
        appearance.close();
        appearance = null;

        style("Dark");
        postThemeChanged();

        assertThat(heard).isEmpty();
    }

    /** An NSApplication stand-in whose effectiveAppearance best-matches to {@link #appAppearance}. */
    private Pointer fakeApplication() {
        Imps.Id1 bestMatch = (self, cmd, names) -> {
            assertThat(ns.list(names, ns::toJava)).containsExactly(MacAppearance.AQUA, MacAppearance.DARK_AQUA);
            return ns.string(appAppearance.get());
        };
        String appearanceClass = "CalSyncTestAppearance";
        Pointer appearanceCls = objc.findClass(appearanceClass).orElseGet(() -> objc.defineClass(appearanceClass, "NSObject")
                .method("bestMatchFromAppearancesWithNames:", "@@:@", bestMatch).register());
        Pointer appearanceObject = objc.send(objc.send(appearanceCls, "alloc"), "init");
        Imps.Id0 effective = (self, cmd) -> appearanceObject;
        String appClass = "CalSyncTestApplication";
        Pointer appCls = objc.findClass(appClass).orElseGet(() -> objc.defineClass(appClass, "NSObject")
                .method("effectiveAppearance", "@@:", effective).register());
        return objc.send(objc.send(appCls, "alloc"), "init");
    }
}
