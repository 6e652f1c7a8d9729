/**
 * Rewriting one item's iCalendar text for a pair's copy settings, on the text itself
 * ({@link com.calsync.ical.transform.IcsDocument}): what is not changed is written back byte for
 * byte. {@link com.calsync.ical.transform.EventFilter} decides what a pair leaves out,
 * {@link com.calsync.ical.transform.OccurrenceRemover} applies it to a series,
 * {@link com.calsync.ical.transform.DetailStripper} and {@link com.calsync.ical.transform.BusyCopy}
 * keep only times (and the title), {@link com.calsync.ical.transform.TitlePrefix} marks titles, and
 * {@link com.calsync.ical.transform.CopyUid} gives a rewritten copy a UID of its own.
 */
package com.calsync.ical.transform;
