package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    @Test
    void infoGoesToTheLogAndWarningsAlsoToTheErrorLog(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Logger calsync = LoggerFactory.getLogger("com.calsync.sync.Example");
        Logger library = LoggerFactory.getLogger("net.fortuna.ical4j.model.Recur");

        try (LogSetup setup = new LogSetup(logs).start()) {
            calsync.info("synced pair work: 3 created");
            calsync.warn("pair work: 12 items vanished, deletions held");
            library.debug("Dates after BYDAY processing");
            library.info("ical4j.properties not found.");
            assertThat(setup.logFile()).isEqualTo(logs.resolve("calsync.log"));
        }

        String log = Files.readString(logs.resolve(LogSetup.LOG_FILE));
        String errors = Files.readString(logs.resolve(LogSetup.ERROR_FILE));
        assertThat(log).contains("INFO  [main] com.calsync.sync.Example - synced pair work: 3 created",
                "WARN  [main] com.calsync.sync.Example - pair work: 12 items vanished");
        assertThat(log).doesNotContain("BYDAY", "ical4j.properties");
        assertThat(errors).contains("deletions held").doesNotContain("3 created");
        assertThat(Files.getPosixFilePermissions(logs)).hasSize(3);
    }

    @Test
    void calendarTextInALogLineCannotForgeLinesOrDriveATerminal(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Logger calsync = LoggerFactory.getLogger("com.calsync.sync.Example");

        try (LogSetup setup = new LogSetup(logs).start()) {
            calsync.warn("skipped {}: {}", "/cal/x.ics", "title \u001b]0;owned\u0007\n2026-01-01 00:00:00.000 ERROR forged");
            calsync.error("failed: " + "server said \u001b[2J", new IllegalStateException("boom \u009b31m"));
        }

        String log = Files.readString(logs.resolve(LogSetup.LOG_FILE));
        assertThat(log).contains("skipped /cal/x.ics: title \\x1B]0;owned\\x07\\n2026-01-01 00:00:00.000 ERROR forged")
                .contains("server said \\x1B[2J").contains("boom \\x9B31m")
                .contains("java.lang.IllegalStateException");
        assertThat(log.lines().filter(l -> l.contains("ERROR forged"))).hasSize(1);
        assertThat(log.chars().filter(c -> c == 0x1B || c == 0x07 || c == 0x9B)).isEmpty();
    }

    @Test
    void closingDetachesTheFiles(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        new LogSetup(logs).start().close();
        LoggerFactory.getLogger("com.calsync.Later").warn("after close");

        assertThat(Files.readString(logs.resolve(LogSetup.LOG_FILE))).doesNotContain("after close");
    }
}
