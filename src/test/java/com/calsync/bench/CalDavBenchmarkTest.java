package com.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CalDAV benchmark on a handful of events: its phases run as real `calsync sync` processes and report sensibly. */
@Tag("caldav")
@Tag("external")
class CalDavBenchmarkTest {
    @TempDir
    Path work;

    @Test
    void threePhasesAsChildProcessesWithRequestsPerSide() throws Exception {
        StringWriter progress = new StringWriter();

        CalDavBenchmark.Result result = new CalDavBenchmark(Clock.systemUTC(), new PrintWriter(progress, true), List.of())
                .run(6, work, false);

        assertThat(result.events()).isEqualTo(6);
        assertThat(result.targetWriteMillis()).isEqualTo(-1);
        assertThat(result.phases()).extracting(CalDavBenchmark.Phase::name)
                .containsExactly("first sync", "first sync, 1 at a time", "no-change re-sync", "no-change, in-process cold",
                        "no-change, warm service", CalDavBenchmark.THROUGH_SERVICE, "Radicale's own REPORT", "Xandikos's own REPORT",
                        "one-change re-sync");
        assertThat(result.phases()).allSatisfy(p -> assertThat(p.outcome()).isEqualTo("ok"));
        for (CalDavBenchmark.Phase first : result.phases().subList(0, 2)) {
            assertThat(first.changes()).isEqualTo(6);
            assertThat(first.targetRequests()).as("a PUT per event plus listings").isGreaterThanOrEqualTo(6);
        }
        CalDavBenchmark.Phase unchanged = result.phases().get(2);
        assertThat(unchanged.changes()).isZero();
        assertThat(unchanged.sourceRequests()).isEqualTo(1);
        assertThat(unchanged.targetRequests()).isEqualTo(1);
        assertThat(result.phases().subList(3, 6)).as("in-process and through-the-service no-change runs: a sync-token request per side")
                .allSatisfy(p -> {
                    assertThat(p.changes()).isZero();
                    assertThat(p.sourceRequests()).isEqualTo(1);
                    assertThat(p.targetRequests()).isEqualTo(1);
                });
        assertThat(result.phases().subList(6, 8)).as("each server answered the pair's sync token")
                .allSatisfy(p -> assertThat(p.inProcessMicros()).isPositive());
        assertThat(result.phases().get(8).changes()).isEqualTo(1);
        assertThat(result.vdirsyncer()).isEmpty();
        assertThat(progress.toString()).contains("loading 6 events");
    }
}
