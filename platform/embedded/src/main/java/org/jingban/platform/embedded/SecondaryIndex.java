package org.jingban.platform.embedded;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.Json;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique (secondary) index for mongo-java-server, which otherwise ignores every index that is not unique: a
 * sorted map from "the document's key values, then its {@code _id}" to the document's position, so that the
 * documents with given values of the index's leading keys are one range of the map.
 *
 * <p>Keys are strings: each value is written as a tagged, length-prefixed frame ({@code 7:sACTIVE} for the string
 * {@code ACTIVE}), so that the frames of the first k keys are a prefix of every entry that has those values, and
 * values MongoDB finds equal are written alike (every number as its double, as the library normalises them; a
 * {@code Date} and an {@code Instant} as epoch milliseconds). An array gives one entry per element (multikey), as
 * MongoDB does.
 *
 * <p>It answers equality on the leading keys ({@code $in} on a single-key index), optionally followed by a date range
 * on the next key (dates are written so that key order is time order), with the positions of possibly matching
 * documents; the collection then applies the whole query to each of them ({@link IndexPlanner}), so the
 * index only has to find a superset. A query it cannot answer scans the collection as before.
 *
 * <p>Kept in the store's file with the documents (one MVStore version covers every map), it is not rebuilt at start:
 * an entry with the empty key marks it built, written only after its last document was added
 * ({@link #markBuilt()}). An index without that mark (new, or from a file written before this class) is built from
 * the collection once.
 */
abstract class SecondaryIndex<P> extends Index<P> {

    private static final String BUILT = "";
    private static final char ID_SEPARATOR = '|';
    /** How every date's frame starts: its length (the tag and 16 hex digits) and its tag. */
    private static final String DATE_FRAME = "17:d";

    private final boolean skipDocumentsWithoutKeys;

    /**
     * @param sparse MongoDB's sparse: a document with none of the keys has no entry. (The library is always told
     *               "sparse", so that a document it removes without an entry here is not an error.)
     */
    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, true);
        this.skipDocumentsWithoutKeys = sparse;
    }

    /** An index kept in memory (the tests' store). */
    static <P> SecondaryIndex<P> inMemory(String name, List<IndexKey> keys, boolean sparse) {
        ConcurrentSkipListMap<String, P> map = new ConcurrentSkipListMap<>();
        return new SecondaryIndex<>(name, keys, sparse) {
            private volatile boolean built;

            @Override
            void put(String key, P position) {
                map.put(key, position);
            }

            @Override
            P removeKey(String key) {
                return map.remove(key);
            }

            @Override
            Iterator<Map.Entry<String, P>> from(String key) {
                return map.tailMap(key, true).entrySet().iterator();
            }

            @Override
            long entries() {
                return map.size();
            }

            @Override
            boolean built() {
                return built;
            }

            @Override
            void markBuilt() {
                built = true;
            }
        };
    }

    /** An index kept in an MVStore map, with the documents' positions as values and the built mark in it. */
    static SecondaryIndex<Object> inMap(MVMap<String, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        return new SecondaryIndex<>(name, keys, sparse) {
            @Override
            void put(String key, Object position) {
                map.put(key, position);
            }

            @Override
            Object removeKey(String key) {
                return map.remove(key);
            }

            @Override
            Iterator<Map.Entry<String, Object>> from(String key) {
                Cursor<String, Object> cursor = map.cursor(key);
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return cursor.hasNext();
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        String next = cursor.next();
                        return Map.entry(next, cursor.getValue());
                    }
                };
            }

            @Override
            long entries() {
                return map.sizeAsLong() - (built() ? 1 : 0);
            }

            @Override
            boolean built() {
                return map.containsKey(BUILT);
            }

            @Override
            void markBuilt() {
                map.put(BUILT, Boolean.TRUE);
            }
        };
    }

    abstract void put(String key, P position);

    abstract P removeKey(String key);

    /** Entries from {@code key} on, in key order. */
    abstract Iterator<Map.Entry<String, P>> from(String key);

    abstract long entries();

    abstract boolean built();

    /** Called by the collection once every document it held is in the index. */
    abstract void markBuilt();

    /** Asked by the collection only when it adds the index: "must it be built from the documents?". */
    @Override
    public boolean isEmpty() {
        return !built();
    }

    @Override
    public P getPosition(Document document) {
        return null;   // not unique: it never names the one document that has given key values
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        for (String key : entryKeys(document)) {
            put(key, position);
        }
    }

    @Override
    public P remove(Document document) {
        P position = null;
        for (String key : entryKeys(document)) {
            P removed = removeKey(key);
            position = position == null ? removed : position;
        }
        return position;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        Set<String> before = entryKeys(oldDocument);
        Set<String> after = entryKeys(newDocument);
        for (String key : before) {
            if (!after.contains(key)) {
                removeKey(key);
            }
        }
        for (String key : after) {
            if (!before.contains(key)) {
                put(key, position);
            }
        }
    }

    /** Whether the index answers at least one key of the query ({@link #score}). */
    @Override
    public boolean canHandle(Document query) {
        return score(query) > 0;
    }

    /**
     * How well the index narrows the query, for the {@link IndexPlanner} to choose: two for each of the index's keys,
     * from the first, the query gives a value to look up (a string, number, boolean, date, ObjectId or UUID, or
     * {@code {$in: [values]}} on a single-key index), one more for a date range ({@code $gt}, {@code $gte},
     * {@code $lt}, {@code $lte}) on the key after them; 0: it cannot.
     */
    int score(Document query) {
        Plan plan = plan(query);
        return plan == null ? 0 : 2 * plan.equalities() + (plan.range() != null ? 1 : 0);
    }

    /** Equality on the first keys, then an $in on the only key or a date range on the next one. */
    private record Plan(int equalities, List<Object> in, DateRange range) {
    }

    private record DateRange(String low, boolean lowIncluded, String high, boolean highIncluded) {
    }

    private Plan plan(Document query) {
        List<String> keys = keys();
        int equalities = 0;
        for (String key : keys) {
            Object value = query.get(key);
            if (isLookupValue(value)) {
                equalities++;
                continue;
            }
            if (equalities == 0 && keys.size() == 1) {
                List<Object> in = inValues(value);
                if (in != null) {
                    return new Plan(0, in, null);
                }
            }
            DateRange range = dateRange(value);
            if (range != null) {
                return new Plan(equalities, null, range);
            }
            break;
        }
        return equalities == 0 ? null : new Plan(equalities, null, null);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        Plan plan = plan(query);
        if (plan == null) {
            throw new UnsupportedOperationException("index " + getName() + " cannot answer " + query);
        }
        Set<P> positions = new LinkedHashSet<>();
        List<String> keys = keys();
        if (plan.in() != null) {
            for (Object value : plan.in()) {
                collect(frame(value), positions);
            }
            return positions;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < plan.equalities(); i++) {
            prefix.append(frame(query.get(keys.get(i))));
        }
        if (plan.range() == null) {
            collect(prefix.toString(), positions);
        } else {
            collectRange(prefix.toString(), plan.range(), positions);
        }
        return positions;
    }

    /** Dates are frames of one length ({@code 17:d} and 16 hex digits), so in key order they are in time order. */
    private void collectRange(String prefix, DateRange range, Set<P> positions) {
        String dates = prefix + DATE_FRAME;
        int at = dates.length();
        Iterator<Map.Entry<String, P>> entries = from(range.low() == null ? dates : dates + range.low());
        while (entries.hasNext()) {
            Map.Entry<String, P> entry = entries.next();
            String key = entry.getKey();
            if (!key.startsWith(dates)) {
                return;
            }
            String time = key.substring(at, at + 16);
            if (range.low() != null && !range.lowIncluded() && time.equals(range.low())) {
                continue;
            }
            if (range.high() != null) {
                int beyond = time.compareTo(range.high());
                if (beyond > 0 || (beyond == 0 && !range.highIncluded())) {
                    return;
                }
            }
            positions.add(entry.getValue());
        }
    }

    private static DateRange dateRange(Object value) {
        if (!(value instanceof Document operators) || operators.isEmpty()) {
            return null;
        }
        String low = null;
        String high = null;
        boolean lowIncluded = false;
        boolean highIncluded = false;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            String time = sortableTime(operator.getValue());
            if (time == null) {
                return null;
            }
            switch (operator.getKey()) {
                case "$gt", "$gte" -> {
                    if (low != null) {
                        return null;
                    }
                    low = time;
                    lowIncluded = operator.getKey().equals("$gte");
                }
                case "$lt", "$lte" -> {
                    if (high != null) {
                        return null;
                    }
                    high = time;
                    highIncluded = operator.getKey().equals("$lte");
                }
                default -> {
                    return null;
                }
            }
        }
        return new DateRange(low, lowIncluded, high, highIncluded);
    }

    /** Epoch milliseconds as 16 hex digits with the sign bit flipped: string order is time order. */
    private static String sortableTime(Object value) {
        long millis;
        if (value instanceof Date date) {
            millis = date.getTime();
        } else if (value instanceof Instant instant) {
            millis = instant.toEpochMilli();
        } else {
            return null;
        }
        return String.format("%016x", millis ^ Long.MIN_VALUE);
    }

    private void collect(String prefix, Set<P> positions) {
        Iterator<Map.Entry<String, P>> entries = from(prefix);
        while (entries.hasNext()) {
            Map.Entry<String, P> entry = entries.next();
            if (!entry.getKey().startsWith(prefix)) {
                return;
            }
            positions.add(entry.getValue());
        }
    }

    @Override
    public long getCount() {
        return entries();
    }

    @Override
    public long getDataSize() {
        return entries();
    }

    @Override
    public void drop() {
        // the database removes the map
    }

    /** One entry per combination of the document's key values (several for an array), each ending in its _id. */
    private Set<String> entryKeys(Document document) {
        Set<String> keys = new LinkedHashSet<>();
        if (skipDocumentsWithoutKeys
                && keys().stream().allMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key) instanceof Missing)) {
            return keys;
        }
        String id = ID_SEPARATOR + frame(document.get("_id"));
        for (KeyValue values : getKeyValues(document)) {
            StringBuilder key = new StringBuilder();
            for (Object value : values) {
                key.append(frame(value));
            }
            keys.add(key.append(id).toString());
        }
        return keys;
    }

    static boolean isLookupValue(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof ObjectId || value instanceof UUID
                || value instanceof Date || value instanceof Instant
                || (value instanceof Number && !(value instanceof BigDecimal) && !(value instanceof Decimal128));
    }

    private static List<Object> inValues(Object value) {
        if (value instanceof Document operator && operator.size() == 1 && operator.get("$in") instanceof Collection<?> in
                && !in.isEmpty()) {
            List<Object> values = new ArrayList<>(in.size());
            for (Object each : in) {
                if (!isLookupValue(each)) {
                    return null;
                }
                values.add(each);
            }
            return values;
        }
        return null;
    }

    /** A value as a self-delimiting frame: length, colon, a type tag and its canonical text. */
    static String frame(Object value) {
        String text = canonical(value);
        return text.length() + ":" + text;
    }

    private static String canonical(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return "N";
        } else if (value instanceof String s) {
            return "s" + s;
        } else if (value instanceof Boolean b) {
            return "b" + b;
        } else if (value instanceof Long l && l != (long) l.doubleValue()) {
            return "n" + l;   // a long a double cannot hold: compared as itself (Long.toString has no '.' or 'E')
        } else if (value instanceof Number n && isLookupValue(n)) {
            double d = n.doubleValue();
            return "n" + (d == 0.0 ? 0.0 : d);
        } else if (value instanceof Date || value instanceof Instant) {
            return "d" + sortableTime(value);
        } else if (value instanceof ObjectId id) {
            return "o" + id.getHexData();
        } else if (value instanceof UUID uuid) {
            return "u" + uuid;
        }
        // never looked up (canHandle refuses such values): any unambiguous text will do
        return "?" + value.getClass().getName() + Json.toCompactJsonValue(value);
    }
}
