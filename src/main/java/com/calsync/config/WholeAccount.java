package com.calsync.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A pair over several calendars of one CalDAV account, {@code "source": "icloud:*"} (like
 * vdirsyncer's collections): each calendar whose display name matches {@code pattern} syncs, as
 * its own pair, with the target calendar of the same name. The calendars are listed again on
 * every run, so a new one takes part from the next run on.
 *
 * @param account the source account
 * @param pattern the calendars' display names: {@code *} any text, {@code ?} one character, case ignored
 * @param target  where each calendar goes
 */
public record WholeAccount(String account, String pattern, Target target) {

    /** Where each calendar of the source account goes. */
    public sealed interface Target permits IntoAccount, IntoFolder {
        /** For messages and status: {@code nas:*}, {@code folder ~/Calendars/*}. */
        String describe();
    }

    /**
     * The calendar of another CalDAV account named {@code template} with {@code *} replaced by the
     * source calendar's name ({@code "nas:*"}, {@code "nas:Family *"}); made (MKCALENDAR) when missing.
     */
    public record IntoAccount(String account, String template) implements Target {
        public String describe() {
            return account + ":" + template;
        }
    }

    /** One sub-folder per source calendar, named after it, in the folder calendar {@code calendar}. */
    public record IntoFolder(String calendar, Path folder) implements Target {
        public String describe() {
            return "folder " + folder.resolve("*");
        }
    }

    /** Whether the calendar named {@code displayName} takes part. */
    public boolean matches(String displayName) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                .matcher(displayName).matches();
    }

    /** The name of the target calendar for the source calendar {@code displayName}. */
    public static String targetName(String template, String displayName) {
        return template.replace("*", displayName);
    }

    /**
     * The sub-folder name for a calendar: its name with path separators and characters that are
     * not allowed in file names replaced by {@code _}, and never a dot name.
     */
    public static String folderName(String displayName) {
        String name = displayName.strip().replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_");
        return name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".")
                ? "_" + name : name;
    }

    /** {@code icloud:*}: the source as config.json names it. */
    public String describeSource() {
        return account + ":" + pattern;
    }
}
