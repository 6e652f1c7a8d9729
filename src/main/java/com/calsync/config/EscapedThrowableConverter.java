package com.calsync.config;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.calsync.platform.ControlCharacters;

/** {@code %ex} for CalSync's logs: an exception's message may quote a server; its control characters are escaped. */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return ControlCharacters.escapeKeepingLines(super.convert(event));
    }
}
