package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Logback's configuration in code: what logback.xml used to say, and when it steps aside. */
class ConsoleLoggingTest {

    @Test
    void warningsGoToStandardErrorAsShortLinesWithCalSyncAtInfo() {
        LoggerContext context = new LoggerContext();

        ConsoleLogging.configureConsole(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.calsync").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("net.fortuna.ical4j").getLevel()).isEqualTo(Level.WARN);
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        assertThat(console.getTarget()).isEqualTo("System.err");
        Logger engine = context.getLogger("com.calsync.sync.SyncEngine");
        LoggingEvent warning = new LoggingEvent("x", engine, Level.WARN, "pair {}: sync stopped", null, new Object[] {"work"});
        LoggingEvent info = new LoggingEvent("x", engine, Level.INFO, "a run", null, null);
        assertThat(new String(console.getEncoder().encode(warning), StandardCharsets.UTF_8))
                .isEqualTo("WARN  SyncEngine: pair work: sync stopped" + System.lineSeparator());
        assertThat(console.getCopyOfAttachedFiltersList().get(0).decide(info)).as("info stays off the console")
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void stepsAsideForAConfigurationFileOrTheTestsXmlUnlessAskedForItself() {
        assertThat(ConsoleLogging.stepsAside(null, null, () -> false)).isFalse();
        assertThat(ConsoleLogging.stepsAside(null, "/etc/my-logback.xml", () -> false)).isTrue();
        assertThat(ConsoleLogging.stepsAside(null, null, () -> true)).isTrue();
        assertThat(ConsoleLogging.stepsAside("builtin", null, () -> true)).isFalse();
        assertThat(ConsoleLogging.stepsAside("builtin", "/etc/my-logback.xml", () -> true)).isFalse();
    }
}
