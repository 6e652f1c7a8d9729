package com.calsync.ui.model;

/** Counts in words: "1 sync", "3 syncs", "1 deletion", "12 deletions" — never "deletion(s)". */
public final class Plural {
    private Plural() {
    }

    /** {@code n} and the noun, with an "s" unless {@code n} is 1 ("1 event", "0 events"). */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and the singular or plural given ("1 entry", "2 entries"). */
    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
