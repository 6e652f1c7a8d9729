package com.calsync.store.caldav;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own words for refusing a request, from the body of its answer, short enough for
 * a report line: the precondition names and description of a WebDAV {@code error} body
 * (RFC 4918 §16, RFC 4791 §1.3), the title and text of an HTML error page, or plain text.
 * Control characters are dropped and whitespace collapsed, so the text fits one line.
 */
final class ServerReason {
    static final int MAX_LENGTH = 240;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ELEMENT = Pattern.compile("<(?:[A-Za-z][\\w.-]*:)?([A-Za-z][\\w.-]*)[^>]*?/?>");
    private static final Pattern DESCRIPTION = Pattern.compile(
            "<(?:[A-Za-z][\\w.-]*:)?(?:responsedescription|description)[^>]*>(.*?)</", Pattern.DOTALL);

    private ServerReason() {
    }

    /** What the body of {@code answer} says, if it says anything. */
    static Optional<String> of(CalDavClient.Answer answer) {
        return of(answer.body() == null ? "" : answer.bodyText(), answer.header("Content-Type").orElse(""));
    }

    static Optional<String> of(String body, String contentType) {
        String text = body.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        String reason;
        if (type.contains("xml") || text.startsWith("<?xml") || text.contains("<D:error") || text.contains(":error")) {
            reason = fromDavError(text);
        } else if (type.contains("html") || text.regionMatches(true, 0, "<!doctype html", 0, 14)
                || text.regionMatches(true, 0, "<html", 0, 5)) {
            Matcher title = TITLE.matcher(text);
            String heading = title.find() ? title.group(1) : "";
            String rest = TAG.matcher(text.replaceAll("(?is)<(head|script|style)[^>]*>.*?</\\1>", " ")).replaceAll(" ");
            reason = rest.contains(heading.strip()) ? rest : heading + ": " + rest;
        } else {
            reason = text;
        }
        String clean = oneLine(reason);
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "…" : clean);
    }

    /** "valid-calendar-data: Invalid DTSTART" from a DAV:error body. */
    private static String fromDavError(String xml) {
        List<String> conditions = new ArrayList<>();
        Matcher element = ELEMENT.matcher(xml);
        boolean insideError = false;
        while (element.find()) {
            String name = element.group(1);
            if (name.equals("error")) {
                insideError = true;
            } else if (insideError && !name.equals("multistatus") && !name.equals("response") && !name.equals("href")
                    && !name.equals("status") && !name.equals("propstat") && !name.equals("prop")
                    && !name.endsWith("description") && !conditions.contains(name)) {
                conditions.add(name);
            }
        }
        Matcher description = DESCRIPTION.matcher(xml);
        String words = description.find() ? TAG.matcher(description.group(1)).replaceAll(" ") : "";
        if (conditions.isEmpty() && words.isBlank()) {
            return TAG.matcher(xml.replaceAll("<\\?xml[^>]*\\?>", "")).replaceAll(" ");
        }
        return String.join(", ", conditions) + (words.isBlank() ? "" : (conditions.isEmpty() ? "" : ": ") + words);
    }

    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LENGTH * 2));
        boolean space = false;
        for (int i = 0; i < s.length() && out.length() <= MAX_LENGTH * 2; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString()
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
