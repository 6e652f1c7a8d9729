package com.calsync.store.caldav;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One element of a DAV answer, with its namespace-resolved name, its text (CDATA included) and
 * its attributes (by local name) and its child elements. Prefixes are gone: {@code D:href}, {@code ns0:href} and a default-namespace
 * {@code href} all read as ({@code DAV:}, {@code href}).
 */
record XmlNode(String namespace, String name, Map<String, String> attributes, String text, List<XmlNode> children) {
    XmlNode {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    Optional<String> attribute(String localName) {
        return Optional.ofNullable(attributes.get(localName));
    }

    boolean is(String ns, String localName) {
        return namespace.equals(ns) && name.equals(localName);
    }

    Optional<XmlNode> child(String ns, String localName) {
        return children.stream().filter(c -> c.is(ns, localName)).findFirst();
    }

    List<XmlNode> childrenNamed(String ns, String localName) {
        return children.stream().filter(c -> c.is(ns, localName)).toList();
    }

    /** This element and every element below it, depth first. */
    Stream<XmlNode> descendants() {
        List<XmlNode> all = new ArrayList<>();
        collect(this, all);
        return all.stream();
    }

    boolean contains(String ns, String localName) {
        return descendants().anyMatch(n -> n.is(ns, localName));
    }

    String trimmedText() {
        return text.trim();
    }

    private static void collect(XmlNode node, List<XmlNode> into) {
        into.add(node);
        for (XmlNode c : node.children) {
            collect(c, into);
        }
    }
}
