package com.calsync.sync;

import com.calsync.store.CalendarStore;
import com.calsync.store.ItemRef;

/** Says every write succeeded but keeps none of them: what verification must catch. */
final class ForgetfulStore extends ForwardingStore {
    ForgetfulStore(CalendarStore delegate) {
        super(delegate);
    }

    @Override
    public ItemRef create(String uid, String ics) {
        return new ItemRef(uid + ".ics", "lost");
    }

    @Override
    public String update(String href, String ics, String etag) {
        return "lost";
    }
}
