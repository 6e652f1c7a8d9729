package com.calsync.platform.macos.keychain;

import com.calsync.platform.macos.keychain.KeychainApi.Value;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link KeychainApi} over Security.framework and CoreFoundation through JNA: each query map
 * becomes a CFDictionary whose keys and constant values are Security's global CFStrings, and
 * everything created for a call is released after it. macOS only; loaded on first use.
 */
public final class SecurityFramework implements KeychainApi {
    private static final int CF_STRING_ENCODING_UTF8 = 0x08000100;
    private final NativeLibrary security;
    private final NativeLibrary cf;

    /** @throws UnsatisfiedLinkError where Security.framework cannot be loaded (not a Mac) */
    public SecurityFramework() {
        this.security = NativeLibrary.getInstance("Security");
        this.cf = NativeLibrary.getInstance("CoreFoundation");
    }

    @Override
    public int add(Map<String, Value> attributes) {
        return withDictionaries(List.of(attributes), d -> call(security, "SecItemAdd", d.get(0), Pointer.NULL));
    }

    @Override
    public int copyMatching(Map<String, Value> query, Consumer<byte[]> data) {
        return withDictionaries(List.of(query), d -> {
            PointerByReference result = new PointerByReference();
            int status = call(security, "SecItemCopyMatching", d.get(0), result);
            Pointer found = result.getValue();
            if (found != null) {
                try {
                    long length = cf.getFunction("CFDataGetLength").invokeLong(new Object[] {found});
                    Pointer bytes = cf.getFunction("CFDataGetBytePtr").invokePointer(new Object[] {found});
                    data.accept(bytes.getByteArray(0, (int) length));
                } finally {
                    release(found);
                }
            }
            return status;
        });
    }

    @Override
    public int update(Map<String, Value> query, Map<String, Value> changes) {
        return withDictionaries(List.of(query, changes), d -> call(security, "SecItemUpdate", d.get(0), d.get(1)));
    }

    @Override
    public int delete(Map<String, Value> query) {
        return withDictionaries(List.of(query), d -> call(security, "SecItemDelete", d.get(0)));
    }

    @Override
    public Optional<String> describe(int status) {
        Pointer message = security.getFunction("SecCopyErrorMessageString").invokePointer(new Object[] {status, Pointer.NULL});
        if (message == null) {
            return Optional.empty();
        }
        try {
            Memory buffer = new Memory(1024);
            byte ok = (byte) cf.getFunction("CFStringGetCString").invoke(byte.class,
                    new Object[] {message, buffer, 1024L, CF_STRING_ENCODING_UTF8});
            return ok != 0 ? Optional.of(buffer.getString(0, StandardCharsets.UTF_8.name())) : Optional.empty();
        } finally {
            release(message);
        }
    }

    private interface DictionaryCall {
        int apply(List<Pointer> dictionaries);
    }

    private int withDictionaries(List<Map<String, Value>> maps, DictionaryCall call) {
        List<Pointer> created = new ArrayList<>();
        try {
            List<Pointer> dictionaries = new ArrayList<>();
            for (Map<String, Value> map : maps) {
                Pointer dict = cf.getFunction("CFDictionaryCreateMutable").invokePointer(new Object[] {Pointer.NULL, 0L,
                        cf.getGlobalVariableAddress("kCFTypeDictionaryKeyCallBacks"),
                        cf.getGlobalVariableAddress("kCFTypeDictionaryValueCallBacks")});
                created.add(dict);
                for (Map.Entry<String, Value> e : map.entrySet()) {
                    Pointer value = value(e.getValue(), created);
                    cf.getFunction("CFDictionarySetValue").invoke(void.class, new Object[] {dict, constant(e.getKey()), value});
                }
                dictionaries.add(dict);
            }
            return call.apply(dictionaries);
        } finally {
            created.forEach(this::release);
        }
    }

    private Pointer value(Value value, List<Pointer> created) {
        if (value instanceof Value.Constant c) {
            return constant(c.name());
        }
        if (value instanceof Value.Flag f) {
            return cf.getGlobalVariableAddress(f.value() ? "kCFBooleanTrue" : "kCFBooleanFalse").getPointer(0);
        }
        if (value instanceof Value.Text t) {
            byte[] utf8 = t.text().getBytes(StandardCharsets.UTF_8);
            Pointer s = cf.getFunction("CFStringCreateWithBytes").invokePointer(new Object[] {Pointer.NULL, bytes(utf8),
                    (long) utf8.length, CF_STRING_ENCODING_UTF8, (byte) 0});
            created.add(s);
            return s;
        }
        byte[] data = ((Value.Data) value).bytes();
        Memory copy = bytes(data);
        try {
            Pointer d = cf.getFunction("CFDataCreate").invokePointer(new Object[] {Pointer.NULL, copy, (long) data.length});
            created.add(d);
            return d;
        } finally {
            copy.clear(); // the password's bytes do not linger in our memory
        }
    }

    private static Memory bytes(byte[] data) {
        Memory m = new Memory(Math.max(1, data.length));
        m.write(0, data, 0, data.length);
        return m;
    }

    private Pointer constant(String name) {
        return security.getGlobalVariableAddress(name).getPointer(0);
    }

    private static int call(NativeLibrary lib, String name, Object... args) {
        Function f = lib.getFunction(name);
        return f.invokeInt(args);
    }

    private void release(Pointer cfObject) {
        if (cfObject != null) {
            cf.getFunction("CFRelease").invoke(void.class, new Object[] {cfObject});
        }
    }
}
