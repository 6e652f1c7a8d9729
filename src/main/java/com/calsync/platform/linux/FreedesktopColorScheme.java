package com.calsync.platform.linux;

import com.calsync.platform.ColorSchemeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux's light or dark setting: the freedesktop {@code color-scheme} through the desktop portal
 * ({@code org.freedesktop.portal.Settings}, namespace {@code org.freedesktop.appearance}: 1 = prefer
 * dark, 2 = prefer light, 0 = no preference), followed live through its {@code SettingChanged}
 * signal. Without a portal (older or bare desktops) the GTK theme decides: {@code GTK_THEME}, then
 * {@code gtk-application-prefer-dark-theme} or a "-dark" theme name in GTK 3's settings.ini; with
 * no preference anywhere, light.
 */
public final class FreedesktopColorScheme implements ColorSchemeSource {
    private static final Logger log = LoggerFactory.getLogger(FreedesktopColorScheme.class);
    static final String PORTAL = "org.freedesktop.portal.Desktop";
    static final String PORTAL_PATH = "/org/freedesktop/portal/desktop";
    static final String SETTINGS = "org.freedesktop.portal.Settings";
    static final String NAMESPACE = "org.freedesktop.appearance";
    static final String KEY = "color-scheme";

    private final Optional<GDBus> bus;
    private final Scheme fallback;
    private final List<Consumer<Scheme>> listeners = new CopyOnWriteArrayList<>();
    private volatile Scheme current;
    private AutoCloseable subscription;
    // GDBus keeps a native pointer to it: it must live as long as the subscription
    private final GDBus.SignalCallback callback = this::settingChanged;

    FreedesktopColorScheme(Optional<GDBus> bus, Scheme fallback) {
        this.bus = bus;
        this.fallback = fallback;
        this.current = bus.flatMap(this::read).orElse(fallback);
        bus.ifPresent(b -> {
            try {
                subscription = b.subscribe(PORTAL, SETTINGS, "SettingChanged", PORTAL_PATH, NAMESPACE, callback);
            } catch (RuntimeException e) {
                log.debug("cannot follow the desktop's colour scheme: {}", e.getMessage());
            }
        });
    }

    /**
     * The source for this session.
     *
     * @param env      the environment (the bus address, GTK_THEME, XDG_CONFIG_HOME)
     * @param userHome {@code ~}
     */
    public static FreedesktopColorScheme forSession(Map<String, String> env, Path userHome) {
        return new FreedesktopColorScheme(GDBus.session(env), fromGtk(env, userHome));
    }

    private Optional<Scheme> read(GDBus b) {
        try {
            var reply = b.call(PORTAL, PORTAL_PATH, SETTINGS, "Read", b.tuple(b.ofString(NAMESPACE), b.ofString(KEY)));
            var boxed = b.child(reply, 0);
            var value = b.unbox(boxed);
            Optional<Scheme> scheme = "u".equals(b.typeOf(value)) ? ofPortal(b.uint32(value)) : Optional.empty();
            b.unref(value);
            b.unref(boxed);
            b.unref(reply);
            if (scheme.isEmpty()) {
                log.debug("the desktop portal has no colour preference; using the GTK theme");
            }
            return scheme;
        } catch (GDBus.CallFailed e) {
            log.debug("no colour scheme from the desktop portal ({}); using the GTK theme", e.getMessage());
            return Optional.empty();
        }
    }

    private void settingChanged(com.sun.jna.Pointer c, String sender, String path, String iface, String signal,
                                com.sun.jna.Pointer parameters, com.sun.jna.Pointer userData) {
        // called from GLib's thread: nothing may escape into native code
        try {
            onSetting(parameters);
        } catch (RuntimeException e) {
            log.warn("cannot follow the desktop's colour scheme change: {}", e.toString());
        }
    }

    private void onSetting(com.sun.jna.Pointer parameters) {
        GDBus b = bus.orElseThrow();
        if (!"(ssv)".equals(b.typeOf(parameters))) {
            return;
        }
        var namespace = b.child(parameters, 0);
        var key = b.child(parameters, 1);
        try {
            if (NAMESPACE.equals(b.string(namespace)) && KEY.equals(b.string(key))) {
                var boxed = b.child(parameters, 2);
                var value = b.unbox(boxed);
                Scheme next = "u".equals(b.typeOf(value)) ? ofPortal(b.uint32(value)).orElse(fallback) : fallback;
                b.unref(value);
                b.unref(boxed);
                if (next != current) {
                    current = next;
                    log.info("the desktop switched to its {} appearance", next.name().toLowerCase(Locale.ROOT));
                    listeners.forEach(l -> l.accept(next));
                }
            }
        } finally {
            b.unref(namespace);
            b.unref(key);
        }
    }

    /** The portal's value: 1 prefer dark, 2 prefer light, 0 (or anything else) no preference. */
    static Optional<Scheme> ofPortal(int value) {
        return switch (value) {
            case 1 -> Optional.of(Scheme.DARK);
            case 2 -> Optional.of(Scheme.LIGHT);
            default -> Optional.empty();
        };
    }

    /** What GTK would choose: GTK_THEME ("Adwaita:dark"), then GTK 3's settings.ini, else light. */
    static Scheme fromGtk(Map<String, String> env, Path userHome) {
        String theme = env.getOrDefault("GTK_THEME", "");
        if (!theme.isBlank()) {
            return darkName(theme) ? Scheme.DARK : Scheme.LIGHT;
        }
        String configHome = env.get("XDG_CONFIG_HOME");
        Path base = configHome != null && Path.of(configHome).isAbsolute() ? Path.of(configHome) : userHome.resolve(".config");
        Path ini = base.resolve("gtk-3.0/settings.ini");
        try {
            for (String line : Files.readAllLines(ini)) {
                String[] kv = line.split("=", 2);
                if (kv.length < 2) {
                    continue;
                }
                String k = kv[0].strip();
                String v = kv[1].strip().toLowerCase(Locale.ROOT);
                if (k.equals("gtk-application-prefer-dark-theme") && (v.equals("1") || v.equals("true"))
                        || k.equals("gtk-theme-name") && darkName(v)) {
                    return Scheme.DARK;
                }
            }
        } catch (IOException e) {
            // no GTK settings: no preference
        }
        return Scheme.LIGHT;
    }

    private static boolean darkName(String theme) {
        String t = theme.toLowerCase(Locale.ROOT);
        return t.endsWith(":dark") || t.endsWith("-dark") || t.contains("-dark-") || t.endsWith("_dark");
    }

    @Override
    public Scheme current() {
        return current;
    }

    @Override
    public void onChange(Consumer<Scheme> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("while unsubscribing: {}", e.getMessage());
            }
        }
        bus.ifPresent(GDBus::close);
    }
}
