package com.calsync.platform.macos.objc;

import com.sun.jna.Structure;

/** What a message to nil returns: zero of the expected type, as Objective-C defines it. */
final class NilResults {
    private NilResults() {}

    static Object zeroOf(Class<?> returnType) {
        if (returnType == long.class || returnType == Long.class) {
            return 0L;
        }
        if (returnType == int.class || returnType == Integer.class) {
            return 0;
        }
        if (returnType == double.class || returnType == Double.class) {
            return 0.0;
        }
        if (returnType == float.class || returnType == Float.class) {
            return 0.0f;
        }
        if (returnType == byte.class || returnType == Byte.class) {
            return (byte) 0;
        }
        if (returnType == short.class || returnType == Short.class) {
            return (short) 0;
        }
        if (Structure.class.isAssignableFrom(returnType)) {
            return Structure.newInstance(returnType.asSubclass(Structure.class));
        }
        return null;
    }
}
