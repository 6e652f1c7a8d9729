package com.calsync.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration, in code: Logback finds it through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator} before it would look for a
 * {@code logback.xml}, so no XML parser is loaded and no file is searched for. Warnings and errors
 * go to stderr as short lines ({@code WARN  Name: message}); CalSync logs at INFO (for the files
 * {@link LogSetup} adds), libraries only when they warn (ical4j traces every recurrence step).
 *
 * <p>Two ways to configure Logback differently still work, since this then steps aside for
 * Logback's own configurators: {@code -Dlogback.configurationFile=FILE}, and a
 * {@code logback-test.xml} on the class path (the tests' quiet console) unless
 * {@code -Dcalsync.logging=builtin} asks for this configuration anyway (tests of the daemon as
 * it runs for users).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    /** {@code -Dcalsync.logging=builtin}: use this configuration even where a logback-test.xml is visible. */
    public static final String PROPERTY = "calsync.logging";
    /** The console's line: level, the class's simple name, the message (and a stack trace, if any). */
    static final String PATTERN = "%-5level %logger{0}: %msg%n%ex";
    static final String APPENDER = "CONSOLE";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (stepsAside(System.getProperty(PROPERTY), System.getProperty("logback.configurationFile"),
                () -> ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureConsole(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Whether Logback's own configurators decide instead.
     *
     * @param property          {@code -Dcalsync.logging}
     * @param configurationFile {@code -Dlogback.configurationFile}
     * @param testXmlVisible    whether a logback-test.xml is on the class path (asked only when it matters)
     */
    static boolean stepsAside(String property, String configurationFile, java.util.function.BooleanSupplier testXmlVisible) {
        if ("builtin".equals(property)) {
            return false;
        }
        return configurationFile != null || testXmlVisible.getAsBoolean();
    }

    /** The console appender and levels, attached to {@code context}. */
    static void configureConsole(LoggerContext context) {
        // calendar and server text in log messages: control characters escaped (EscapedMessageConverter)
        var encoder = LogSetup.escapingEncoder(context, PATTERN);

        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setContext(context);
        warnings.setLevel(Level.WARN.toString());
        warnings.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.addFilter(warnings);
        console.start();

        context.getLogger("com.calsync").setLevel(Level.INFO);
        context.getLogger("net.fortuna.ical4j").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
    }
}
