package com.calsync.service.setup;

import java.util.function.Function;

/** What a setup step came to: done with a value, or refused with a {@link SetupProblem}. */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    /** The step happened. */
    record Done<T>(T value) implements Outcome<T> {}

    /** The step did not happen; nothing was changed. */
    record Refused<T>(SetupProblem problem) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(SetupProblem.Kind kind, String message) {
        return new Refused<>(new SetupProblem(kind, message));
    }

    static <T> Outcome<T> refused(SetupProblem problem) {
        return new Refused<>(problem);
    }

    /** The value, or the problem as an exception (tests and callers that cannot go on without it). */
    default T orElseThrow() {
        if (this instanceof Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException(((Refused<T>) this).problem().message());
    }

    default <U> Outcome<U> map(Function<T, U> f) {
        if (this instanceof Done<T> done) {
            return new Done<>(f.apply(done.value()));
        }
        return new Refused<>(((Refused<T>) this).problem());
    }
}
