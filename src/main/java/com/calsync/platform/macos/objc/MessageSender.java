package com.calsync.platform.macos.objc;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * Sends one Objective-C message. Apple's runtime and GCC's GNU runtime dispatch differently
 * ({@code objc_msgSend} trampolines versus {@code objc_msg_lookup} + IMP), so each has its own
 * implementation; everything above this interface is the same on both.
 *
 * <p>Calls are made non-variadically: each argument's Java box decides its C type
 * ({@link Pointer} → id/SEL/pointer, {@link Long} → NSInteger/NSUInteger, {@link Integer} → int,
 * {@link Double} → double, {@link Byte} → BOOL/char). Arm64 requires this: variadic arguments
 * go on the stack there, where the method would never look.
 */
public interface MessageSender {

    /**
     * Sends {@code selector} to {@code receiver} and returns the result as {@code returnType}:
     * {@code Pointer.class}, {@code long.class}, {@code int.class}, {@code double.class},
     * {@code byte.class}, {@code void.class}, or a {@code Structure.ByValue} class. A null
     * receiver returns null / 0 / 0.0 without calling anything, as Objective-C promises (the
     * GNU runtime would otherwise hand back garbage for floating-point returns).
     */
    Object send(Class<?> returnType, Pointer receiver, Pointer selector, Object... args);

    /** The runtime library, for the functions both runtimes share (objc_getClass, sel_registerName…). */
    NativeLibrary runtime();

    /** The isa a heap-allocated, never-freed block literal should carry, when the runtime has one. */
    Optional<Pointer> globalBlockIsa();

    /** A short name for messages: "Apple Objective-C runtime (arm64)". */
    String describe();
}
