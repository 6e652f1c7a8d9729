package com.calsync.store.caldav;

import static com.calsync.store.caldav.DavNames.CALDAV;
import static com.calsync.store.caldav.DavNames.DAV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

class MultistatusParserTest {
    private final MultistatusParser parser = new MultistatusParser();

    private Multistatus parse(String xml) throws XMLStreamException {
        return parser.parseMultistatus(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsDefaultNamespaceAnswersLikeRadicale() throws Exception {
        Multistatus ms = parse("""
                <?xml version='1.0' encoding='utf-8'?>
                <multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><sync-token>http://radicale.org/ns/sync/abc</sync-token>
                <response><href>/alice/cal/a.ics</href><propstat><prop><getetag>"e1"</getetag>
                <C:calendar-data>BEGIN:VCALENDAR&#13;
                END:VCALENDAR&#13;
                </C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat>
                <propstat><prop><displayname/></prop><status>HTTP/1.1 404 Not Found</status></propstat></response>
                <response><href>/alice/cal/gone.ics</href><status>HTTP/1.1 404 Not Found</status></response>
                </multistatus>""");

        assertThat(ms.syncToken()).contains("http://radicale.org/ns/sync/abc");
        assertThat(ms.responses()).hasSize(2);
        Multistatus.Response first = ms.responses().get(0);
        assertThat(first.href()).isEqualTo("/alice/cal/a.ics");
        assertThat(first.propText(DAV, "getetag")).contains("\"e1\"");
        assertThat(first.prop(CALDAV, "calendar-data").orElseThrow().text()).isEqualTo("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        assertThat(first.prop(DAV, "displayname")).as("404 propstat is not a value").isEmpty();
        assertThat(ms.responses().get(1).status()).isEqualTo(404);
    }

    @Test
    void readsGeneratedPrefixesAndCdataLikeXandikos() throws Exception {
        Multistatus ms = parse("""
                <ns0:multistatus xmlns:ns0="DAV:" xmlns:ns1="urn:ietf:params:xml:ns:caldav"><ns0:response>
                <ns0:href>/user/calendars/calendar/b.ics</ns0:href><ns0:propstat><ns0:status>HTTP/1.1 200 OK</ns0:status>
                <ns0:prop><ns0:getetag>"e2"</ns0:getetag><ns1:calendar-data><![CDATA[BEGIN:VCALENDAR
                SUMMARY:a <b> & c
                END:VCALENDAR
                ]]></ns1:calendar-data></ns0:prop></ns0:propstat></ns0:response>
                <ns0:sync-token>ae44</ns0:sync-token></ns0:multistatus>""");

        assertThat(ms.syncToken()).contains("ae44");
        Multistatus.Response r = ms.responses().get(0);
        assertThat(r.status()).isZero();
        assertThat(r.prop(CALDAV, "calendar-data").orElseThrow().text()).contains("SUMMARY:a <b> & c");
    }

    @Test
    void keepsErrorConditionsAndAttributes() throws Exception {
        Multistatus ms = parse("""
                <D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:response><D:href>x</D:href>
                <D:status>HTTP/1.1 412 Precondition Failed</D:status><D:error><C:no-uid-conflict/></D:error>
                <D:responsedescription>UID already in use.</D:responsedescription></D:response>
                <D:response><D:href>/cal/</D:href><D:propstat><D:prop>
                <C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/></C:supported-calendar-component-set>
                </D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>""");

        Multistatus.Response conflict = ms.responses().get(0);
        assertThat(conflict.status()).isEqualTo(412);
        assertThat(conflict.hasErrorCondition(CALDAV, "no-uid-conflict")).isTrue();
        assertThat(conflict.description()).contains("UID already in use.");
        assertThat(ms.responses().get(1).prop(CALDAV, "supported-calendar-component-set").orElseThrow()
                .childrenNamed(CALDAV, "comp")).extracting(c -> c.attribute("name").orElseThrow())
                .containsExactly("VEVENT", "VTODO");
    }

    @Test
    void refusesDoctypesSoNoEntityCanBeExpanded() {
        assertThatThrownBy(() -> parse("""
                <?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <multistatus xmlns="DAV:"><response><href>&x;</href></response></multistatus>"""))
                .isInstanceOf(XMLStreamException.class);
    }

    @Test
    void statusLinesAreReadLeniently() {
        assertThat(MultistatusParser.statusCode("HTTP/1.1 507 Insufficient Storage")).isEqualTo(507);
        assertThat(MultistatusParser.statusCode("  HTTP/1.0 200 OK ")).isEqualTo(200);
        assertThat(MultistatusParser.statusCode("garbage")).isZero();
    }
}
