package com.calsync.store.caldav;

import static com.calsync.store.caldav.DavNames.CALDAV;
import static com.calsync.store.caldav.DavNames.DAV;

import com.calsync.ical.TimeWindow;
import com.calsync.store.CalendarGoneException;
import com.calsync.store.CalendarStore;
import com.calsync.store.ChangeSet;
import com.calsync.store.ItemNotFoundException;
import com.calsync.store.ItemRejectedException;
import com.calsync.store.ItemRef;
import com.calsync.store.Listing;
import com.calsync.store.PreconditionFailedException;
import com.calsync.store.ReadOnlyStoreException;
import com.calsync.store.StoreCapabilities;
import com.calsync.store.StoreException;
import com.calsync.store.StoredItem;
import com.calsync.store.SyncTokenExpiredException;
import com.calsync.store.http.HttpLimits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CalDAV calendar collection as a {@link CalendarStore} (RFC 4791, RFC 6578).
 *
 * <p>Listing is always complete ({@code serverSideTimeRange} is false): a calendar-query with a
 * time-range would be cheaper, but Xandikos does not expand RRULEs there, so a series whose first
 * instance lies before the window would vanish from the listing and look deleted. When the
 * collection supports sync-collection, the first listing is a sync-collection REPORT with an
 * empty token, which gives the etags and the current token in one request.
 */
public final class CalDavStore implements CalendarStore {
    /** Marks a sync token that is a getctag (for servers without sync-collection). */
    private static final String CTAG_TOKEN = "ctag:";

    private static final Logger log = LoggerFactory.getLogger(CalDavStore.class);
    private static final int MAX_SYNC_ROUNDS = 100;

    private final CalDavClient client;
    private final CalendarInfo calendar;
    private final URI url;
    private final CollectionMembers members;
    private final String collectionPath;
    private final int batchSize;
    private final ExecutorService pool;
    private final MultistatusParser parser = new MultistatusParser();

    /** A store on {@code calendar}, fetching 100 items per multiget, 3 multigets at a time. */
    public CalDavStore(CalDavClient client, CalendarInfo calendar) {
        this(client, calendar, 100, 3);
    }

