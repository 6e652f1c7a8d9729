package com.calsync.config;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.calsync.platform.ControlCharacters;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code %msg} for CalSync's logs: each argument of a log call ({@code log.warn("{}: {}", href,
 * reason)}: where calendar and server text enter) is escaped whole, CR and LF included, so it can
 * neither forge a log line nor drive the terminal of whoever tails the log; what the message
 * itself holds keeps its line breaks, other control characters escaped.
 */
public final class EscapedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        Object[] args = event.getArgumentArray();
        String message;
        if (args == null || args.length == 0) {
            message = event.getFormattedMessage();
        } else {
            Object[] escaped = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                escaped[i] = args[i] instanceof Throwable ? args[i]
                        : args[i] == null ? null : ControlCharacters.escape(String.valueOf(args[i]));
            }
            message = MessageFormatter.arrayFormat(event.getMessage(), escaped).getMessage();
        }
        return ControlCharacters.escapeKeepingLines(message);
    }
}
