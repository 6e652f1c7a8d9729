package com.calsync.platform.macos.objc;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Conversions between Foundation objects and Java values. Objects this class creates are
 * autoreleased: call it inside an {@link AutoreleasePool} and retain what must outlive the pool.
 */
public final class Foundation {
    private final ObjC objc;

    public Foundation(ObjC objc) {
        this.objc = objc;
    }

    public ObjC objc() {
        return objc;
    }

    // ---- NSString

    /** An NSString with {@code s}'s characters (built from UTF-8, so emoji and CJK survive); null for null. */
    public Pointer string(String s) {
        if (s == null) {
            return null;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Memory bytes = new Memory(utf8.length + 1L);
        bytes.write(0, utf8, 0, utf8.length);
        bytes.setByte(utf8.length, (byte) 0);
        return objc.send(objc.cls("NSString"), "stringWithUTF8String:", bytes);
    }

    /** The Java string of an NSString; null for nil. */
    public String toJava(Pointer nsString) {
        if (nsString == null) {
            return null;
        }
        Pointer utf8 = objc.send(nsString, "UTF8String");
        return utf8 == null ? null : utf8.getString(0, StandardCharsets.UTF_8.name());
    }

    // ---- NSDate

    public Pointer date(Instant instant) {
        if (instant == null) {
            return null;
        }
        return objc.send(objc.cls("NSDate"), "dateWithTimeIntervalSince1970:", seconds(instant));
    }

    /** The instant of an NSDate (millisecond precision, as NSDate's double holds it); null for nil. */
    public Instant instant(Pointer nsDate) {
        if (nsDate == null) {
            return null;
        }
        double seconds = objc.sendDouble(nsDate, "timeIntervalSince1970");
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    // ---- NSNumber

    public Pointer number(long value) {
        return objc.send(objc.cls("NSNumber"), "numberWithLongLong:", value);
    }

    public Pointer number(double value) {
        return objc.send(objc.cls("NSNumber"), "numberWithDouble:", value);
    }

    public Pointer number(boolean value) {
        return objc.send(objc.cls("NSNumber"), "numberWithBool:", value);
    }

    public long longValue(Pointer nsNumber) {
        return objc.sendLong(nsNumber, "longLongValue");
    }

    public double doubleValue(Pointer nsNumber) {
        return objc.sendDouble(nsNumber, "doubleValue");
    }

    public boolean boolValue(Pointer nsNumber) {
        return objc.sendBool(nsNumber, "boolValue");
    }

    // ---- NSArray

    public Pointer array(List<Pointer> objects) {
        Pointer ids = idArray(objects);
        return objc.send(objc.cls("NSArray"), "arrayWithObjects:count:", ids, (long) objects.size());
    }

    /** The elements of an NSArray (empty for nil). */
    public List<Pointer> list(Pointer nsArray) {
        long count = objc.sendLong(nsArray, "count");
        List<Pointer> result = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            result.add(objc.send(nsArray, "objectAtIndex:", i));
        }
        return result;
    }

    /** The elements of an NSArray, each converted. */
    public <T> List<T> list(Pointer nsArray, Function<Pointer, T> convert) {
        return list(nsArray).stream().map(convert).toList();
    }

    // ---- NSDictionary

    public Pointer dictionary(Map<Pointer, Pointer> entries) {
        List<Pointer> keys = new ArrayList<>(entries.keySet());
        List<Pointer> values = keys.stream().map(entries::get).toList();
        return objc.send(objc.cls("NSDictionary"), "dictionaryWithObjects:forKeys:count:",
                idArray(values), idArray(keys), (long) keys.size());
    }

    /** The entries of an NSDictionary, in its own key order (empty for nil). */
    public Map<Pointer, Pointer> map(Pointer nsDictionary) {
        Map<Pointer, Pointer> result = new LinkedHashMap<>();
        for (Pointer key : list(objc.send(nsDictionary, "allKeys"))) {
            result.put(key, objc.send(nsDictionary, "objectForKey:", key));
        }
        return result;
    }

    private static Pointer idArray(List<Pointer> objects) {
        Memory ids = new Memory(Math.max(1, objects.size()) * (long) Native.POINTER_SIZE);
        for (int i = 0; i < objects.size(); i++) {
            ids.setPointer((long) i * Native.POINTER_SIZE, objects.get(i));
        }
        return ids;
    }

    // ---- NSURL

    public Pointer url(URI uri) {
        return uri == null ? null : objc.send(objc.cls("NSURL"), "URLWithString:", string(uri.toString()));
    }

    public URI uri(Pointer nsUrl) {
        String s = toJava(objc.send(nsUrl, "absoluteString"));
        return s == null ? null : URI.create(s);
    }

    // ---- NSTimeZone

    /** The NSTimeZone of a zone id; nil when Foundation does not know the name. */
    public Pointer timeZone(ZoneId zone) {
        if (zone == null) {
            return null;
        }
        // java.time calls UTC "Z"; Foundation knows it as "UTC"
        String name = zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
        return objc.send(objc.cls("NSTimeZone"), "timeZoneWithName:", string(name));
    }

    /** The zone an NSTimeZone names; empty for nil or a name java.time does not know. */
    public Optional<ZoneId> zoneId(Pointer nsTimeZone) {
        String name = toJava(objc.send(nsTimeZone, "name"));
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    // ---- NSError

    /** A fresh {@code NSError **} out-parameter, nil until a call fills it. */
    public PointerByReference errorOut() {
        return new PointerByReference(Pointer.NULL);
    }

    /** What an NSError said; empty for nil. */
    public Optional<NSErrorInfo> error(Pointer nsError) {
        if (nsError == null) {
            return Optional.empty();
        }
        return Optional.of(new NSErrorInfo(
                toJava(objc.send(nsError, "domain")),
                objc.sendLong(nsError, "code"),
                toJava(objc.send(nsError, "localizedDescription"))));
    }

    public Optional<NSErrorInfo> error(PointerByReference out) {
        return error(out.getValue());
    }
}
