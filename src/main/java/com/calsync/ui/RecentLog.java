package com.calsync.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.calsync.ui.model.AppView.LogLevel;
import com.calsync.ui.model.AppView.LogLine;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The newest log lines, kept in memory for the popover: a logback appender on the root logger.
 * The service adapter puts {@link #lines()} into each {@link com.calsync.ui.model.AppView};
 * {@code onChange} lets it publish a new view when a line arrives.
 */
public final class RecentLog extends AppenderBase<ILoggingEvent> {
    private final int capacity;
    private final ArrayDeque<LogLine> lines;
    private volatile List<LogLine> snapshot = List.of();
    private volatile Consumer<List<LogLine>> onChange = l -> { };

    public RecentLog(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
        setName("calsync-recent-log");
    }

    /** Adds this appender to logback's root logger (INFO and above) and starts it. */
    public RecentLog attachToRoot() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(context);
        start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
        return this;
    }

    public void detach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this);
        stop();
    }

    /** Called with the new list after every line (on the logging thread: keep it quick). */
    public void onChange(Consumer<List<LogLine>> listener) {
        this.onChange = listener;
    }

    /** The newest lines, oldest first; immutable. */
    public List<LogLine> lines() {
        return snapshot;
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogLine line = new LogLine(Instant.ofEpochMilli(event.getTimeStamp()), level(event.getLevel()),
                event.getLoggerName().substring(event.getLoggerName().lastIndexOf('.') + 1) + ": " + event.getFormattedMessage());
        List<LogLine> now;
        synchronized (lines) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
            now = List.copyOf(lines);
            snapshot = now;
        }
        onChange.accept(now);
    }

    private static LogLevel level(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return LogLevel.ERROR;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return LogLevel.WARN;
        }
        return level.isGreaterOrEqual(Level.INFO) ? LogLevel.INFO : LogLevel.DEBUG;
    }
}
