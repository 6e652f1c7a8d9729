package com.calsync.platform.linux;

import com.calsync.platform.DesktopNotifier;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through the desktop's own service: {@code org.freedesktop.Notifications.Notify}
 * on the session bus (Desktop Notifications Specification 1.2), which GNOME Shell, KDE Plasma,
 * Xfce, dunst and the others implement. The body may carry markup there, so it is escaped.
 */
public final class FreedesktopNotifier implements DesktopNotifier {
    private static final Logger log = LoggerFactory.getLogger(FreedesktopNotifier.class);
    static final String SERVICE = "org.freedesktop.Notifications";
    static final String PATH = "/org/freedesktop/Notifications";

    private final GDBus bus;
    private final String appName;
    private final String icon;

    /**
     * @param bus     the session bus
     * @param appName shown by the desktop as the sender
     * @param icon    an icon name or an absolute file path ("" for none)
     */
    public FreedesktopNotifier(GDBus bus, String appName, String icon) {
        this.bus = bus;
        this.appName = appName;
        this.icon = icon;
    }

    /** On the session bus when there is one and it has a notification service. */
    public static Optional<DesktopNotifier> connect(String appName, String icon) {
        return GDBus.session().filter(FreedesktopNotifier::hasService)
                .map(bus -> new FreedesktopNotifier(bus, appName, icon));
    }

    private static boolean hasService(GDBus bus) {
        try {
            var reply = bus.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
                    bus.variant("(s)", SERVICE));
            var child = bus.child(reply, 0);
            boolean has = "b".equals(bus.typeOf(child)) && bus.bool(child);
            bus.unref(child);
            bus.unref(reply);
            return has || activatable(bus);
        } catch (GDBus.CallFailed e) {
            return false;
        }
    }

    /** A service the bus starts on demand (a .service file) counts too. */
    private static boolean activatable(GDBus bus) {
        var reply = bus.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "ListActivatableNames", bus.variant("()"));
        boolean found = bus.typeOf(reply).equals("(as)") && containsName(bus, reply);
        bus.unref(reply);
        return found;
    }

    private static boolean containsName(GDBus bus, com.sun.jna.Pointer reply) {
        var names = bus.child(reply, 0);
        try {
            long n = (long) com.sun.jna.NativeLibrary.getInstance("libglib-2.0.so.0").getFunction("g_variant_n_children")
                    .invokeLong(new Object[] {names});
            for (int i = 0; i < n; i++) {
                var name = bus.child(names, i);
                boolean match = SERVICE.equals(bus.string(name));
                bus.unref(name);
                if (match) {
                    return true;
                }
            }
            return false;
        } finally {
            bus.unref(names);
        }
    }

    @Override
    public void notify(String title, String body) {
        try {
            var reply = bus.call(SERVICE, PATH, SERVICE, "Notify", bus.variant("(susss@as@a{sv}i)", appName, 0, icon,
                    plain(title), markupEscaped(body), bus.emptyArray("s"), bus.emptyArray("{sv}"), -1));
            bus.unref(reply);
        } catch (GDBus.CallFailed e) {
            log.warn("the desktop did not take the notification \"{}\": {}", title, e.getMessage());
        }
    }

    /** The summary is plain text; line breaks would be shown as nothing. */
    static String plain(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** The body may be markup (the spec's body-markup): &, < and > must be entities. */
    static String markupEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
