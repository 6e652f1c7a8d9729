package com.calsync.ui.settings;

import com.calsync.config.AccountConfig;
import com.calsync.config.CalSyncConfig;
import com.calsync.service.AccountCalendars.CalendarSummary;
import com.calsync.service.setup.Outcome;
import com.calsync.service.setup.SetupProblem;
import com.calsync.service.setup.SetupService;
import com.calsync.service.setup.SetupState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Settings window's pages share: config.json as last read or written, each account's
 * discovered calendars, and whether config.json changed in another program meanwhile. Service
 * calls run on {@code work}; results and listeners run on the UI thread.
 */
final class SettingsModel {
    private static final Logger log = LoggerFactory.getLogger(SettingsModel.class);

    /** An account's calendars, or why they could not be listed. */
    record Discovery(List<CalendarSummary> calendars, Optional<String> problem) {
    }

    private final SetupService setup;
    private final Executor work;
    private final Executor ui;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Discovery> discovered = new ConcurrentHashMap<>();
    private volatile SetupState state;
    private volatile boolean changedOutside;
    private volatile Optional<String> loadProblem = Optional.empty();

    SettingsModel(SetupService setup, Executor work, Executor ui) {
        this.setup = setup;
        this.work = work;
        this.ui = ui;
    }

    SetupService setup() {
        return setup;
    }

    /** {@code listener} runs on the UI thread after every change of state. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Optional<SetupState> state() {
        return Optional.ofNullable(state);
    }

    Optional<CalSyncConfig> config() {
        return state().flatMap(SetupState::config);
    }

    boolean changedOutside() {
        return changedOutside;
    }

    /** Why config.json could not be read at all, if it could not. */
    Optional<String> loadProblem() {
        return loadProblem;
    }

    Map<String, Discovery> discovered() {
        return Map.copyOf(discovered);
    }

    /** Reads config.json again, then lists each account's calendars again. */
    void reload() {
        work.execute(() -> {
            Outcome<SetupState> loaded = setup.load();
            if (loaded instanceof Outcome.Done<SetupState> done) {
                state = done.value();
                changedOutside = false;
                loadProblem = Optional.empty();
            } else {
                loadProblem = Optional.of(((Outcome.Refused<SetupState>) loaded).problem().message());
            }
            fire();
            config().ifPresent(c -> c.accounts().values().forEach(this::discover));
        });
    }

    /** Lists an account's calendars with its stored password (on the work thread). */
    private void discover(AccountConfig account) {
        Outcome<List<CalendarSummary>> listed = setup.calendarsOf(account);
        discovered.put(account.name(), listed instanceof Outcome.Done<List<CalendarSummary>> d
                ? new Discovery(d.value(), Optional.empty())
                : new Discovery(List.of(), Optional.of(((Outcome.Refused<?>) listed).problem().message())));
        fire();
    }

    /** Checks whether config.json changed elsewhere; the window polls this while it is open. */
    void checkOutside() {
        work.execute(() -> {
            SetupState s = state;
            if (s != null && !changedOutside && setup.changedOutside(s)) {
                changedOutside = true;
                log.info("{} was changed in another program while the Settings window was open", setup.paths().configFile());
                fire();
            }
        });
    }

    /**
     * Runs {@code step} off the UI thread, then {@code done} (with its value) or {@code refused}
     * on the UI thread. A step that yields a new {@link SetupState} updates the model first.
     */
    <T> void run(Supplier<Outcome<T>> step, Consumer<T> done, Consumer<SetupProblem> refused) {
        work.execute(() -> {
            Outcome<T> outcome;
            try {
                outcome = step.get();
            } catch (RuntimeException e) {
                log.warn("a settings step failed", e);
                outcome = Outcome.refused(SetupProblem.Kind.FAILED, "Something went wrong: " + e.getMessage());
            }
            if (outcome instanceof Outcome.Done<T> d) {
                stateOf(d.value()).ifPresent(s -> state = s);
                ui.execute(() -> done.accept(d.value()));
            } else {
                SetupProblem problem = ((Outcome.Refused<T>) outcome).problem();
                if (problem.kind() == SetupProblem.Kind.CHANGED_OUTSIDE) {
                    changedOutside = true;
                }
                ui.execute(() -> refused.accept(problem));
            }
            fire();
        });
    }

    /** Runs {@code action} on the UI thread. */
    void later(Runnable action) {
        ui.execute(action);
    }

    /** Runs {@code action} off the UI thread, on the thread the service calls use. */
    void inBackground(Runnable action) {
        work.execute(action);
    }

    /** Records the calendars an account showed when it signed in. */
    void discovered(String account, List<CalendarSummary> calendars) {
        discovered.put(account, new Discovery(calendars, Optional.empty()));
        fire();
    }

    private static Optional<SetupState> stateOf(Object value) {
        if (value instanceof SetupState s) {
            return Optional.of(s);
        }
        if (value instanceof SetupService.SignedIn s) {
            return Optional.of(s.now());
        }
        if (value instanceof SetupService.SavedPair s) {
            return Optional.of(s.now());
        }
        return Optional.empty();
    }

    private void fire() {
        ui.execute(() -> listeners.forEach(Runnable::run));
    }
}
