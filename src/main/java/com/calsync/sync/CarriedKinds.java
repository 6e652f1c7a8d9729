package com.calsync.sync;

import com.calsync.ical.ComponentKind;

/**
 * The kinds of items a pair carries: those both of its stores hold (a folder holds everything, a
 * CalDAV calendar what its supported-calendar-component-set names, EventKit events only). An
 * item of another kind is left where it is, with the reason.
 */
final class CarriedKinds implements SideReader.Kinds {
    private final SyncPair pair;

    CarriedKinds(SyncPair pair) {
        this.pair = pair;
    }

    @Override
    public boolean carried(ComponentKind kind) {
        return pair.source().capabilities().holds(kind) && pair.target().capabilities().holds(kind);
    }

    @Override
    public String whyNot(ComponentKind kind) {
        if (kind == ComponentKind.OTHER) {
            return "CalSync carries events, to-dos and journal entries only";
        }
        Side lacking = pair.target().capabilities().holds(kind) ? Side.SOURCE : Side.TARGET;
        return "the " + lacking.label() + " (" + pair.store(lacking).describe() + ") holds no " + plural(kind);
    }

    private static String plural(ComponentKind kind) {
        return switch (kind) {
            case VEVENT -> "events";
            case VTODO -> "to-dos";
            case VJOURNAL -> "journal entries";
            case OTHER -> "such items";
        };
    }
}
