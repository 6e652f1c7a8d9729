package com.calsync.ical.transform;

/** Puts a text such as {@code "[Work] "} before the title of every component of an item. */
public final class TitlePrefix {

    public IcsDocument apply(IcsDocument document, String prefix) {
        if (prefix.isEmpty()) {
            return document;
        }
        return document.mapMain(c -> c.with(ContentLine.text("SUMMARY",
                prefix + c.property("SUMMARY").map(ContentLine::text).orElse(""))));
    }
}
