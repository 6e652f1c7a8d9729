/**
 * The CalDAV store (RFC 4791, RFC 6578, RFC 6764) on {@code java.net.http} and StAX.
 *
 * <p>{@link com.calsync.store.caldav.CalDavDiscovery} finds an account's calendars;
 * {@link com.calsync.store.caldav.CalDavStore} is one calendar as a
 * {@link com.calsync.store.CalendarStore}; {@link com.calsync.store.caldav.CalDavClient} sends
 * the requests, with Basic auth, retries and request counting.
 *
 * <p>Choices worth knowing:
 * <ul>
 *   <li>Listings are always complete (no calendar-query time-range): Xandikos does not expand
 *       RRULEs in time-range queries, so a series could drop out of a filtered listing and look
 *       deleted. With sync-collection the first listing is one REPORT with an empty token.</li>
 *   <li>Every write is conditional (If-None-Match / If-Match), so every request may be retried.
 *       When an earlier attempt may have gone through, a 412 on the retry is checked against the
 *       stored item (same content = success) and a 404 on a retried DELETE counts as done.</li>
 *   <li>Radicale answers HTTP/1.0 and closes each connection, but the JDK pools it anyway
 *       (it only honours "Connection: close"); a request sent on such a dead connection gets no
 *       byte back and is resent at once (see {@code CalDavClient#staleConnectionRetries()}).</li>
 *   <li>Hrefs are handed out in one canonical percent-encoding, whatever the server wrote, and
 *       resource names for unusual UIDs are a readable prefix plus a SHA-256 digest.</li>
 * </ul>
 */
package com.calsync.store.caldav;
