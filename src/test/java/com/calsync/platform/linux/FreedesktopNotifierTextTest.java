package com.calsync.platform.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the notifier makes of text before it goes on the bus, and what it does with no bus at all. */
class FreedesktopNotifierTextTest {

    @Test
    void theSummaryIsOneLine() {
        assertThat(FreedesktopNotifier.plain(" a\r\nb\tc\n\nd ")).isEqualTo("a b c d");
        assertThat(FreedesktopNotifier.plain("nul\0gone")).isEqualTo("nulgone");
    }

    @Test
    void markupEscapingKeepsLineBreaksAndQuotes() {
        assertThat(FreedesktopNotifier.markupEscaped("<b> & \"x\"\n'y'")).isEqualTo("&lt;b&gt; &amp; \"x\"\n'y'");
    }

    @Test
    void withoutASessionBusThereIsNoNotifier() {
        assertThat(FreedesktopNotifier.connect(Map.of(), "CalSync", "calsync")).isEmpty();
        assertThat(FreedesktopNotifier.connect(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/calsync-bus"),
                "CalSync", "calsync")).isEmpty();
    }
}
