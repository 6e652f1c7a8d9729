package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ui.model.AppView.LogLevel;
import com.calsync.ui.model.AppView.LogLine;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RecentLogTest {
    private static final Logger log = LoggerFactory.getLogger("com.calsync.sync.SyncEngine");

    @Test
    void keepsTheNewestLinesWithTheirLevelAndTellsTheListener() {
        RecentLog recent = new RecentLog(3).attachToRoot();
        AtomicReference<List<LogLine>> told = new AtomicReference<>(List.of());
        recent.onChange(told::set);
        try {
            log.info("work: {} created", 3);
            log.warn("home: slow");
            log.error("home: 401");
            log.info("work: nothing to do");
        } finally {
            recent.detach();
        }
        log.info("after detach");

        assertThat(recent.lines()).extracting(LogLine::message)
                .containsExactly("SyncEngine: home: slow", "SyncEngine: home: 401", "SyncEngine: work: nothing to do");
        assertThat(recent.lines()).extracting(LogLine::level).containsExactly(LogLevel.WARN, LogLevel.ERROR, LogLevel.INFO);
        assertThat(told.get()).isEqualTo(recent.lines());
    }
}
