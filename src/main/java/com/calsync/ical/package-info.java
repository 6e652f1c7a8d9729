/**
 * The ical4j adapter: everything CalSync knows about iCalendar text.
 *
 * <ul>
 *   <li>{@link com.calsync.ical.ItemParser} reads one item ({@code parse}) or cuts a feed into items
 *       ({@code split}); an item's {@code text()} is always the text it came from, so copying an item
 *       never re-serializes it. ical4j runs relaxed and offline ({@code ical4j.properties}).</li>
 *   <li>Zones: IANA and Windows TZIDs (CLDR table in {@code ZoneResolver}) map to java.time zones and win
 *       over the item's VTIMEZONE; other TZIDs use the item's VTIMEZONE; unknown ones read as floating.</li>
 *   <li>{@link com.calsync.ical.Fingerprinter}: SHA-256 of the canonical form ({@code CanonicalForm} lists
 *       what is ignored as noise).</li>
 *   <li>{@link com.calsync.ical.OccurrenceFinder} and {@link com.calsync.ical.RecurrenceExpander} share one
 *       occurrence computation; floating times and all-day dates are placed in a zone given to their
 *       constructors (the system's by default).</li>
 *   <li>{@link com.calsync.ical.PropertyMerger}: three-way merge per component and property name.</li>
 * </ul>
 */
package com.calsync.ical;
