package com.calsync.platform.macos;

import com.calsync.platform.ColorSchemeSource;
import com.calsync.platform.macos.objc.AppleRuntime;
import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.platform.macos.objc.CallbackTarget;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.Imps;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.platform.macos.objc.ObjCUnavailableException;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS's light or dark appearance, through the Objective-C runtime.
 *
 * <p>Read: {@code NSApp.effectiveAppearance} — "the appearance that AppKit uses to draw the app's
 * interface", which follows the system unless the app overrides it (Apple, NSApplication
 * {@code effectiveAppearance}, macOS 10.14+) — matched against Aqua and Dark Aqua with
 * {@code bestMatchFromAppearancesWithNames:}. AppKit wants that asked on the main thread (on macOS
 * the JavaFX application thread is it); from any other thread, or before AppKit has an
 * application, the user's setting is read instead: {@code AppleInterfaceStyle} in the global
 * defaults domain is {@code "Dark"} in dark mode and absent in light mode ({@code NSUserDefaults}
 * is thread-safe).
 *
 * <p>Changes: macOS posts {@code AppleInterfaceThemeChangedNotification} on the distributed
 * notification centre when the user (or the automatic schedule) switches; it is delivered on the
 * main thread's run loop. The notification is not documented by Apple, but it is what AppKit's own
 * clients have used since 10.10; the new value is read from the defaults, since the
 * application's effective appearance may not have changed yet when it arrives.
 */
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
public final class MacAppearance implements ColorSchemeSource {
    static final String THEME_CHANGED = "AppleInterfaceThemeChangedNotification";
    static final String STYLE_KEY = "AppleInterfaceStyle";
    static final String AQUA = "NSAppearanceNameAqua";
    static final String DARK_AQUA = "NSAppearanceNameDarkAqua";
    private static final Logger log = LoggerFactory.getLogger(MacAppearance.class);

    private final ObjC objc;
    private final Foundation ns;
    private final Pointer center;
    private final Supplier<Pointer> application;
    private final CallbackTarget observer;
    private final List<Consumer<Scheme>> listeners = new CopyOnWriteArrayList<>();
    private volatile Scheme last;

    /**
     * @param center      where the theme-change notification is posted (retained here until close)
     * @param application the NSApplication when it may be asked now (on the main thread), else null
     */
    MacAppearance(ObjC objc, Pointer center, Supplier<Pointer> application) {
        this.objc = objc;
        this.ns = new Foundation(objc);
        this.center = objc.send(center, "retain");
        this.application = application;
        this.last = fromDefaults();
        Imps.Void1 changed = (self, cmd, notification) -> changed();
        this.observer = CallbackTarget.create(objc, changed);
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            objc.sendVoid(center, "addObserver:selector:name:object:", observer.object(), objc.sel(CallbackTarget.SELECTOR),
                    ns.string(THEME_CHANGED), null);
        }
    }

    /**
     * The appearance of this Mac's session, for the menu-bar app.
     *
     * @throws ObjCUnavailableException where Apple's runtime or AppKit cannot be loaded
     */
    public static MacAppearance system() {
        ObjC objc = new ObjC(AppleRuntime.load());
        NativeLibrary appKit;
        try {
            appKit = NativeLibrary.getInstance("AppKit");
        } catch (UnsatisfiedLinkError e) {
            throw new ObjCUnavailableException("cannot load AppKit: " + e.getMessage(), e);
        }
        Pointer center = objc.send(objc.cls("NSDistributedNotificationCenter"), "defaultCenter");
        Pointer nsAppVariable = appKit.getGlobalVariableAddress("NSApp");
        Supplier<Pointer> application = () -> objc.sendBool(objc.cls("NSThread"), "isMainThread")
                ? nsAppVariable.getPointer(0) : null;
        return new MacAppearance(objc, center, application);
    }

    @Override
    public Scheme current() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer app = application.get();
            if (app != null && objc.respondsTo(app, "effectiveAppearance")) {
                Pointer appearance = objc.send(app, "effectiveAppearance");
                if (objc.respondsTo(appearance, "bestMatchFromAppearancesWithNames:")) {
                    Pointer names = ns.array(List.of(ns.string(AQUA), ns.string(DARK_AQUA)));
                    String best = ns.toJava(objc.send(appearance, "bestMatchFromAppearancesWithNames:", names));
                    if (best != null) {
                        return DARK_AQUA.equals(best) ? Scheme.DARK : Scheme.LIGHT;
                    }
                }
            }
        }
        return fromDefaults();
    }

    private Scheme fromDefaults() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer defaults = objc.send(objc.cls("NSUserDefaults"), "standardUserDefaults");
            String style = ns.toJava(objc.send(defaults, "stringForKey:", ns.string(STYLE_KEY)));
            return style != null && style.toLowerCase(Locale.ROOT).equals("dark") ? Scheme.DARK : Scheme.LIGHT;
        }
    }

    private void changed() {
        Scheme now = fromDefaults();
        if (now == last) {
            return; // only a real switch is passed on
        }
        last = now;
        log.info("macOS appearance switched to {}", now.name().toLowerCase(Locale.ROOT));
        for (Consumer<Scheme> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                log.warn("a listener for the macOS appearance failed", e);
            }
        }
    }

    @Override
    public void onChange(Consumer<Scheme> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        objc.sendVoid(center, "removeObserver:", observer.object());
        observer.close();
        objc.sendVoid(center, "release");
    }
}
