package com.calsync.platform.macos.objc;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * A block literal for completion handlers, built in native memory: {@code isa, flags, reserved,
 * invoke, descriptor} followed by the descriptor {@code reserved, size}. On macOS it is a global
 * block ({@code _NSConcreteGlobalBlock}, {@code BLOCK_IS_GLOBAL}), so {@code Block_copy} returns
 * it unchanged and nothing ever frees it; on GNUstep its isa is a Java-registered class.
 *
 * <p>The invoke callback receives the block pointer first, then the block's arguments, and may be
 * called on any thread. The block and its callback stay reachable through the {@link ObjC} it was
 * made with: a handler the framework keeps may be called late.
 */
public final class Block {
    static final int BLOCK_IS_GLOBAL = 1 << 28;

    private final Memory memory;
    private final Callback invoke;

    private Block(Memory memory, Callback invoke) {
        this.memory = memory;
        this.invoke = invoke;
    }

    /** A block whose body is {@code invoke} (first parameter: the block itself). */
    public static Block of(ObjC objc, Callback invoke) {
        int ptr = Native.POINTER_SIZE;
        int literalSize = ptr + 4 + 4 + ptr + ptr;
        Memory memory = new Memory(literalSize + 2L * ptr);
        memory.clear();
        Pointer descriptor = memory.share(literalSize);
        descriptor.setLong(0, 0);
        descriptor.setLong(ptr, literalSize);
        memory.setPointer(0, objc.blockIsa());
        memory.setInt(ptr, BLOCK_IS_GLOBAL);
        memory.setInt(ptr + 4L, 0);
        memory.setPointer(ptr + 8L, CallbackReference.getFunctionPointer(invoke));
        memory.setPointer(ptr + 8L + ptr, descriptor);
        Block block = new Block(memory, invoke);
        objc.keepAlive(block);
        return block;
    }

    /** The block as an Objective-C argument. */
    public Pointer pointer() {
        return memory;
    }

    Callback invoke() {
        return invoke;
    }

    /** {@code void (^)(BOOL granted, NSError *error)}: EventKit's access-request handler. */
    public interface BoolErrorHandler extends Callback {
        void invoke(Pointer block, byte granted, Pointer error);
    }
}
