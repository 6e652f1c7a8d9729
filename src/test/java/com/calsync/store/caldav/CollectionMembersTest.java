package com.calsync.store.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CollectionMembersTest {
    private final CollectionMembers members = new CollectionMembers(URI.create("https://dav.example.org/alice/cal/"));

    @Test
    void directMembersInAnySpellingAreItems() {
        assertThat(members.member("/alice/cal/a.ics")).contains("/alice/cal/a.ics");
        assertThat(members.member("a%20b.ics")).contains("/alice/cal/a%20b.ics");
        assertThat(members.member("/alice/cal/a b.ics")).contains("/alice/cal/a%20b.ics");
        assertThat(members.member("https://DAV.example.org:443/alice/cal/c.ics")).contains("/alice/cal/c.ics");
        assertThat(members.member("/alice/cal/./d.ics")).contains("/alice/cal/d.ics");
        assertThat(members.member("/alice/other/../cal/e.ics")).contains("/alice/cal/e.ics");
        assertThat(members.member("/alice/cal/%E4%B8%AD.ics?x=1#y")).contains("/alice/cal/%E4%B8%AD.ics");
    }

    @Test
    void everythingElseIsOutsideWithAReason() {
        assertThat(reason("/other/x.ics")).contains("outside the calendar collection /alice/cal/");
        assertThat(reason("/alice/cal/../../evil/y.ics")).contains("outside").contains("resolves to /evil/y.ics");
        assertThat(reason("/alice/cal/%2e%2e/%2E%2E/evil/z.ics")).contains("outside");
        assertThat(reason("/alice/cal/..%2F..%2Fevil.ics")).contains("encoded '/'");
        assertThat(reason("http://dav.example.org/alice/cal/w.ics")).contains("another server");
        assertThat(reason("https://evil.example/alice/cal/w.ics")).contains("another server");
        assertThat(reason("https://dav.example.org:8443/alice/cal/w.ics")).contains("another server");
        assertThat(reason("/alice/cal/sub/v.ics")).contains("sub-folder");
        assertThat(reason("/alice/cal/x\u001b.ics")).contains("control characters");
        assertThat(reason("")).contains("empty");
        assertThat(reason("mailto:alice@example.org")).contains("not");
        assertThat(members.resolve("/alice/cal")).isInstanceOf(CollectionMembers.Itself.class);
        assertThat(members.resolve("https://dav.example.org/alice/cal/")).isInstanceOf(CollectionMembers.Itself.class);
    }

    private String reason(String href) {
        CollectionMembers.Resolved r = members.resolve(href);
        assertThat(r).as(href).isInstanceOf(CollectionMembers.Outside.class);
        return ((CollectionMembers.Outside) r).reason();
    }

    @Test
    void etagsThatCannotBeSentBackAreUnknown() {
        assertThat(Etags.usable("\"abc\"")).contains("\"abc\"");
        assertThat(Etags.usable(" W/\"1\" ")).contains("W/\"1\"");
        assertThat(Etags.usable("")).isEmpty();
        assertThat(Etags.usable("   ")).isEmpty();
        assertThat(Etags.usable(null)).isEmpty();
        assertThat(Etags.usable("\"a\r\nInjected: 1\"")).isEmpty();
        assertThat(Etags.usable("\"\u00e9\"")).isEmpty();
        assertThat(Etags.usable("x".repeat(2000))).isEmpty();
    }
}
