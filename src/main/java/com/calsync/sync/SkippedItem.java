package com.calsync.sync;

/**
 * An item that was listed on a side but does not take part, and why: a to-do in an event pair,
 * text that cannot be read, a UID already used by another item, no occurrence in the window.
 *
 * @param windowDependent true when the reason may change as time moves (out of the window)
 */
public record SkippedItem(Side side, String href, String etag, String reason, boolean windowDependent) {}
