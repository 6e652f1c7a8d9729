package com.calsync.store;

/** An item as fetched from a store: where it lives, its etag, and its iCalendar text. */
public record StoredItem(String href, String etag, String ics) {}
