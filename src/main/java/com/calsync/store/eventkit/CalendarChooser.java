package com.calsync.store.eventkit;

import com.calsync.platform.macos.objc.AutoreleasePool;
import com.calsync.platform.macos.objc.Foundation;
import com.calsync.platform.macos.objc.ObjC;
import com.calsync.store.StoreException;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lists EventKit's event calendars and picks the one config.json names. */
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
final class CalendarChooser {
    private final ObjC objc;
    private final Foundation ns;

    CalendarChooser(Foundation ns) {
        this.ns = ns;
        this.objc = ns.objc();
    }

    /** Every event calendar, with the EKCalendar object (valid inside the caller's pool). */
    record Found(EventKitCalendar calendar, Pointer object) {}

    List<Found> list(Pointer eventStore) {
        List<Found> result = new ArrayList<>();
        for (Pointer c : ns.list(objc.send(eventStore, "calendarsForEntityType:", EventKitAccess.ENTITY_TYPE_EVENT))) {
            result.add(new Found(new EventKitCalendar(
                    ns.toJava(objc.send(c, "calendarIdentifier")),
                    ns.toJava(objc.send(c, "title")),
                    Optional.ofNullable(ns.toJava(objc.send(objc.send(c, "source"), "title"))).orElse("?"),
                    color(c),
                    objc.sendBool(c, "allowsContentModifications")), c));
        }
        return result;
    }

    /** The calendars only, for `calsync` to show. */
    List<EventKitCalendar> calendars(Pointer eventStore) {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            return list(eventStore).stream().map(Found::calendar).toList();
        }
    }

    /**
     * The calendar titled {@code title} (in {@code source} when given); the EKCalendar comes back
     * retained, for the store to keep.
     */
    Found choose(Pointer eventStore, String title, Optional<String> source) {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            List<Found> all = list(eventStore);
            List<Found> matches = all.stream()
                    .filter(f -> f.calendar().title().equals(title))
                    .filter(f -> source.isEmpty() || f.calendar().source().equalsIgnoreCase(source.get()))
                    .toList();
            if (matches.size() == 1) {
                Found found = matches.get(0);
                return new Found(found.calendar(), objc.send(found.object(), "retain"));
            }
            String choices = all.isEmpty() ? "macOS Calendar lists no event calendars at all"
                    : "its calendars are " + all.stream().map(f -> f.calendar().label()).collect(Collectors.joining(", "));
            if (matches.isEmpty()) {
                throw new StoreException("macOS Calendar has no calendar titled \"" + title + "\""
                        + source.map(s -> " in " + s).orElse("") + "; " + choices
                        + ". Check \"name\" (and \"source\") of this calendar in config.json.");
            }
            throw new StoreException("macOS Calendar has " + matches.size() + " calendars titled \"" + title + "\" ("
                    + matches.stream().map(f -> f.calendar().source()).collect(Collectors.joining(", "))
                    + "); add \"source\" with one of those to this calendar in config.json to pick one");
        }
    }

    private Optional<String> color(Pointer calendar) {
        if (!objc.isAppleRuntime() || !objc.respondsTo(calendar, "CGColor")) {
            return Optional.empty();
        }
        try {
            Pointer cg = objc.send(calendar, "CGColor");
            NativeLibrary graphics = NativeLibrary.getInstance("CoreGraphics");
            long n = graphics.getFunction("CGColorGetNumberOfComponents").invokeLong(new Object[] {cg});
            Pointer components = graphics.getFunction("CGColorGetComponents").invokePointer(new Object[] {cg});
            if (components == null || n < 3) {
                return Optional.empty();
            }
            double[] rgb = components.getDoubleArray(0, 3); // CGFloat is a double on 64-bit macOS
            return Optional.of(String.format(Locale.ROOT, "#%02X%02X%02X",
                    Math.round(rgb[0] * 255), Math.round(rgb[1] * 255), Math.round(rgb[2] * 255)));
        } catch (UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }
}
