package com.calsync.store.eventkit;

import java.util.Optional;

/**
 * Which iCalendar UID an EventKit event stands for. EventKit assigns its own identifiers and
 * never lets a client set the UID, so an item written by CalSync would otherwise come back under a
 * new UID and be copied again. Links are kept by href (calendarItemIdentifier) and by
 * calendarItemExternalIdentifier, since either may change when a server account resyncs.
 */
public interface UidLinks {
    /** The UID for an event; empty when CalSync did not create it (its external identifier is its UID then). */
    Optional<String> uidFor(String href, String externalId);

    /** The href CalSync stored {@code uid} under, if any. */
    Optional<String> hrefFor(String uid);

    void link(String href, String externalId, String uid);

    void unlink(String href);
}
