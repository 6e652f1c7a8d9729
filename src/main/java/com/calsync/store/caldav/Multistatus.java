package com.calsync.store.caldav;

import static com.calsync.store.caldav.DavNames.DAV;

import java.util.List;
import java.util.Optional;

/**
 * A parsed 207 Multi-Status answer (RFC 4918 §13): its responses and, for sync-collection
 * reports, the new sync token.
 */
record Multistatus(List<Response> responses, Optional<String> syncToken) {
    Multistatus {
        responses = List.copyOf(responses);
    }

    /**
     * One {@code DAV:response}: the href as the server wrote it, the response-level status
     * (0 when there is none, i.e. the statuses sit in the propstats), its propstats and the
     * {@code DAV:error} element's conditions, if any.
     */
    record Response(String href, int status, List<PropStat> propStats, Optional<XmlNode> error,
                    Optional<String> description) {
        Response {
            propStats = List.copyOf(propStats);
        }

        /** A property the server answered with 200 (or with no status at all). */
        Optional<XmlNode> prop(String ns, String name) {
            for (PropStat ps : propStats) {
                if (ps.status() == 200 || ps.status() == 0) {
                    for (XmlNode p : ps.props()) {
                        if (p.is(ns, name)) {
                            return Optional.of(p);
                        }
                    }
                }
            }
            return Optional.empty();
        }

        Optional<String> propText(String ns, String name) {
            return prop(ns, name).map(XmlNode::trimmedText).filter(s -> !s.isEmpty());
        }

        boolean hasErrorCondition(String ns, String name) {
            return error.map(e -> e.contains(ns, name)).orElse(false);
        }

        boolean isCollection() {
            return prop(DAV, "resourcetype").map(r -> r.child(DAV, "collection").isPresent()).orElse(false);
        }
    }

    /** One {@code DAV:propstat}: the properties that share one status. */
    record PropStat(int status, List<XmlNode> props) {
        PropStat {
            props = List.copyOf(props);
        }
    }
}
