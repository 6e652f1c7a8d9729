package com.calsync.secrets;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Passwords in the freedesktop Secret Service (GNOME Keyring, KWallet) through libsecret over
 * JNA, under the schema {@value #SCHEMA} with attributes {@code service} and {@code account}.
 * Uses libsecret's non-variadic {@code …v_sync} calls with a GHashTable of attributes.
 */
public final class SecretServiceStore implements SecretStore {
    public static final String SCHEMA = "com.calsync.Password";
    private static final int SECRET_SCHEMA_NONE = 0;
    private static final int ATTRIBUTE_STRING = 0;

    private final NativeLibrary secret;
    private final NativeLibrary glib;
    private final Memory schema;
    // the schema points at these strings: keep them as long as the schema
    private final Memory[] schemaStrings;

    private SecretServiceStore(NativeLibrary secret, NativeLibrary glib) {
        this.secret = secret;
        this.glib = glib;
        this.schemaStrings = new Memory[] {cString(SCHEMA), cString("service"), cString("account")};
        this.schema = schema(schemaStrings);
    }

    /** Loads libsecret; fails with what to install when it is missing. */
    public static SecretServiceStore load() {
        try {
            return new SecretServiceStore(NativeLibrary.getInstance("libsecret-1.so.0"), NativeLibrary.getInstance("libglib-2.0.so.0"));
        } catch (UnsatisfiedLinkError e) {
            throw new SecretStoreException("libsecret is not installed (" + e.getMessage()
                    + "); install it with `apt-get install libsecret-1-0` (or your distribution's libsecret package)", e);
        }
    }

    /**
     * SecretSchema: {name, flags, attributes[32] of {name, type}, reserved int, 7 reserved pointers}.
     */
    private static Memory schema(Memory[] strings) {
        int ptr = com.sun.jna.Native.POINTER_SIZE;
        long attributesAt = 2L * ptr; // name, then flags padded to a pointer
        long attributeSize = 2L * ptr; // name, then type padded
        Memory m = new Memory(attributesAt + 32 * attributeSize + ptr + 7L * ptr);
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

    @Override
    public String describe() {
        return "the Secret Service (GNOME Keyring / KWallet)";
    }

    /** Whether a Secret Service answers on the session bus (a lookup that finds nothing counts). */
    @Override
    public boolean isAvailable() {
        try {
            find("calsync-availability-probe");
            return true;
        } catch (SecretStoreException e) {
            return false;
        }
    }

    @Override
    public Optional<char[]> find(String account) {
        return withAttributes(account, attributes -> {
            PointerByReference error = new PointerByReference();
            Pointer password = secret.getFunction("secret_password_lookupv_sync")
                    .invokePointer(new Object[] {schema, attributes, Pointer.NULL, error});
            check(error, "read the password of account " + account + " from");
            if (password == null) {
                return Optional.empty();
            }
            try {
                byte[] bytes = password.getByteArray(0, (int) password.indexOf(0, (byte) 0));
                CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
                Arrays.fill(bytes, (byte) 0);
                return Optional.of(Arrays.copyOf(chars.array(), chars.limit()));
            } finally {
                secret.getFunction("secret_password_free").invoke(void.class, new Object[] {password}); // also wipes it
            }
        });
    }

    @Override
    public void save(String account, char[] password) {
        byte[] bytes = KeychainSecretStore.utf8(password);
        Memory value = new Memory(bytes.length + 1L);
        value.clear();
        value.write(0, bytes, 0, bytes.length);
        Arrays.fill(bytes, (byte) 0);
        try {
            withAttributes(account, attributes -> {
                PointerByReference error = new PointerByReference();
                secret.getFunction("secret_password_storev_sync").invokeInt(new Object[] {schema, attributes,
                        Pointer.NULL /* default collection */, cString("CalSync: " + account), value, Pointer.NULL, error});
                check(error, "store the password of account " + account + " in");
                return null;
            });
        } finally {
            value.clear();
        }
    }

    @Override
    public boolean delete(String account) {
        return withAttributes(account, attributes -> {
            PointerByReference error = new PointerByReference();
            int removed = secret.getFunction("secret_password_clearv_sync")
                    .invokeInt(new Object[] {schema, attributes, Pointer.NULL, error});
            check(error, "delete the password of account " + account + " from");
            return removed != 0;
        });
    }

    private interface AttributeCall<T> {
        T apply(Pointer attributes);
    }

    private <T> T withAttributes(String account, AttributeCall<T> call) {
        Map<String, String> values = Map.of("service", KeychainSecretStore.SERVICE, "account", account);
        Pointer table = glib.getFunction("g_hash_table_new").invokePointer(new Object[] {
                glib.getFunction("g_str_hash"), glib.getFunction("g_str_equal")});
        Memory[] keep = new Memory[4];
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
        }
    }

    private void check(PointerByReference error, String what) {
        Pointer e = error.getValue();
        if (e == null) {
            return;
        }
        // GError: {GQuark domain; gint code; gchar *message}
        String message = e.getPointer(8).getString(0, StandardCharsets.UTF_8.name());
        glib.getFunction("g_error_free").invoke(void.class, new Object[] {e});
        throw new SecretStoreException("could not " + what + " the Secret Service: " + message
                + " (is a keyring such as gnome-keyring running and unlocked in this session?)");
    }

    private static Memory cString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(utf8.length + 1L);
        m.write(0, utf8, 0, utf8.length);
        m.setByte(utf8.length, (byte) 0);
        return m;
    }

}
