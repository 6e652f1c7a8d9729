package com.calsync.platform.macos.objc;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The runtime functions Apple's and the GNU runtime both export under the same names. */
interface RuntimeFunctions extends Library {
    Pointer objc_getClass(String name);

    Pointer objc_getMetaClass(String name);

    Pointer sel_registerName(String name);

    String class_getName(Pointer cls);

    byte class_respondsToSelector(Pointer cls, Pointer sel);

    Pointer objc_allocateClassPair(Pointer superclass, String name, long extraBytes);

    void objc_registerClassPair(Pointer cls);

    byte class_addMethod(Pointer cls, Pointer sel, Callback imp, String types);

    Pointer class_replaceMethod(Pointer cls, Pointer sel, Callback imp, String types);

    byte class_addIvar(Pointer cls, String name, long size, byte alignmentLog2, String types);

    Pointer class_getInstanceVariable(Pointer cls, String name);

    long ivar_getOffset(Pointer ivar);
}
