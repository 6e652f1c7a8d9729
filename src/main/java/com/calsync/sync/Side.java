package com.calsync.sync;

/** One of the two calendars of a pair. */
public enum Side {
    SOURCE, TARGET;

    public Side other() {
        return this == SOURCE ? TARGET : SOURCE;
    }

    /** Lower-case name for reports and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
