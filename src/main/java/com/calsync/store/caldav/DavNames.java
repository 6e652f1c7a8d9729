package com.calsync.store.caldav;

/** The XML namespaces CalDAV answers use. */
final class DavNames {
    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    static final String CALSERVER = "http://calendarserver.org/ns/";
    static final String APPLE = "http://apple.com/ns/ical/";

    private DavNames() {}
}
