package com.calsync.platform.linux;

import com.calsync.platform.DesktopNotifier;
import com.sun.jna.Pointer;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through the desktop's own service: {@code org.freedesktop.Notifications.Notify}
 * on the session bus (Desktop Notifications Specification 1.2), which GNOME Shell, KDE Plasma,
 * Xfce, dunst and the others implement. Where the server announces the {@code body-markup}
 * capability the body is markup there, so &amp;, &lt; and &gt; are sent as entities; elsewhere it
 * is sent as it is (the spec: markup sent to a server without that capability "will show through
 * as regular text").
 */
public final class FreedesktopNotifier implements DesktopNotifier {
    private static final Logger log = LoggerFactory.getLogger(FreedesktopNotifier.class);
    static final String SERVICE = "org.freedesktop.Notifications";
    static final String PATH = "/org/freedesktop/Notifications";
    private static final String BUS = "org.freedesktop.DBus";
    private static final String BUS_PATH = "/org/freedesktop/DBus";

    private final GDBus bus;
    private final String appName;
    private final String icon;
    private final boolean bodyMarkup;

    /**
     * @param bus        the session bus
     * @param appName    shown by the desktop as the sender
     * @param icon       an icon name or an absolute file path ("" for none)
     * @param bodyMarkup whether the server reads the body as markup
     */
    FreedesktopNotifier(GDBus bus, String appName, String icon, boolean bodyMarkup) {
        this.bus = bus;
        this.appName = appName;
        this.icon = icon;
        this.bodyMarkup = bodyMarkup;
    }

    /**
     * On the session bus when there is one and it has a notification service (running, or one the
     * bus starts on demand).
     *
     * @param env the environment CalSync runs in (for the bus address)
     */
    public static Optional<DesktopNotifier> connect(Map<String, String> env, String appName, String icon) {
        Optional<GDBus> session = GDBus.session(env);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        GDBus bus = session.get();
        try {
            if (!hasService(bus)) {
                log.info("no notification service on the session bus; CalSync's notices show as tray balloons");
                bus.close();
                return Optional.empty();
            }
            return Optional.of(new FreedesktopNotifier(bus, appName, icon, capabilities(bus).contains("body-markup")));
        } catch (GDBus.CallFailed e) {
            log.info("the session bus did not answer ({}); CalSync's notices show as tray balloons", e.getMessage());
            bus.close();
            return Optional.empty();
        }
    }

    private static boolean hasService(GDBus bus) {
        Pointer reply = bus.call(BUS, BUS_PATH, BUS, "NameHasOwner", bus.tuple(bus.ofString(SERVICE)));
        Pointer child = bus.child(reply, 0);
        boolean has = "b".equals(bus.typeOf(child)) && bus.bool(child);
        bus.unref(child);
        bus.unref(reply);
        return has || strings(bus, bus.call(BUS, BUS_PATH, BUS, "ListActivatableNames", bus.tuple())).contains(SERVICE);
    }

    /** What the server says it can do (GetCapabilities); none when it does not answer. */
    private static Set<String> capabilities(GDBus bus) {
        try {
            return strings(bus, bus.call(SERVICE, PATH, SERVICE, "GetCapabilities", bus.tuple()));
        } catch (GDBus.CallFailed e) {
            log.debug("the notification service did not list its capabilities: {}", e.getMessage());
            return Set.of();
        }
    }

    /** The strings of a reply "(as)"; frees the reply. */
    private static Set<String> strings(GDBus bus, Pointer reply) {
        Set<String> out = new HashSet<>();
        try {
            if (!"(as)".equals(bus.typeOf(reply))) {
                return out;
            }
            Pointer array = bus.child(reply, 0);
            try {
                for (long i = 0, n = bus.childCount(array); i < n; i++) {
                    Pointer s = bus.child(array, (int) i);
                    out.add(bus.string(s));
                    bus.unref(s);
                }
            } finally {
                bus.unref(array);
            }
            return out;
        } finally {
            bus.unref(reply);
        }
    }

    @Override
    public void notify(String title, String body) {
        String text = bodyMarkup ? markupEscaped(withoutNul(body)) : withoutNul(body);
        try {
            Pointer reply = bus.call(SERVICE, PATH, SERVICE, "Notify", bus.tuple(bus.ofString(appName), bus.ofUint32(0),
                    bus.ofString(icon), bus.ofString(plain(title)), bus.ofString(text), bus.emptyArray("s"),
                    bus.emptyArray("{sv}"), bus.ofInt32(-1)));
            bus.unref(reply);
        } catch (GDBus.CallFailed e) {
            log.warn("the desktop did not take the notification \"{}\": {}", plain(title), e.getMessage());
        }
    }

    /** The summary is one line of plain text: line breaks and tabs become spaces. */
    static String plain(String text) {
        return withoutNul(text).replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** The spec's body markup: &amp;, &lt; and &gt; as entities, line breaks kept. */
    static String markupEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** D-Bus strings cannot carry NUL. */
    private static String withoutNul(String text) {
        return text.replace("\0", "");
    }
}
