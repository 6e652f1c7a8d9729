package com.calsync.service.setup;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

/**
 * Names for new config.json entries, made from what a person sees ("Work (Radicale)" → {@code
 * work}): letters and digits in lower case, other runs of characters as one '-', unique among
 * {@code taken} by a number on the end. They fit every rule of config.json (account names are
 * ASCII, pair names are letters, digits, '.', '_', '-').
 */
public final class EntryNames {
    private EntryNames() {
    }

    /** A name from {@code text}, or {@code fallback} when nothing of it is left. */
    public static String slug(String text, String fallback) {
        // letters that do not decompose into a base letter and a mark
        String plain = (text == null ? "" : text).replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
                .replace("æ", "ae").replace("Æ", "AE").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D");
        String ascii = Normalizer.normalize(plain, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? fallback : slug;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}… whichever is not in {@code taken}. */
    public static String unique(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            String candidate = base + "-" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
