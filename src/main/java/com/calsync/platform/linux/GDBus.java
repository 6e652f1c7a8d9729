package com.calsync.platform.linux;

import com.sun.jna.Callback;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * The session bus through GLib's GDBus (libgio-2.0, which every GTK desktop and JavaFX's GTK
 * glass already load) over JNA: method calls with GVariant arguments, and signal subscriptions
 * dispatched on a thread of our own running a GLib main loop. No D-Bus library of our own.
 */
public final class GDBus implements AutoCloseable {
    private static final int G_BUS_TYPE_SESSION = 2;
    /** Calls give up after this; a desktop service answers in milliseconds. */
    private static final int CALL_TIMEOUT_MS = 3000;

    private final NativeLibrary gio;
    private final Pointer connection;

    private GDBus(NativeLibrary gio, Pointer connection) {
        this.gio = gio;
        this.connection = connection;
    }

    /** The session bus of this login, or empty when there is none (no DBUS_SESSION_BUS_ADDRESS, no libgio). */
    public static Optional<GDBus> session() {
        try {
            NativeLibrary gio = NativeLibrary.getInstance("libgio-2.0.so.0");
            PointerByReference error = new PointerByReference();
            Pointer connection = (Pointer) gio.getFunction("g_bus_get_sync")
                    .invoke(Pointer.class, new Object[] {G_BUS_TYPE_SESSION, null, error});
            if (connection == null) {
                free(gio, error);
                return Optional.empty();
            }
            return Optional.of(new GDBus(gio, connection));
        } catch (UnsatisfiedLinkError e) {
            return Optional.empty();
        }
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

    /** A new floating GVariant, as {@code g_variant_new(format, args…)} builds it. */
    public Pointer variant(String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = format;
        System.arraycopy(args, 0, all, 1, args.length);
        return (Pointer) f("g_variant_new").invoke(Pointer.class, all);
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

    public String string(Pointer variant) {
        return (String) f("g_variant_get_string").invoke(String.class, new Object[] {variant, null});
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
        return () -> {
            f("g_dbus_connection_signal_unsubscribe").invoke(Void.class, new Object[] {connection, subscription});
            f("g_main_loop_quit").invoke(Void.class, new Object[] {loop});
            thread.join(2000);
            f("g_main_loop_unref").invoke(Void.class, new Object[] {loop});
            f("g_main_context_unref").invoke(Void.class, new Object[] {context});
        };
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

    @Override
    public void close() {
        f("g_object_unref").invoke(Void.class, new Object[] {connection});
    }
}