    /**
     * @param client            the account's client; the store counts its own requests on a copy
     * @param multigetBatchSize hrefs per calendar-multiget REPORT
     * @param parallelism       calendar-multiget REPORTs in flight at once
     */
    public CalDavStore(CalDavClient client, CalendarInfo calendar, int multigetBatchSize, int parallelism) {
        if (multigetBatchSize < 1 || parallelism < 1) {
            throw new IllegalArgumentException("batch size and parallelism must be at least 1");
        }
        this.client = client.withOwnCounter();
        this.calendar = calendar;
        this.url = calendar.url();
        this.members = new CollectionMembers(url);
        this.collectionPath = members.collectionPath();
        this.batchSize = multigetBatchSize;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "caldav-multiget-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Discovers the account's calendars and opens the one named by display name or path. */
    public static CalDavStore open(CalDavAccount account, String calendarNameOrPath, Clock clock) {
        return open(account, calendarNameOrPath, HttpLimits.DEFAULTS, clock);
    }

    /** As {@link #open(CalDavAccount, String, Clock)}, each request keeping to {@code limits}. */
    public static CalDavStore open(CalDavAccount account, String calendarNameOrPath, HttpLimits limits, Clock clock) {
        CalDavClient client = CalDavClient.create(account, limits, clock);
        return new CalDavStore(client, new CalDavDiscovery(client).pick(calendarNameOrPath));
    }

    public CalendarInfo calendar() {
        return calendar;
    }

    @Override
    public String describe() {
        return "CalDAV calendar \"" + calendar.displayName() + "\" at " + url + " (account " + client.account().name() + ")";
    }

    /**
     * Sync tokens: RFC 6578 ones where the collection has sync-collection; otherwise, where it has
     * a getctag, a token made of the ctag, which tells "nothing changed" in one small request.
     * Components: the collection's supported-calendar-component-set (RFC 4791 §5.2.3); a server
     * that does not say accepts any. Concurrent writes: each is one HTTP request on the client's
     * thread-safe connection pool, and a server that cannot keep up says so (429/503, see
     * {@link #busyAnswers()}).
     */
    @Override
    public StoreCapabilities capabilities() {
        return new StoreCapabilities(!calendar.writable(), calendar.syncCollection() || calendar.ctag().isPresent(),
                false, true, calendar.componentKinds(), true);
    }

    @Override
    public com.calsync.store.BusyAnswers busyAnswers() {
        return client.busyAnswers();
    }

    @Override
    public long requestCount() {
        return client.requestCount();
    }

    @Override
    public Listing list(TimeWindow window) {
        if (calendar.syncCollection()) {
            try {
                SyncAnswer all = syncCollection("");
                return new Listing(all.changed(), Optional.of(all.token()));
            } catch (SyncCollectionRefusedException e) {
                log.warn("{} advertises sync-collection but refused it (HTTP {}); listing with PROPFIND",
                        describe(), e.status);
            }
        }
        // the ctag is read before the listing, so a change made during it shows as a new ctag next time
        Optional<String> ctagToken = calendar.ctag().isPresent() ? currentCtag().map(c -> CTAG_TOKEN + c) : Optional.empty();
        CalDavClient.Answer answer = client.send(CalDavClient.Request.xml("PROPFIND", url, "1",
                CalDavDiscovery.propfindBody("<d:resourcetype/><d:getetag/><d:getcontenttype/>")));
        if (answer.status() != 207) {
            throw readFailure(answer, "PROPFIND");
        }
        Map<String, String> etags = new LinkedHashMap<>();
        OutsideHrefs outside = new OutsideHrefs();
        for (Multistatus.Response r : parse(answer, "PROPFIND").responses()) {
            CollectionMembers.Resolved where = members.resolve(r.href());
            if (where instanceof CollectionMembers.Member m) {
                if (r.status() != 404 && isItem(r, m.path())) {
                    etags.put(m.path(), Etags.orNull(r.propText(DAV, "getetag").orElse(null)));
                }
            } else if (where instanceof CollectionMembers.Outside o && !r.isCollection()) {
                outside.add(o);
            }
        }
        outside.log("PROPFIND");
        return new Listing(etags, ctagToken);
    }

    /** The collection's getctag now (one PROPFIND Depth 0), if the server keeps one. */
    private Optional<String> currentCtag() {
        return new CalDavDiscovery(client).inspect(url).ctag();
    }

    @Override
    public ChangeSet changesSince(String token) {
        if (token != null && token.startsWith(CTAG_TOKEN)) {
            // no sync-collection here: an unchanged ctag means an unchanged calendar; any other
            // answer sends the engine back to a full listing
            String was = token.substring(CTAG_TOKEN.length());
            Optional<String> now = currentCtag();
            if (now.isPresent() && now.get().equals(was)) {
                return new ChangeSet(Map.of(), java.util.Set.of(), token);
            }
            throw new SyncTokenExpiredException(describe() + " changed since the last run (getctag " + was + " → "
                    + now.orElse("none") + "); listing it again");
        }
        if (!calendar.syncCollection()) {
            return CalendarStore.super.changesSince(token);
        }
        SyncAnswer changes = syncCollection(token == null ? "" : token);
        return new ChangeSet(changes.changed(), changes.removed(), changes.token());
    }

    @Override
    public List<StoredItem> get(Collection<String> hrefs) {
        OutsideHrefs outside = new OutsideHrefs();
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(hrefs.stream()
                .map(h -> members.member(h).or(() -> {
                    if (members.resolve(h) instanceof CollectionMembers.Outside o) {
                        outside.add(o);
                    }
                    return Optional.empty();
                }))
                .flatMap(Optional::stream)
                .toList()));
        outside.log("fetch");
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < unique.size(); i += batchSize) {
            batches.add(unique.subList(i, Math.min(unique.size(), i + batchSize)));
        }
        if (batches.size() <= 1) {
            return batches.isEmpty() ? List.of() : multiget(batches.get(0));
        }
        List<CompletableFuture<List<StoredItem>>> running = batches.stream()
                .map(batch -> CompletableFuture.supplyAsync(() -> multiget(batch), pool))
                .toList();
        List<StoredItem> items = new ArrayList<>();
        try {
            for (CompletableFuture<List<StoredItem>> f : running) {
                items.addAll(f.join());
            }
        } catch (CompletionException e) {
            running.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("fetching items from " + describe() + " failed: " + e.getCause(), e.getCause());
        }
        return items;
    }

    @Override
    public ItemRef create(String uid, String ics) {
        String href = inside(collectionPath + Hrefs.encodeSegment(ResourceNames.forUid(uid)), "create");
        ics = BareCommas.escape(ics);
        CalDavClient.Answer answer = sendWrite(put(href, ics, "If-None-Match", "*"), "create", href);
        if (answer.status() == 207) {
            checkWrappedPut(answer, href, uid);
            return new ItemRef(href, etagAfterWrite(answer, href));
        }
        if (answer.isSuccess()) {
            return new ItemRef(href, etagAfterWrite(answer, href));
        }
        if (answer.status() == 412) {
            if (answer.outcomeUnknownBefore()) {
                Optional<StoredItem> stored = fetchOne(href);
                if (stored.isPresent() && SameContent.sameItem(ics, stored.get().ics())) {
                    log.info("create of {} was retried and had gone through the first time", href);
                    return new ItemRef(href, stored.get().etag());
                }
            }
            throw new PreconditionFailedException(href, "an item named " + href + " already exists in " + describe()
                    + " (UID " + uid + "); update it instead");
        }
        if (answer.status() == 409 && hasErrorCondition(answer, CALDAV, "no-uid-conflict")) {
            throw uidConflict(href, uid);
        }
        throw writeFailure(answer, "create", href);
    }

    @Override
    public String update(String href, String ics, String etag) {
        String path = inside(href, "update");
        etag = ifMatch(path, etag, "updated");
        ics = BareCommas.escape(ics);
        CalDavClient.Answer answer = sendWrite(put(path, ics, "If-Match", etag), "update", path);
        if (answer.status() == 207) {
            checkWrappedPut(answer, path, null);
            return etagAfterWrite(answer, path);
        }
        if (answer.isSuccess()) {
            return etagAfterWrite(answer, path);
        }
        if (answer.status() == 412 || answer.status() == 404) {
            if (answer.outcomeUnknownBefore()) {
                Optional<StoredItem> stored = fetchOne(path);
                if (stored.isPresent() && SameContent.sameItem(ics, stored.get().ics())) {
                    log.info("update of {} was retried and had gone through the first time", path);
                    return stored.get().etag();
                }
            }
            throw new PreconditionFailedException(path, "item " + path + " in " + describe()
                    + (answer.status() == 404 ? " is gone" : " changed since it was read (etag " + etag + ")")
                    + "; read it again before writing");
        }
        if (answer.status() == 409 && hasErrorCondition(answer, CALDAV, "no-uid-conflict")) {
            throw uidConflict(path, null);
        }
        throw writeFailure(answer, "update", path);
    }

    @Override
    public void delete(String href, String etag) {
        String path = inside(href, "delete");
        etag = ifMatch(path, etag, "deleted");
        CalDavClient.Answer answer = sendWrite(new CalDavClient.Request("DELETE", Hrefs.resolve(url, path),
                Map.of("If-Match", etag), null, true), "delete", path);
        int status = answer.status();
        if (status == 207) {
            status = firstInnerStatus(answer, path);
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 404 || (status == 412 && fetchEtag(path).isEmpty())) {
            if (answer.outcomeUnknownBefore()) {
                log.info("delete of {} was retried and had gone through the first time", path);
                return;
            }
            throw new ItemNotFoundException(path, "item " + path + " is not in " + describe() + " (already deleted)");
        }
        if (status == 412) {
            throw new PreconditionFailedException(path, "item " + path + " in " + describe()
                    + " changed since it was read (etag " + etag + "); not deleted");
        }
        throw writeFailure(answer, "delete", path);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /**
     * The canonical path of {@code href} when it is an item of this collection; anything else is
     * never written (a StoreException, so the engine reports that one item and goes on).
     */
    private String inside(String href, String what) {
        CollectionMembers.Resolved where = members.resolve(href);
        if (where instanceof CollectionMembers.Member m) {
            return m.path();
        }
        String why = where instanceof CollectionMembers.Outside o ? o.reason() : "it is the collection itself";
        throw new StoreException("not sent: " + what + " of " + Hrefs.printable(String.valueOf(href)) + " in "
                + describe() + ", because " + why + "; CalSync writes only items of the configured calendar");
    }

    /**
     * The etag to send in If-Match. One that is unknown or cannot be sent (empty, CR/LF) is asked
     * for once more; when the server still gives none, this item is skipped with a reason: an
     * unconditional write could overwrite a change made meanwhile, which the store contract forbids.
     */
    private String ifMatch(String path, String etag, String what) {
        Optional<String> usable = Etags.usable(etag).or(() -> fetchEtag(path));
        return usable.orElseThrow(() -> new StoreException("item " + path + " in " + describe()
                + " was not " + what + ": the server gives it no usable etag (empty or with characters that"
                + " cannot be sent back), so CalSync cannot make sure it does not overwrite someone else's"
                + " change; it is compared by content again next run"));
    }

    /** Hrefs a server returned that are not items of this collection: logged once per answer, never used. */
    private final class OutsideHrefs {
        private final List<CollectionMembers.Outside> seen = new ArrayList<>();

        void add(CollectionMembers.Outside o) {
            seen.add(o);
        }

        void log(String answer) {
            if (seen.isEmpty()) {
                return;
            }
            log.warn("{}: ignored {} href(s) in the {} answer that are not items of this calendar (never read,"
                    + " written or deleted): {}", describe(), seen.size(), answer, seen.stream().limit(5)
                    .map(o -> o.href() + " (" + o.reason() + ")").collect(java.util.stream.Collectors.joining("; "))
                    + (seen.size() > 5 ? "; …" : ""));
        }
    }

    // --- sync-collection -------------------------------------------------------------------

    private record SyncAnswer(Map<String, String> changed, Set<String> removed, String token) {}

    /** Runs sync-collection from {@code token} ("" = everything), following truncated answers (507). */
    private SyncAnswer syncCollection(String token) {
        Map<String, String> changed = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        String current = token;
        for (int round = 0; round < MAX_SYNC_ROUNDS; round++) {
            String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\">"
                    + "<d:sync-token>" + escape(current) + "</d:sync-token><d:sync-level>1</d:sync-level>"
                    + "<d:prop><d:getetag/><d:getcontenttype/><d:resourcetype/></d:prop></d:sync-collection>";
            CalDavClient.Request request = CalDavClient.Request.xml("REPORT", url, "0", body);
            if (!current.isEmpty()) {
                // Xandikos answers an unknown token with 500: that is an answer, not an outage.
                request = request.withoutServerErrorRetries();
            }
            CalDavClient.Answer answer = client.send(request);
            if (answer.status() != 207) {
                throw syncFailure(answer, current);
            }
            Multistatus ms = parse(answer, "REPORT sync-collection");
            boolean truncated = false;
            OutsideHrefs outside = new OutsideHrefs();
            for (Multistatus.Response r : ms.responses()) {
                CollectionMembers.Resolved where = members.resolve(r.href());
                if (where instanceof CollectionMembers.Itself) {
                    truncated |= r.status() == 507;
                } else if (where instanceof CollectionMembers.Outside o) {
                    if (!r.isCollection()) {
                        outside.add(o);
                    }
                } else if (where instanceof CollectionMembers.Member m) {
                    String href = m.path();
                    if (r.status() == 404) {
                        // Radicale's first listing also names items deleted long ago: they are not items.
                        changed.remove(href);
                        removed.add(href);
                    } else if (isItem(r, href)) {
                        changed.put(href, Etags.orNull(r.propText(DAV, "getetag").orElse(null)));
                        removed.remove(href);
                    }
                }
            }
            outside.log("REPORT sync-collection");
            current = ms.syncToken().orElseThrow(() -> new StoreException("the sync-collection answer of "
                    + describe() + " carries no sync-token"));
            if (!truncated) {
                return new SyncAnswer(changed, removed, current);
            }
        }
        throw new StoreException("the sync-collection answers of " + describe() + " stayed truncated after "
                + MAX_SYNC_ROUNDS + " rounds");
    }

    /** The server advertised sync-collection but does not understand the REPORT after all. */
    private static final class SyncCollectionRefusedException extends StoreException {
        final int status;

        SyncCollectionRefusedException(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    private StoreException syncFailure(CalDavClient.Answer answer, String token) {
        int status = answer.status();
        if (token.isEmpty() && (status == 400 || status == 405 || status == 415 || status == 501)) {
            return new SyncCollectionRefusedException("REPORT sync-collection on " + describe() + " answered HTTP "
                    + status, status);
        }
        if (!token.isEmpty() && (status == 403 || status == 409 || status == 400)
                && (hasErrorCondition(answer, DAV, "valid-sync-token") || status != 400)) {
            return new SyncTokenExpiredException(describe() + " no longer accepts sync token " + token
                    + " (HTTP " + status + "): list the calendar again");
        }
        if (!token.isEmpty() && status == 500) {
            return new SyncTokenExpiredException(describe() + " failed on sync token " + token
                    + " (HTTP 500, Xandikos's answer to an unknown token): list the calendar again");
        }
        if (!token.isEmpty() && (status == 502 || status == 504)) {
            return new com.calsync.store.StoreUnavailableException("REPORT sync-collection on " + describe()
                    + " answered HTTP " + status + ": try again later", null, null);
        }
        return readFailure(answer, "REPORT sync-collection");
    }

    // --- multiget ----------------------------------------------------------------------------

    private List<StoredItem> multiget(List<String> hrefs) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<c:calendar-multiget xmlns:d=\"DAV:\" xmlns:c=\"" + CALDAV + "\">"
                + "<d:prop><d:getetag/><c:calendar-data/></d:prop>");
        hrefs.forEach(h -> body.append("<d:href>").append(escape(h)).append("</d:href>"));
        body.append("</c:calendar-multiget>");
        CalDavClient.Answer answer;
        try {
            answer = client.send(CalDavClient.Request.xml("REPORT", url, "1", body.toString()));
        } catch (CalDavClient.ServerErrorException e) {
            if (e.answer().status() != 500) {
                throw e;
            }
            // A server that fails to render some stored item fails every multiget holding it: an
            // answer about these items, which the sync narrows down instead of stopping the pair.
            throw new StoreException("REPORT calendar-multiget of " + hrefs.size() + " item(s) on " + describe()
                    + " failed with HTTP 500 on every try" + ServerReason.of(e.answer()).map(r -> ": " + r).orElse(""), e);
        }
        if (answer.status() != 207) {
            throw readFailure(answer, "REPORT calendar-multiget");
        }
        Multistatus multistatus;
        try {
            multistatus = parser.parseMultistatus(answer.body());
        } catch (XMLStreamException e) {
            // Radicale copies an item's text into the XML as it is, so one item holding a control
            // character (BEL, say: legal to store, illegal in XML 1.0) spoils every multiget that
            // holds it. A plain GET carries the bytes without XML, so each item is fetched alone.
            log.warn("The server's answer to a multiget of {} item(s) on {} is not valid XML ({}); fetching them one by one",
                    hrefs.size(), describe(), e.getMessage());
            return hrefs.stream().flatMap(h -> fetchByGet(h).stream()).toList();
        }
        List<StoredItem> items = new ArrayList<>();
        Set<String> asked = new java.util.HashSet<>(hrefs);
        OutsideHrefs outside = new OutsideHrefs();
        for (Multistatus.Response r : multistatus.responses()) {
            if (r.status() == 404) {
                continue;
            }
            CollectionMembers.Resolved where = members.resolve(r.href());
            if (where instanceof CollectionMembers.Outside o) {
                outside.add(o);
                continue;
            }
            // an item the request did not ask for is not taken either: it was not listed
            if (!(where instanceof CollectionMembers.Member m) || !asked.contains(m.path())) {
                continue;
            }
            Optional<XmlNode> data = r.prop(CALDAV, "calendar-data");
            if (data.isPresent() && !data.get().text().isBlank()) {
                items.add(new StoredItem(m.path(), Etags.orNull(r.propText(DAV, "getetag").orElse(null)),
                        data.get().text()));
            }
        }
        outside.log("REPORT calendar-multiget");
        return items;
    }

    /** One item by plain GET; empty when it is gone. */
    private Optional<StoredItem> fetchByGet(String href) {
        CalDavClient.Answer answer = client.send(new CalDavClient.Request("GET", Hrefs.resolve(url, href),
                Map.of("Accept", "text/calendar"), null, true));
        if (answer.status() == 404 || answer.status() == 410) {
            return Optional.empty();
        }
        if (!answer.isSuccess()) {
            throw readFailure(answer, "GET " + href);
        }
        return Optional.of(new StoredItem(Hrefs.canonical(url, href), answer.header("ETag").orElse(null),
                new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Optional<StoredItem> fetchOne(String href) {
        return multiget(List.of(href)).stream().findFirst();
    }

    private Optional<String> fetchEtag(String href) {
        CalDavClient.Answer answer = client.send(CalDavClient.Request.xml("PROPFIND", Hrefs.resolve(url, href), "0",
                CalDavDiscovery.propfindBody("<d:getetag/>")));
        if (answer.status() != 207) {
            return Optional.empty();
        }
        return parse(answer, "PROPFIND").responses().stream()
                .filter(r -> r.status() != 404)
                .flatMap(r -> r.propText(DAV, "getetag").flatMap(Etags::usable).stream())
                .findFirst();
    }

    // --- writes --------------------------------------------------------------------------------

    /**
     * Sends a write of one item. A server that still answers 500 or 501 after the retries failed
     * on this item (Xandikos does on some valid ones), which is the item's problem, not the
     * calendar's: it comes back as {@link ItemRejectedException} with the server's reason.
     * Connection failures and 502/503/504 stay {@link com.calsync.store.StoreUnavailableException}.
     */
    private CalDavClient.Answer sendWrite(CalDavClient.Request request, String what, String href) {
        try {
            return client.send(request);
        } catch (CalDavClient.ServerErrorException e) {
            int status = e.answer().status();
            if (status != 500 && status != 501) {
                throw e;
            }
            Optional<String> reason = ServerReason.of(e.answer());
            throw new ItemRejectedException(href, status, reason.orElse(null), describe() + " failed to " + what
                    + " item " + href + " with HTTP " + status + " on every try" + reason.map(r -> ": " + r).orElse("")
                    + "; CalSync tries this item again later");
        }
    }

    private CalDavClient.Request put(String path, String ics, String condition, String value) {
        return new CalDavClient.Request("PUT", Hrefs.resolve(url, path),
                Map.of(condition, value, "Content-Type", "text/calendar; charset=utf-8"),
                ics.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The new etag: from the answer's ETag header, else asked for (some servers leave it out). */
    private String etagAfterWrite(CalDavClient.Answer answer, String href) {
        return answer.header("ETag").flatMap(Etags::usable).or(() -> fetchEtag(href)).orElse(null);
    }

    /** Xandikos answers some failed PUTs with 207 and the real status inside. */
    private void checkWrappedPut(CalDavClient.Answer answer, String href, String uid) {
        Multistatus ms = parse(answer, "PUT");
        for (Multistatus.Response r : ms.responses()) {
            if (r.hasErrorCondition(CALDAV, "no-uid-conflict")) {
                throw uidConflict(href, uid);
            }
            if (r.hasErrorCondition(CALDAV, "valid-calendar-data")
                    || r.hasErrorCondition(CALDAV, "valid-calendar-object-resource")
                    || r.hasErrorCondition(CALDAV, "supported-calendar-component")) {
                String reason = r.description().orElse(null);
                throw new ItemRejectedException(href, r.status() == 0 ? 400 : r.status(), reason, describe()
                        + " refused item " + href + " as invalid iCalendar: " + (reason == null ? "no reason given" : reason));
            }
            int status = r.status();
            if (status == 412) {
                throw new PreconditionFailedException(href, "item " + href + " in " + describe()
                        + " changed, appeared or vanished since it was read; read it again before writing");
            }
            if (status == 403) {
                throw readOnly();
            }
            if (status != 0 && (status < 200 || status >= 300)) {
                String reason = r.description().orElse(null);
                throw new ItemRejectedException(href, status, reason, describe() + " refused to store " + href
                        + " (HTTP " + status + " inside 207: " + (reason == null ? "no reason given" : reason) + ")");
            }
        }
    }

    private int firstInnerStatus(CalDavClient.Answer answer, String href) {
        return parse(answer, "DELETE").responses().stream().mapToInt(Multistatus.Response::status)
                .filter(s -> s != 0).findFirst().orElse(200);
    }

    private PreconditionFailedException uidConflict(String href, String uid) {
        return new PreconditionFailedException(href, "another item in " + describe() + " already uses UID "
                + (uid == null ? "of " + href : uid) + " under a different name (CalDAV no-uid-conflict):"
                + " update that item instead of creating a new one");
    }

    /**
     * A write refused by the server: 403 (read-only) and 404 (the calendar is gone) concern the
     * calendar; any other refusal concerns the item, with the server's reason.
     */
    private StoreException writeFailure(CalDavClient.Answer answer, String what, String href) {
        int status = answer.status();
        if (status == 403) {
            return readOnly();
        }
        if (status == 404) {
            return collectionMissing();
        }
        Optional<String> reason = ServerReason.of(answer);
        String said = reason.map(r -> ": " + r).orElse(" (no reason given)");
        if (status >= 400 && status < 500) {
            return new ItemRejectedException(href, status, reason.orElse(null), describe() + " refused to " + what
                    + " item " + href + " (HTTP " + status + ")" + said);
        }
        return new ItemRejectedException(href, status, reason.orElse(null), what + " of " + href + " in " + describe()
                + " failed with HTTP " + status + said);
    }

    private StoreException readFailure(CalDavClient.Answer answer, String what) {
        if (answer.status() == 404) {
            return new CalendarGoneException(collectionMissing().getMessage(), 404);
        }
        if (answer.status() == 410) {
            return new CalendarGoneException("calendar collection " + url + " is gone (HTTP 410, account "
                    + client.account().name() + "): check the calendar in the config", 410);
        }
        if (answer.status() == 301 || answer.status() == 302 || answer.status() == 307 || answer.status() == 308) {
            return new CalendarGoneException("calendar collection " + url + " (account " + client.account().name()
                    + ") moved: the server answered " + what + " with HTTP " + answer.status()
                    + answer.header("Location").map(l -> " to " + l).orElse("") + "; check the calendar in the config",
                    answer.status());
        }
        if (answer.status() == 403) {
            return new StoreException("account " + client.account().name() + " may not read " + url
                    + " (HTTP 403 to " + what + "): check the calendar's sharing settings");
        }
        return new StoreException(what + " on " + describe() + " answered HTTP " + answer.status() + ": "
                + answer.bodyExcerpt());
    }

    private ReadOnlyStoreException readOnly() {
        return new ReadOnlyStoreException("calendar \"" + calendar.displayName() + "\" at " + url
                + " is read-only for account " + client.account().name() + " (HTTP 403 on write):"
                + " use it only as a source, or ask its owner for write access");
    }

    private StoreException collectionMissing() {
        return new CalendarGoneException("calendar collection " + url + " does not exist (HTTP 404, account "
                + client.account().name() + "): it may have been deleted or renamed; check the calendar in the config");
    }

    // --- parsing helpers -------------------------------------------------------------------------

    private Multistatus parse(CalDavClient.Answer answer, String what) {
        try {
            return parser.parseMultistatus(answer.body());
        } catch (XMLStreamException e) {
            throw new StoreException("the answer to " + what + " on " + describe() + " is not valid XML: "
                    + e.getMessage(), e);
        }
    }

    private boolean hasErrorCondition(CalDavClient.Answer answer, String ns, String name) {
        if (answer.body().length == 0) {
            return false;
        }
        try {
            return parser.parseTree(answer.body()).contains(ns, name);
        } catch (XMLStreamException e) {
            return false;
        }
    }

    private boolean isCollectionItself(String href) {
        return href.equals(collectionPath) || (href + "/").equals(collectionPath);
    }

    /** A calendar object resource: not the collection, not a sub-collection, not some other file. */
    private boolean isItem(Multistatus.Response r, String href) {
        if (isCollectionItself(href) || r.isCollection() || href.endsWith("/")) {
            return false;
        }
        Optional<String> type = r.propText(DAV, "getcontenttype");
        return type.map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/calendar")).orElse(true);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
