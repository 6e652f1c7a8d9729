package com.calsync.platform.macos.objc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bridge against GNUstep's real runtime and Foundation: real message sends, real objects.
 * {@link AppleRuntimeBridgeTest} runs the same tests against Apple's runtime on a Mac.
 */
@Tag("gnustep")
@SuppressWarnings("try") // an AutoreleasePool is a scope: the try block is its use
class ObjCBridgeTest {
    private final ObjC objc = runtime();
    private final Foundation ns = new Foundation(objc);

    protected ObjC runtime() {
        return GnuStep.objc();
    }

    /** NSLocalizedDescriptionKey's value differs between Apple ("NSLocalizedDescription") and GNUstep. */
    protected Pointer localizedDescriptionKey() {
        return com.sun.jna.NativeLibrary.getInstance("libgnustep-base.so.1.28")
                .getGlobalVariableAddress("NSLocalizedDescriptionKey").getPointer(0);
    }

    /** Class names are process-wide: a subclass running in the same JVM needs its own. */
    protected String greeterClassName() {
        return "CalSyncBridgeTestGreeter";
    }

    @Test
    void stringsRoundTripWithChineseAndEmoji() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            for (String s : List.of("", "plain ascii", "中文日历同步", "emoji 😀🎉 and 𝄞 (non-BMP)", "Ünïcødé\nnewline\ttab")) {
                Pointer nsString = ns.string(s);
                assertThat(ns.toJava(nsString)).isEqualTo(s);
                // NSString counts UTF-16 units, as Java does: proves Foundation decoded it, not just echoed bytes
                assertThat(objc.sendLong(nsString, "length")).isEqualTo(s.length());
            }
            assertThat(ns.toJava(objc.send(ns.string("日历"), "stringByAppendingString:", ns.string("📅"))))
                    .isEqualTo("日历📅");
        }
    }

    @Test
    void datesRoundTripThroughTimeIntervalSince1970() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            for (Instant t : List.of(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("1969-07-20T20:17:40.123Z"),
                    Instant.parse("2100-02-28T23:59:59.999Z"))) {
                assertThat(ns.instant(ns.date(t))).isEqualTo(t);
            }
            Pointer later = objc.send(ns.date(Instant.parse("2026-01-01T00:00:00Z")), "dateByAddingTimeInterval:", 3600.0);
            assertThat(ns.instant(later)).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
        }
    }

    @Test
    void numbersArraysAndDictionariesRoundTrip() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            assertThat(ns.longValue(ns.number(-1234567890123L))).isEqualTo(-1234567890123L);
            assertThat(ns.doubleValue(ns.number(2.5))).isEqualTo(2.5);
            assertThat(ns.boolValue(ns.number(true))).isTrue();
            assertThat(ns.boolValue(ns.number(false))).isFalse();

            List<String> words = List.of("eins", "二", "🎂");
            Pointer array = ns.array(words.stream().map(ns::string).toList());
            assertThat(ns.list(array, ns::toJava)).containsExactlyElementsOf(words);
            assertThat(ns.list(ns.array(List.of()))).isEmpty();

            Map<Pointer, Pointer> entries = new LinkedHashMap<>();
            entries.put(ns.string("title"), ns.string("Zahnarzt 🦷"));
            entries.put(ns.string("count"), ns.number(3L));
            Map<String, Object> back = new LinkedHashMap<>();
            ns.map(ns.dictionary(entries)).forEach((k, v) -> back.put(ns.toJava(k),
                    ns.toJava(k).equals("count") ? (Object) ns.longValue(v) : ns.toJava(v)));
            assertThat(back).containsOnly(Map.entry("title", "Zahnarzt 🦷"), Map.entry("count", 3L));
        }
    }

    @Test
    void urlsAndTimeZonesRoundTrip() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            URI uri = URI.create("https://example.com/cal/%E6%97%A5?x=1#frag");
            assertThat(ns.uri(ns.url(uri))).isEqualTo(uri);
            assertThat(ns.zoneId(ns.timeZone(ZoneId.of("Europe/Berlin")))).contains(ZoneId.of("Europe/Berlin"));
            assertThat(ns.zoneId(ns.timeZone(ZoneId.of("Asia/Shanghai")))).contains(ZoneId.of("Asia/Shanghai"));
            assertThat(ns.timeZone(ZoneId.of("America/New_York"))).isNotNull();
        }
    }

    @Test
    void errorOutParametersAreFilledAndRead() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            PointerByReference error = ns.errorOut();
            Pointer contents = objc.send(objc.cls("NSString"), "stringWithContentsOfFile:encoding:error:",
                    ns.string("/nonexistent/calsync/" + System.nanoTime()), 4L /* NSUTF8StringEncoding */, error);
            assertThat(contents).isNull();
            // GNUstep may leave the error nil here; when it fills it, all three fields must read
            ns.error(error).ifPresent(info -> {
                assertThat(info.domain()).isNotBlank();
                assertThat(info.description()).isNotBlank();
            });

            Map<Pointer, Pointer> userInfo = new LinkedHashMap<>();
            userInfo.put(localizedDescriptionKey(), ns.string("Kalender nicht gefunden – 日历"));
            Pointer made = objc.send(objc.cls("NSError"), "errorWithDomain:code:userInfo:",
                    ns.string("CalSyncTestDomain"), 42L, ns.dictionary(userInfo));
            assertThat(ns.error(made)).contains(new NSErrorInfo("CalSyncTestDomain", 42, "Kalender nicht gefunden – 日历"));
            assertThat(ns.error((Pointer) null)).isEmpty();
        }
    }

    @Test
    void nilReceiversGiveZeroWithoutCallingAnything() {
        assertThat(objc.send(null, "description")).isNull();
        assertThat(objc.sendLong(null, "count")).isZero();
        assertThat(objc.sendDouble(null, "timeIntervalSince1970")).isEqualTo(0.0);
        assertThat(objc.sendBool(null, "boolValue")).isFalse();
        assertThat(objc.respondsTo(null, "description")).isFalse();
    }

    @Test
    void respondsToSelectorGuardsOptionalApi() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer s = ns.string("x");
            assertThat(objc.respondsTo(s, "UTF8String")).isTrue();
            assertThat(objc.respondsTo(s, "requestFullAccessToEventsWithCompletion:")).isFalse();
            assertThat(objc.respondsTo(objc.cls("NSDate"), "dateWithTimeIntervalSince1970:")).isTrue();
            assertThat(objc.respondsTo(objc.cls("NSDate"), "timeIntervalSince1970")).isFalse();
        }
    }

    /** NSRange, returned by value. */
    @Structure.FieldOrder({"location", "length"})
    public static class NSRange extends Structure implements Structure.ByValue {
        public long location;
        public long length;
    }

    @Test
    void structsComeBackByValue() {
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            NSRange range = objc.sendStruct(NSRange.class, ns.string("Kalender 日历 sync"), "rangeOfString:", ns.string("日历"));
            assertThat(range.location).isEqualTo(9);
            assertThat(range.length).isEqualTo(2);
        }
    }

    @Test
    void javaClassesReceiveMessagesWithArgumentsAndReturns() {
        AtomicReference<String> seen = new AtomicReference<>();
        Imps.Id1 greet = (self, cmd, name) -> {
            seen.set(ns.toJava(name));
            return ns.string("你好, " + ns.toJava(name));
        };
        Imps.Double0 answer = (self, cmd) -> 42.5;
        Imps.LongLong twice = (self, cmd, n) -> 2 * n;
        Pointer cls = objc.defineClass(greeterClassName(), "NSObject")
                .method("greet:", "@@:@", greet)
                .method("answer", "d@:", answer)
                .method("twice:", "q@:q", twice)
                .classMethod("greeterName", "@@:", (Imps.Id0) (self, cmd) -> ns.string("class side 🙂"))
                .register();
        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
            Pointer greeter = objc.send(objc.send(cls, "alloc"), "init");
            assertThat(ns.toJava(objc.send(greeter, "greet:", ns.string("Welt 🌍")))).isEqualTo("你好, Welt 🌍");
            assertThat(seen.get()).isEqualTo("Welt 🌍");
            assertThat(objc.sendDouble(greeter, "answer")).isEqualTo(42.5);
            assertThat(objc.sendLong(greeter, "twice:", 21L)).isEqualTo(42);
            assertThat(ns.toJava(objc.send(cls, "greeterName"))).isEqualTo("class side 🙂");
            assertThat(objc.respondsTo(greeter, "greet:")).isTrue();
            assertThat(objc.className(greeter)).isEqualTo(greeterClassName());
            objc.sendVoid(greeter, "release");
        }
    }

    @Test
    void blocksAreCalledWithTheirArgumentsAndSurviveCopy() {
        AtomicReference<String> result = new AtomicReference<>();
        Block.BoolErrorHandler handler = (block, granted, error) ->
                result.set((granted != 0) + " " + ns.error(error).map(NSErrorInfo::domain).orElse("no error"));
        Block block = Block.of(objc, handler);
        // a framework copies a handler it keeps: the copy must be the same, callable block
        Pointer copy = objc.send(block.pointer(), "copy");
        assertThat(copy).isEqualTo(block.pointer());
        Block.BoolErrorHandler fromMemory = (Block.BoolErrorHandler) com.sun.jna.CallbackReference.getCallback(
                Block.BoolErrorHandler.class, copy.getPointer(com.sun.jna.Native.POINTER_SIZE + 8L));
        fromMemory.invoke(copy, (byte) 1, null);
        assertThat(result.get()).isEqualTo("true no error");
    }

    @Test
    void eightThreadsSendManyMessagesConcurrently() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 1000; i++) {
                        try (AutoreleasePool pool = new AutoreleasePool(objc)) {
                            String s = "t" + thread + "-" + i + "-日历😀";
                            Pointer array = ns.array(List.of(ns.string(s), ns.number((long) i)));
                            if (ns.toJava(objc.send(array, "objectAtIndex:", 0L)).equals(s)
                                    && ns.longValue(objc.send(array, "objectAtIndex:", 1L)) == i) {
                                ok++;
                            }
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get(5, TimeUnit.MINUTES)).isEqualTo(1000);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
