package com.calsync.ui;

import com.calsync.ui.model.AppView;
import com.calsync.ui.model.AppView.LogLevel;
import com.calsync.ui.model.AppView.LogLine;
import com.calsync.ui.model.AppView.PairState;
import com.calsync.ui.model.AppView.PairView;
import com.calsync.ui.model.AppView.Progress;
import com.calsync.ui.model.AppView.RunPoint;
import com.calsync.ui.model.TrayState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Views as the service would publish them over a day of syncing two pairs. */
final class Views {
    /** 09:00 on the test day, in the test zone: three hours before {@link UiTestClock#NOW}. */
    static final Instant T0 = UiTestClock.NOW.minus(java.time.Duration.ofHours(3));

    private Views() {
    }

    static PairView neverRun(String name) {
        return new PairView(name, "work → " + name + "-folder, mirror", PairState.NEVER_RUN, Optional.empty(), "no changes",
                Optional.empty(), Optional.empty(), 0, Optional.empty(), List.of(), false);
    }

    static PairView ok(String name, Instant last, String changes) {
        return new PairView(name, "work → " + name + "-folder, mirror", PairState.OK, Optional.of(last), changes,
                Optional.empty(), Optional.empty(), 0, Optional.empty(), List.of(), false);
    }

    static PairView failing(String name, Instant last, String error, String details) {
        return new PairView(name, "icloud → " + name + ", two-way", PairState.FAILING, Optional.of(last), "no changes",
                Optional.of(error), Optional.of(details), 0, Optional.empty(), List.of(), true);
    }

    static PairView held(String name, Instant last, int count) {
        return new PairView(name, "feed → " + name + ", mirror", PairState.HELD, Optional.of(last), "no changes",
                Optional.empty(), Optional.empty(), count,
                Optional.of(count + " of " + count + " items vanished from the source at once, so they are not deleted from the target."),
                heldTitles(count), false);
    }

    static List<String> heldTitles(int count) {
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            titles.add("Team meeting " + i);
        }
        return titles;
    }

    static List<RunPoint> runs(int n) {
        List<RunPoint> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(new RunPoint("work", T0.plusSeconds(600L * i), 400 + 150L * (i % 5), i % 3 == 0 ? 4 : 0, i == n - 2));
        }
        return runs;
    }

    static List<LogLine> log() {
        return List.of(new LogLine(T0, LogLevel.INFO, "work: 3 created on target"),
                new LogLine(T0.plusSeconds(5), LogLevel.DEBUG, "work: listing 120 items"),
                new LogLine(T0.plusSeconds(9), LogLevel.WARN, "home: server slow, retrying in 30 s"),
                new LogLine(T0.plusSeconds(12), LogLevel.ERROR, "home: 401 Unauthorized from caldav.example.org"));
    }

    static AppView view(TrayState state, String text, boolean paused, List<PairView> pairs, int runs, Optional<Progress> progress) {
        Instant last = T0.plusSeconds(3600);
        return new AppView(state, text, paused, runs == 0 ? Optional.empty() : Optional.of(last),
                paused ? Optional.empty() : Optional.of(last.plusSeconds(1800)), runs, state == TrayState.ERROR ? 1 : 0,
                runs == 0 ? Optional.empty() : Optional.of(1250L), Optional.empty(), pairs, runs(runs), progress, log());
    }
}
