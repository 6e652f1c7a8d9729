package com.calsync.platform.linux;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet) through libsecret over JNA: passwords
 * under one schema of string attributes. Uses libsecret's non-variadic {@code …v_sync} calls with
 * a GHashTable of attributes. Each call blocks on D-Bus until the keyring answers.
 */
public final class LibSecret {
    private static final int SECRET_SCHEMA_NONE = 0;
    private static final int ATTRIBUTE_STRING = 0;
    private static final int MAX_ATTRIBUTES = 32;

    private final NativeLibrary secret;
    private final NativeLibrary glib;
    private final Memory schema;
    // the schema points at these strings: keep them as long as the schema
    private final Memory[] schemaStrings;

    private LibSecret(NativeLibrary secret, NativeLibrary glib, String schemaName, List<String> attributes) {
        this.secret = secret;
        this.glib = glib;
        this.schemaStrings = new Memory[attributes.size() + 1];
        schemaStrings[0] = cString(schemaName);
        for (int i = 0; i < attributes.size(); i++) {
            schemaStrings[i + 1] = cString(attributes.get(i));
        }
        this.schema = schema(schemaStrings);
    }

    /**
     * Loads libsecret with a schema of string attributes.
     *
     * @throws UnsatisfiedLinkError when libsecret or GLib is not installed
     */
    public static LibSecret load(String schemaName, List<String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("a libsecret schema has at most " + MAX_ATTRIBUTES + " attributes");
        }
        return new LibSecret(NativeLibrary.getInstance("libsecret-1.so.0"), NativeLibrary.getInstance("libglib-2.0.so.0"),
                schemaName, attributes);
    }

    /** A call that libsecret refused; the message is GLib's (GError). */
    public static final class LibSecretException extends RuntimeException {
        LibSecretException(String message) {
            super(message);
        }
    }

    /**
     * SecretSchema: {name, flags, attributes[32] of {name, type}, reserved int, 7 reserved pointers}.
     */
    private static Memory schema(Memory[] strings) {
        int ptr = com.sun.jna.Native.POINTER_SIZE;
        long attributesAt = 2L * ptr; // name, then flags padded to a pointer
        long attributeSize = 2L * ptr; // name, then type padded
        Memory m = new Memory(attributesAt + MAX_ATTRIBUTES * attributeSize + ptr + 7L * ptr);
        m.clear();
        m.setPointer(0, strings[0]);
        m.setInt(ptr, SECRET_SCHEMA_NONE);
        for (int i = 1; i < strings.length; i++) {
            long at = attributesAt + (i - 1) * attributeSize;
            m.setPointer(at, strings[i]);
            m.setInt(at + ptr, ATTRIBUTE_STRING);
        }
        return m;
    }

    /** The secret stored under {@code attributes} (a copy the caller wipes), or empty. */
    public Optional<byte[]> lookup(Map<String, String> attributes) {
        return withAttributes(attributes, table -> {
            PointerByReference error = new PointerByReference();
            Pointer password = secret.getFunction("secret_password_lookupv_sync")
                    .invokePointer(new Object[] {schema, table, Pointer.NULL, error});
            check(error);
            if (password == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(password.getByteArray(0, (int) password.indexOf(0, (byte) 0)));
            } finally {
                secret.getFunction("secret_password_free").invoke(void.class, new Object[] {password}); // also wipes it
            }
        });
    }

    /** Stores (or replaces) the secret under {@code attributes} in the default collection. */
    public void store(Map<String, String> attributes, String label, byte[] password) {
        Memory value = new Memory(password.length + 1L);
        value.clear();
        value.write(0, password, 0, password.length);
        try {
            withAttributes(attributes, table -> {
                PointerByReference error = new PointerByReference();
                secret.getFunction("secret_password_storev_sync").invokeInt(new Object[] {schema, table,
                        Pointer.NULL /* default collection */, cString(label), value, Pointer.NULL, error});
                check(error);
                return null;
            });
        } finally {
            value.clear();
        }
    }

    /** Removes the secret under {@code attributes}; false when there was none. */
    public boolean clear(Map<String, String> attributes) {
        return withAttributes(attributes, table -> {
            PointerByReference error = new PointerByReference();
            int removed = secret.getFunction("secret_password_clearv_sync")
                    .invokeInt(new Object[] {schema, table, Pointer.NULL, error});
            check(error);
            return removed != 0;
        });
    }

    private interface AttributeCall<T> {
        T apply(Pointer attributes);
    }

    private <T> T withAttributes(Map<String, String> values, AttributeCall<T> call) {
        Pointer table = glib.getFunction("g_hash_table_new").invokePointer(new Object[] {
                glib.getFunction("g_str_hash"), glib.getFunction("g_str_equal")});
        // the table holds pointers to these strings: keep them until it is gone
        Memory[] keep = new Memory[2 * values.size()];
        int i = 0;
        try {
            for (Map.Entry<String, String> e : values.entrySet()) {
                keep[i] = cString(e.getKey());
                keep[i + 1] = cString(e.getValue());
                glib.getFunction("g_hash_table_insert").invoke(void.class, new Object[] {table, keep[i], keep[i + 1]});
                i += 2;
            }
            return call.apply(table);
        } finally {
            glib.getFunction("g_hash_table_unref").invoke(void.class, new Object[] {table});
            Reference.reachabilityFence(keep);
        }
    }

    private void check(PointerByReference error) {
        Pointer e = error.getValue();
        if (e == null) {
            return;
        }
        // GError: {GQuark domain; gint code; gchar *message}
        String message = e.getPointer(8).getString(0, StandardCharsets.UTF_8.name());
        glib.getFunction("g_error_free").invoke(void.class, new Object[] {e});
        throw new LibSecretException(message);
    }

    private static Memory cString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(utf8.length + 1L);
        m.write(0, utf8, 0, utf8.length);
        m.setByte(utf8.length, (byte) 0);
        return m;
    }
}
