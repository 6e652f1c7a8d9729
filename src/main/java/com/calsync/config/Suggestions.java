package com.calsync.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for mistyped keys and names: the closest candidate within a small edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    static Optional<String> closest(String typed, Collection<String> candidates) {
        // a third of the word, at most 3 edits: "wrok" → "work", "intervl_minutes" → "interval_minutes",
        // but no guesses for two-letter names, where any other short name is "close"
        int limit = Math.min(3, typed.length() / 3);
        return candidates.stream()
                .filter(c -> distance(folded(typed), folded(c)) <= limit)
                .min(Comparator.comparingInt(c -> distance(folded(typed), folded(c))));
    }

    /** Case-folded by fixed rules: in a Turkish locale "INTERVAL".toLowerCase() has a dotless ı. */
    private static String folded(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** ", did you mean x?" or nothing. */
    static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> ", did you mean " + c + "?").orElse("");
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
