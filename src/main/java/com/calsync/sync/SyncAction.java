package com.calsync.sync;

/** One step of a {@link SyncPlan}. */
public sealed interface SyncAction {

    String key();

    /**
     * Write {@code from}'s content to side {@code to}: a create when {@code existing} is null,
     * else an update over it (the old copy is journaled first).
     */
    record CopyItem(Side to, String key, SideItem from, SideItem existing, String why) implements SyncAction {
        public boolean isCreate() {
            return existing == null;
        }
    }

    /** Both sides changed different properties: write the merged text to both. */
    record MergeItem(String key, String mergedText, SideItem source, SideItem target, String why)
            implements SyncAction {}

    /** Delete {@code existing} from side {@code on} (journaled first). */
    record DeleteItem(Side on, String key, SideItem existing, String why) implements SyncAction {}

    /** Nothing to write; only the remembered state changes (new etags, a forgotten item). */
    record RecordStatus(String key, StatusRow row) implements SyncAction {}

    /** The item is gone from both sides: forget it. */
    record ForgetItem(String key) implements SyncAction {}
}
