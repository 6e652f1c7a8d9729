package com.calsync.store.caldav;

import static com.calsync.store.caldav.DavNames.DAV;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads DAV XML answers with the JDK's streaming StAX parser. Each {@code DAV:response} is
 * turned into a small tree and converted at once, so a large multiget answer is never held
 * as a whole document tree. External entities and DTDs are refused, and elements nested deeper
 * than {@link #MAX_DEPTH} are an error (real answers nest about eight deep; a hostile one could
 * nest a million deep and exhaust the stack of whatever walks the tree).
 */
final class MultistatusParser {
    static final int MAX_DEPTH = 64;

    private final XMLInputFactory factory;

    MultistatusParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // errors are thrown as XMLStreamException; without a reporter the JDK also prints them to stderr
        factory.setXMLReporter((message, type, info, location) -> { });
    }

    /**
     * Parses a 207 body.
     *
     * @throws XMLStreamException for anything that is not a readable DAV answer, also where the
     *                            JDK's parser fails with an unchecked exception of its own
     */
    Multistatus parseMultistatus(byte[] body) throws XMLStreamException {
        try {
            return readMultistatus(body);
        } catch (RuntimeException e) {
            throw parserFailure(e);
        }
    }

    /**
     * The JDK's StAX parser throws unchecked exceptions on some malformed input (found by fuzzing:
     * {@code MissingResourceException: InvalidCharInDTD} for a bad character in a DOCTYPE, where
     * the message it wants to report is missing from its own bundle). Malformed is malformed.
     */
    private static XMLStreamException parserFailure(RuntimeException e) {
        XMLStreamException wrapped = new XMLStreamException("malformed XML (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        wrapped.initCause(e);
        return wrapped;
    }

    private Multistatus readMultistatus(byte[] body) throws XMLStreamException {
        List<Multistatus.Response> responses = new ArrayList<>();
        String syncToken = null;
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    checkDepth(depth);
                    // The children of the root multistatus element: response, sync-token, responsedescription.
                    if (depth == 2 && DAV.equals(reader.getNamespaceURI())) {
                        String name = reader.getLocalName();
                        if (name.equals("response")) {
                            responses.add(toResponse(readElement(reader, depth)));
                            depth--;
                        } else if (name.equals("sync-token")) {
                            syncToken = readElement(reader, depth).trimmedText();
                            depth--;
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } finally {
            reader.close();
        }
        return new Multistatus(responses, Optional.ofNullable(syncToken).filter(s -> !s.isEmpty()));
    }

    /** Parses any small DAV XML body (e.g. a {@code DAV:error} answer) into a tree. */
    XmlNode parseTree(byte[] body) throws XMLStreamException {
        try {
            return readTree(body);
        } catch (RuntimeException e) {
            throw parserFailure(e);
        }
    }

    private XmlNode readTree(byte[] body) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return readElement(reader, 1);
                }
            }
            throw new XMLStreamException("no XML element in the body");
        } finally {
            reader.close();
        }
    }

    /**
     * Reads the element the reader stands on (START_ELEMENT, at {@code depth} in the document) up
     * to its end, into a tree.
     */
    private static XmlNode readElement(XMLStreamReader reader, int depth) throws XMLStreamException {
        Deque<Builder> stack = new ArrayDeque<>();
        stack.push(new Builder(reader));
        while (!stack.isEmpty()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    checkDepth(depth + stack.size());
                    stack.push(new Builder(reader));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        stack.peek().text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlNode done = stack.pop().build();
                    if (stack.isEmpty()) {
                        return done;
                    }
                    stack.peek().children.add(done);
                }
                default -> {
                    // comments, processing instructions: nothing to keep
                }
            }
        }
        throw new XMLStreamException("unexpected end of XML");
    }

    private static void checkDepth(int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new XMLStreamException("XML elements nested more than " + MAX_DEPTH + " deep");
        }
    }

    private static String ns(XMLStreamReader reader) {
        String ns = reader.getNamespaceURI();
        return ns == null ? XMLConstants.NULL_NS_URI : ns;
    }

    private static Multistatus.Response toResponse(XmlNode node) {
        String href = node.child(DAV, "href").map(XmlNode::trimmedText).orElse("");
        int status = node.child(DAV, "status").map(s -> statusCode(s.trimmedText())).orElse(0);
        List<Multistatus.PropStat> propStats = new ArrayList<>();
        for (XmlNode ps : node.childrenNamed(DAV, "propstat")) {
            int psStatus = ps.child(DAV, "status").map(s -> statusCode(s.trimmedText())).orElse(0);
            List<XmlNode> props = ps.child(DAV, "prop").map(XmlNode::children).orElse(List.of());
            propStats.add(new Multistatus.PropStat(psStatus, props));
        }
        Optional<String> description = node.child(DAV, "responsedescription").map(XmlNode::trimmedText);
        return new Multistatus.Response(href, status, propStats, node.child(DAV, "error"), description);
    }

    /** "HTTP/1.1 404 Not Found" → 404; anything unreadable → 0. */
    static int statusCode(String statusLine) {
        String[] parts = statusLine.trim().split("\\s+");
        if (parts.length >= 2) {
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static final class Builder {
        final String namespace;
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        final Map<String, String> attributes = new HashMap<>();

        Builder(XMLStreamReader reader) {
            this.namespace = ns(reader);
            this.name = reader.getLocalName();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }

        XmlNode build() {
            return new XmlNode(namespace, name, attributes, text.toString(), children);
        }
    }
}
