package com.calsync.sync;

import com.calsync.store.CalendarStore;
import com.calsync.store.ItemRef;

/** Makes the N-th write, then "kills the process" before the engine can record it. */
final class CrashingStore extends ForwardingStore {
    /** An Error, so no catch block of the engine can swallow it, as with a real crash. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash right after a store write");
        }
    }

    private int writesLeft;

    CrashingStore(CalendarStore delegate, int crashOnWrite) {
        super(delegate);
        this.writesLeft = crashOnWrite;
    }

    // synchronized: writes may come from several threads (WriteWindow); exactly one of them crashes
    private synchronized void afterWrite() {
        if (--writesLeft == 0) {
            throw new SimulatedCrash();
        }
    }

    @Override
    public ItemRef create(String uid, String ics) {
        ItemRef ref = delegate.create(uid, ics);
        afterWrite();
        return ref;
    }

    @Override
    public String update(String href, String ics, String etag) {
        String newEtag = delegate.update(href, ics, etag);
        afterWrite();
        return newEtag;
    }

    @Override
    public void delete(String href, String etag) {
        delegate.delete(href, etag);
        afterWrite();
    }
}
