package com.calsync.platform.macos.objc;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.util.Locale;
import java.util.Optional;

/**
 * Apple's Objective-C runtime ({@code libobjc.A.dylib}). Every send goes through
 * {@code objc_msgSend} called as a normal, fixed-arity C function whose argument types come from
 * the Java boxes — never as a variadic call, which breaks on arm64.
 *
 * <p>Return conventions: on arm64 everything (structs, doubles) comes back through plain
 * {@code objc_msgSend}. On x86_64 a struct larger than 16 bytes is returned through memory and
 * needs {@code objc_msgSend_stret}; {@code objc_msgSend_fpret} is only for {@code long double},
 * which Java has no type for, so doubles use plain {@code objc_msgSend} there too.
 */
public final class AppleRuntime implements MessageSender {
    private final NativeLibrary objc;
    private final Function msgSend;
    private final Function msgSendStret;
    private final String arch;

    private AppleRuntime(NativeLibrary objc, String arch) {
        this.objc = objc;
        this.arch = arch;
        this.msgSend = objc.getFunction("objc_msgSend");
        // arm64 has no objc_msgSend_stret at all
        this.msgSendStret = usesStret(arch, Integer.MAX_VALUE) ? objc.getFunction("objc_msgSend_stret") : null;
    }

    /** Loads libobjc and Foundation (so NSString and friends are registered). */
    public static AppleRuntime load() {
        try {
            NativeLibrary objc = NativeLibrary.getInstance("objc");
            NativeLibrary.getInstance("Foundation");
            return new AppleRuntime(objc, System.getProperty("os.arch", "").toLowerCase(Locale.ROOT));
        } catch (UnsatisfiedLinkError e) {
            throw new ObjCUnavailableException("cannot load Apple's Objective-C runtime or Foundation: " + e.getMessage(), e);
        }
    }

    @Override
    public Object send(Class<?> returnType, Pointer receiver, Pointer selector, Object... args) {
        if (receiver == null) {
            return NilResults.zeroOf(returnType);
        }
        Object[] all = new Object[args.length + 2];
        all[0] = receiver;
        all[1] = selector;
        System.arraycopy(args, 0, all, 2, args.length);
        return entryFor(returnType).invoke(returnType, all);
    }

    private Function entryFor(Class<?> returnType) {
        if (Structure.class.isAssignableFrom(returnType)
                && usesStret(arch, Structure.newInstance(returnType.asSubclass(Structure.class)).size())) {
            return msgSendStret;
        }
        return msgSend;
    }

    /** Whether a struct of {@code size} bytes comes back through objc_msgSend_stret on {@code arch}. */
    static boolean usesStret(String arch, int size) {
        boolean x86 = arch.contains("x86") || arch.contains("amd64");
        return x86 && size > 16;
    }

    @Override
    public NativeLibrary runtime() {
        return objc;
    }

    @Override
    public Optional<Pointer> globalBlockIsa() {
        // lives in libsystem_blocks, which every process has loaded
        return Optional.of(NativeLibrary.getProcess().getGlobalVariableAddress("_NSConcreteGlobalBlock"));
    }

    @Override
    public String describe() {
        return "Apple Objective-C runtime (" + arch + ")";
    }
}
