package com.calsync.ical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Rewrites iCalendar text the way servers do without changing its meaning: order, folding, line ends. */
final class IcsText {
    private IcsText() {}

    static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String line : ics.split("\r?\n")) {
            if (!lines.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Shuffles properties inside each component and the components inside each parent. */
    static List<String> shuffle(List<String> lines, Random random) {
        List<String> out = new ArrayList<>();
        shuffleBlock(lines, 0, lines.size(), random, out);
        return out;
    }

    // lines[from] is BEGIN:X and lines[to-1] is END:X, or the whole list.
    private static void shuffleBlock(List<String> lines, int from, int to, Random random, List<String> out) {
        List<List<String>> properties = new ArrayList<>();
        List<List<String>> children = new ArrayList<>();
        int i = from;
        boolean framed = lines.get(from).startsWith("BEGIN:") && to - from > 1;
        if (framed) {
            out.add(lines.get(from));
            i++;
        }
        int end = framed ? to - 1 : to;
        while (i < end) {
            String line = lines.get(i);
            if (line.startsWith("BEGIN:")) {
                int depth = 0;
                int j = i;
                for (; j < end; j++) {
                    if (lines.get(j).startsWith("BEGIN:")) {
                        depth++;
                    } else if (lines.get(j).startsWith("END:") && --depth == 0) {
                        break;
                    }
                }
                List<String> child = new ArrayList<>();
                shuffleBlock(lines, i, j + 1, random, child);
                children.add(child);
                i = j + 1;
            } else {
                properties.add(List.of(line));
                i++;
            }
        }
        Collections.shuffle(properties, random);
        Collections.shuffle(children, random);
        properties.forEach(out::addAll);
        children.forEach(out::addAll);
        if (framed) {
            out.add(lines.get(to - 1));
        }
    }

    /** Folds every line at {@code width} octets (never inside a UTF-8 sequence) and joins with {@code eol}. */
    static String fold(List<String> lines, int width, String eol) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            int used = 0;
            int limit = width;
            for (int k = 0; k < line.length(); ) {
                int cp = line.codePointAt(k);
                String ch = new String(Character.toChars(cp));
                int octets = ch.getBytes(StandardCharsets.UTF_8).length;
                if (used + octets > limit) {
                    out.append(eol).append(' ');
                    used = 1;
                }
                out.append(ch);
                used += octets;
                k += Character.charCount(cp);
            }
            out.append(eol);
        }
        return out.toString();
    }
}
