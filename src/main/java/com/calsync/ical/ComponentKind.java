package com.calsync.ical;

/** The main component an item holds; event pairs sync VEVENTs and skip the rest with a reason. */
public enum ComponentKind {
    VEVENT, VTODO, VJOURNAL, OTHER
}
