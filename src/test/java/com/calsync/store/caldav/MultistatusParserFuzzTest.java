package com.calsync.store.caldav;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.net.URI;
import javax.xml.stream.XMLStreamException;

/**
 * The DAV XML parser reads whatever a server sends: its only failure is {@link XMLStreamException},
 * and every href it yields goes through the collection's confinement without throwing.
 * Replays {@code MultistatusParserFuzzTestInputs/} in every build; src/docs/fuzzing.md fuzzes it.
 */
class MultistatusParserFuzzTest {
    private static final URI COLLECTION = URI.create("https://dav.example.org/alice/cal/");
    private final MultistatusParser parser = new MultistatusParser();
    private final CollectionMembers members = new CollectionMembers(COLLECTION);

    @FuzzTest(maxDuration = "24h")
    void parse(@NotNull byte[] body) {
        try {
            Multistatus ms = parser.parseMultistatus(body);
            for (Multistatus.Response r : ms.responses()) {
                members.resolve(r.href());
                r.propText(DavNames.DAV, "getetag").map(Etags::usable);
                r.isCollection();
            }
        } catch (XMLStreamException expected) {
            // malformed XML: the parser's own, typed error
        }
        try {
            parser.parseTree(body).contains(DavNames.DAV, "error");
        } catch (XMLStreamException expected) {
            // as above
        }
    }
}
