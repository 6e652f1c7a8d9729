package com.calsync.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import com.calsync.platform.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Adds the log files of a daemon or sync run to the console logging set up by {@link ConsoleLogging}:
 * {@code calsync.log} (everything logged: CalSync at INFO, libraries at WARN) and
 * {@code calsync-error.log} (WARN and ERROR only), like the seed's daemon.log / daemon_error.log.
 * Each rolls daily and at 10 MB, keeps 14 days and at most 100 MB. The command line does not
 * call this, so quick commands leave no files behind.
 */
public final class LogSetup implements AutoCloseable {
    public static final String LOG_FILE = "calsync.log";
    public static final String ERROR_FILE = "calsync-error.log";
    /** {@code %msg} and {@code %ex} escape control characters: see {@link EscapedMessageConverter}. */
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n%ex";

    private final Path logDir;
    private final List<RollingFileAppender<ILoggingEvent>> appenders = new ArrayList<>();

    public LogSetup(Path logDir) {
        this.logDir = logDir;
    }

    /**
     * Creates the log folder (0700) and attaches both files to the root logger.
     *
     * @throws IOException when the folder cannot be created
     * @throws IllegalStateException when SLF4J is not bound to Logback (a packaging mistake)
     */
    public LogSetup start() throws IOException {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("logging is not Logback (" + LoggerFactory.getILoggerFactory().getClass().getName()
                    + "); check the class path for a second SLF4J binding");
        }
        PrivateFiles.createDirectories(logDir);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        appenders.add(rollingFile(context, "calsync", null));
        appenders.add(rollingFile(context, "calsync-error", Level.WARN));
        appenders.forEach(root::addAppender);
        return this;
    }

    /**
     * Sets how much CalSync logs ({@code "app": { "log_level": … }}); empty restores the built-in
     * INFO of logback.xml. Libraries keep their own levels.
     */
    public void applyLevel(java.util.Optional<AppSettings.LogLevel> level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Level wanted = level.map(l -> Level.toLevel(l.name(), Level.INFO)).orElse(Level.INFO);
            Logger calsync = context.getLogger("com.calsync");
            if (!wanted.equals(calsync.getLevel())) {
                calsync.setLevel(wanted);
                calsync.info("log level {}", wanted);
            }
        }
    }

    public Path logFile() {
        return logDir.resolve(LOG_FILE);
    }

    public Path errorFile() {
        return logDir.resolve(ERROR_FILE);
    }

    /** Detaches and closes the files (flushes them). */
    @Override
    public void close() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            for (RollingFileAppender<ILoggingEvent> a : appenders) {
                root.detachAppender(a);
                a.stop();
            }
        }
        appenders.clear();
    }

    /** An encoder whose {@code %msg} and {@code %ex} escape control characters. */
    static LayoutWrappingEncoder<ILoggingEvent> escapingEncoder(LoggerContext context, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("msg", EscapedMessageConverter::new);
        layout.getInstanceConverterMap().put("ex", EscapedThrowableConverter::new);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, String base, Level threshold) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file-" + base);
        appender.setFile(logDir.resolve(base + ".log").toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logDir.resolve(base + ".%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("100MB"));
        policy.start();
        appender.setRollingPolicy(policy);

        appender.setEncoder(escapingEncoder(context, PATTERN));

        if (threshold != null) {
            ThresholdFilter filter = new ThresholdFilter();
            filter.setContext(context);
            filter.setLevel(threshold.toString());
            filter.start();
            appender.addFilter(filter);
        }
        appender.start();
        return appender;
    }
}
