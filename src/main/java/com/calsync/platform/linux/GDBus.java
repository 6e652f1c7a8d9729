package com.calsync.platform.linux;

import com.sun.jna.Callback;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session bus through GLib's GDBus (libgio-2.0, which every GTK desktop and JavaFX's GTK
 * glass already load) over JNA: method calls with GVariant arguments, and signal subscriptions
 * dispatched on a thread of our own running a GLib main loop. No D-Bus library of our own.
 *
 * <p>A private connection ({@code g_dbus_connection_new_for_address_sync}), not GLib's shared
 * {@code g_bus_get_sync} one: that one is made with exit-on-close, so the whole JVM would get
 * SIGTERM if the bus went away (GDBusConnection docs, "exit-on-close"), and its address comes
 * from this process's environment rather than the one CalSync was given. GVariants are built
 * with the non-variadic constructors and text crosses as UTF-8 whatever the JVM's encoding
 * (JNA's String conversion uses the platform's, which is ASCII under LANG=C).
 */
public final class GDBus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GDBus.class);
    /** G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION. */
    private static final int CLIENT_OF_A_MESSAGE_BUS = 1 | 8;
    /** Calls give up after this; a desktop service answers in milliseconds. */
    private static final int CALL_TIMEOUT_MS = 3000;

    private final NativeLibrary gio;
    private final Pointer connection;

    private GDBus(NativeLibrary gio, Pointer connection) {
        this.gio = gio;
        this.connection = connection;
    }

    /**
     * The session bus of this login, or empty when there is none: its address from
     * {@code DBUS_SESSION_BUS_ADDRESS}, else {@code $XDG_RUNTIME_DIR/bus} (where systemd's user
     * bus listens, as GLib and libdbus also look), else none; or libgio is missing.
     *
     * @param env the environment CalSync runs in
     */
    public static Optional<GDBus> session(Map<String, String> env) {
        return sessionAddress(env).flatMap(GDBus::connect);
    }

    static Optional<String> sessionAddress(Map<String, String> env) {
        String address = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return Optional.of(address.strip());
        }
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && Path.of(runtimeDir).isAbsolute() && Files.exists(Path.of(runtimeDir, "bus"))) {
            return Optional.of("unix:path=" + Path.of(runtimeDir, "bus"));
        }
        return Optional.empty();
    }

    /** A connection to the message bus at {@code address} (a D-Bus address), or empty if it cannot be reached. */
    public static Optional<GDBus> connect(String address) {
        NativeLibrary gio;
        try {
            gio = NativeLibrary.getInstance("libgio-2.0.so.0");
        } catch (UnsatisfiedLinkError e) {
            log.debug("no libgio-2.0 ({}): no desktop bus", e.getMessage());
            return Optional.empty();
        }
        PointerByReference error = new PointerByReference();
        Memory cAddress = cString(address);
        Pointer connection = (Pointer) gio.getFunction("g_dbus_connection_new_for_address_sync")
                .invoke(Pointer.class, new Object[] {cAddress, CLIENT_OF_A_MESSAGE_BUS, null, null, error});
        Reference.reachabilityFence(cAddress);
        if (connection == null) {
            log.debug("cannot connect to the session bus at {}: {}", address, free(gio, error));
            return Optional.empty();
        }
        return Optional.of(new GDBus(gio, connection));
    }

    /** A D-Bus call that failed; the message is GLib's. */
    public static final class CallFailed extends RuntimeException {
        CallFailed(String message) {
            super(message);
        }
    }

    private Function f(String name) {
        return gio.getFunction(name);
    }

    /** A new floating GVariant string ("s"), the text as UTF-8. */
    public Pointer ofString(String text) {
        Memory utf8 = cString(text);
        try {
            return (Pointer) f("g_variant_new_string").invoke(Pointer.class, new Object[] {utf8});
        } finally {
            Reference.reachabilityFence(utf8);
        }
    }

    /** A new floating GVariant "u". */
    public Pointer ofUint32(int value) {
        return (Pointer) f("g_variant_new_uint32").invoke(Pointer.class, new Object[] {value});
    }

    /** A new floating GVariant "i". */
    public Pointer ofInt32(int value) {
        return (Pointer) f("g_variant_new_int32").invoke(Pointer.class, new Object[] {value});
    }

    /** A new floating tuple of {@code children} (floating ones are consumed), as a call's parameters are. */
    public Pointer tuple(Pointer... children) {
        if (children.length == 0) {
            return (Pointer) f("g_variant_new_tuple").invoke(Pointer.class, new Object[] {null, 0L});
        }
        Memory array = new Memory((long) children.length * com.sun.jna.Native.POINTER_SIZE);
        for (int i = 0; i < children.length; i++) {
            array.setPointer((long) i * com.sun.jna.Native.POINTER_SIZE, children[i]);
        }
        try {
            return (Pointer) f("g_variant_new_tuple").invoke(Pointer.class, new Object[] {array, (long) children.length});
        } finally {
            Reference.reachabilityFence(array);
        }
    }

    /** An empty array of {@code elementType} ("s", "{sv}") as a floating GVariant. */
    public Pointer emptyArray(String elementType) {
        Pointer type = (Pointer) f("g_variant_type_new").invoke(Pointer.class, new Object[] {elementType});
        Pointer array = (Pointer) f("g_variant_new_array").invoke(Pointer.class, new Object[] {type, null, 0L});
        f("g_variant_type_free").invoke(Void.class, new Object[] {type});
        return array;
    }

    /**
     * Calls {@code method} and returns its reply tuple (free it with {@link #unref}).
     *
     * @param parameters a floating GVariant tuple, consumed by the call
     * @throws CallFailed with GLib's message (no such service, an error reply, a time-out)
     */
    public Pointer call(String destination, String path, String iface, String method, Pointer parameters) {
        PointerByReference error = new PointerByReference();
        Pointer reply = (Pointer) f("g_dbus_connection_call_sync").invoke(Pointer.class, new Object[] {connection,
                destination, path, iface, method, parameters, null, 0, CALL_TIMEOUT_MS, null, error});
        if (reply == null) {
            throw new CallFailed(free(gio, error));
        }
        return reply;
    }

    /** Child {@code index} of a tuple or container (free it with {@link #unref}). */
    public Pointer child(Pointer variant, int index) {
        return (Pointer) f("g_variant_get_child_value").invoke(Pointer.class, new Object[] {variant, (long) index});
    }

    /** The value inside a "v", however deeply boxed (the portal's Read answers v inside v). */
    public Pointer unbox(Pointer variant) {
        Pointer v = variant;
        f("g_variant_ref").invoke(Pointer.class, new Object[] {v});
        while ("v".equals(typeOf(v))) {
            Pointer inner = (Pointer) f("g_variant_get_variant").invoke(Pointer.class, new Object[] {v});
            unref(v);
            v = inner;
        }
        return v;
    }

    public String typeOf(Pointer variant) {
        return (String) f("g_variant_get_type_string").invoke(String.class, new Object[] {variant});
    }

    public int uint32(Pointer variant) {
        return f("g_variant_get_uint32").invokeInt(new Object[] {variant});
    }

    public boolean bool(Pointer variant) {
        return f("g_variant_get_boolean").invokeInt(new Object[] {variant}) != 0;
    }

    /** The text of an "s" (or "o", "g") GVariant. */
    public String string(Pointer variant) {
        Pointer text = (Pointer) f("g_variant_get_string").invoke(Pointer.class, new Object[] {variant, null});
        return text.getString(0, StandardCharsets.UTF_8.name());
    }

    /** How many children a container (tuple, array) has. */
    public long childCount(Pointer variant) {
        return f("g_variant_n_children").invokeLong(new Object[] {variant});
    }

    public void unref(Pointer variant) {
        if (variant != null) {
            f("g_variant_unref").invoke(Void.class, new Object[] {variant});
        }
    }

    /** GDBusSignalCallback. */
    public interface SignalCallback extends Callback {
        void invoke(Pointer connection, String sender, String objectPath, String iface, String signal, Pointer parameters,
                    Pointer userData);
    }

    /**
     * Delivers {@code signal} of {@code iface} on {@code path} (whose first argument is {@code arg0},
     * when given) to {@code callback} on a daemon thread running a GLib main loop of its own,
     * until the returned handle is closed. Keep {@code callback} referenced as long as that.
     */
    public AutoCloseable subscribe(String sender, String iface, String signal, String path, String arg0,
                                   SignalCallback callback) {
        Pointer context = (Pointer) f("g_main_context_new").invoke(Pointer.class, new Object[0]);
        Pointer loop = (Pointer) f("g_main_loop_new").invoke(Pointer.class, new Object[] {context, 0});
        java.util.concurrent.CompletableFuture<Integer> id = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            // GDBus calls a subscription back in the thread-default context of the thread that made it
            f("g_main_context_push_thread_default").invoke(Void.class, new Object[] {context});
            id.complete(f("g_dbus_connection_signal_subscribe").invokeInt(new Object[] {connection, sender, iface, signal,
                    path, arg0, 0, callback, null, null}));
            f("g_main_loop_run").invoke(Void.class, new Object[] {loop});
            f("g_main_context_pop_thread_default").invoke(Void.class, new Object[] {context});
        }, "calsync-dbus-signals");
        thread.setDaemon(true);
        thread.start();
        int subscription = id.join();
        awaitBusRoundTrip();
        return () -> {
            f("g_dbus_connection_signal_unsubscribe").invoke(Void.class, new Object[] {connection, subscription});
            f("g_main_loop_quit").invoke(Void.class, new Object[] {loop});
            thread.join(2000);
            f("g_main_loop_unref").invoke(Void.class, new Object[] {loop});
            f("g_main_context_unref").invoke(Void.class, new Object[] {context});
        };
    }

    /**
     * Waits until the bus daemon has handled what this connection sent so far. Subscribing sends
     * the match rule (AddMatch) and looks up the sender's owner without waiting for either, so a
     * signal sent just after {@link #subscribe} returned could arrive before the daemon routes it
     * to us, and be lost. The daemon answers a connection's messages in the order they were sent
     * (D-Bus specification, "Message Bus Specification": messages from one connection arrive in
     * order), so once a later call's reply is back, the subscription is in place.
     */
    private void awaitBusRoundTrip() {
        try {
            unref(call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId", null));
        } catch (CallFailed e) {
            // a bus that cannot answer GetId will not deliver the signal either; nothing to wait for
        }
    }

    /** GError's message (after its domain quark and code), and frees it. */
    private static String free(NativeLibrary gio, PointerByReference error) {
        Pointer e = error.getValue();
        if (e == null) {
            return "unknown error";
        }
        String message = e.getPointer(8).getString(0, "UTF-8");
        gio.getFunction("g_error_free").invoke(Void.class, new Object[] {e});
        return message;
    }

    private static Memory cString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(utf8.length + 1L);
        m.write(0, utf8, 0, utf8.length);
        m.setByte(utf8.length, (byte) 0);
        return m;
    }

    @Override
    public void close() {
        f("g_dbus_connection_close_sync").invoke(Integer.class, new Object[] {connection, null, null});
        f("g_object_unref").invoke(Void.class, new Object[] {connection});
    }
}
