package com.calsync.platform.macos.objc;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * Method implementations written in Java, by C signature. Every IMP receives {@code self} and
 * {@code _cmd} first. BOOL travels as a byte. Whoever registers one must keep it reachable for as
 * long as the class exists ({@link ClassBuilder} does).
 */
public final class Imps {
    private Imps() {}

    /** {@code id m(void)}, also for NSInteger/BOOL returns that fit a register. */
    public interface Id0 extends Callback {
        Pointer invoke(Pointer self, Pointer cmd);
    }

    /** {@code id m(id)} */
    public interface Id1 extends Callback {
        Pointer invoke(Pointer self, Pointer cmd, Pointer a);
    }

    /** {@code id m(id, id)} */
    public interface Id2 extends Callback {
        Pointer invoke(Pointer self, Pointer cmd, Pointer a, Pointer b);
    }

    /** {@code id m(id, id, id)} */
    public interface Id3 extends Callback {
        Pointer invoke(Pointer self, Pointer cmd, Pointer a, Pointer b, Pointer c);
    }

    /** {@code id m(NSInteger)} */
    public interface IdLong extends Callback {
        Pointer invoke(Pointer self, Pointer cmd, long a);
    }

    /** {@code id m(double)} */
    public interface IdDouble extends Callback {
        Pointer invoke(Pointer self, Pointer cmd, double a);
    }

    /** {@code void m(void)} */
    public interface Void0 extends Callback {
        void invoke(Pointer self, Pointer cmd);
    }

    /** {@code void m(id)} */
    public interface Void1 extends Callback {
        void invoke(Pointer self, Pointer cmd, Pointer a);
    }

    /** {@code void m(NSInteger)} */
    public interface VoidLong extends Callback {
        void invoke(Pointer self, Pointer cmd, long a);
    }

    /** {@code void m(BOOL)} */
    public interface VoidBool extends Callback {
        void invoke(Pointer self, Pointer cmd, byte a);
    }

    /** {@code void m(double)} */
    public interface VoidDouble extends Callback {
        void invoke(Pointer self, Pointer cmd, double a);
    }

    /** {@code NSInteger m(void)} */
    public interface Long0 extends Callback {
        long invoke(Pointer self, Pointer cmd);
    }

    /** {@code NSInteger m(id)} */
    public interface Long1 extends Callback {
        long invoke(Pointer self, Pointer cmd, Pointer a);
    }

    /** {@code NSInteger m(NSInteger)} */
    public interface LongLong extends Callback {
        long invoke(Pointer self, Pointer cmd, long a);
    }

    /** {@code BOOL m(void)} */
    public interface Bool0 extends Callback {
        byte invoke(Pointer self, Pointer cmd);
    }

    /** {@code BOOL m(id)} */
    public interface Bool1 extends Callback {
        byte invoke(Pointer self, Pointer cmd, Pointer a);
    }

    /** {@code double m(void)} */
    public interface Double0 extends Callback {
        double invoke(Pointer self, Pointer cmd);
    }
}
