package com.calsync.platform.macos.objc;

/** The Objective-C runtime (or a framework on top of it) could not be loaded on this machine. */
public final class ObjCUnavailableException extends RuntimeException {
    public ObjCUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
