package com.calsync.ical;

/**
 * An item ical4j cannot read even leniently, carried as text: its UID comes from its UID line
 * (or is derived), its fingerprint from its normalised content lines, and its place in the window
 * from a lenient read of DTSTART ("may occur" when even that fails). A mirror copies it byte for
 * byte rather than drop what it could copy.
 *
 * @param problem why ical4j could not read it, naming the line
 */
public record OpaqueItem(String uid, ComponentKind kind, String text, boolean uidDerived, String problem)
        implements ReadItem {}
