package org.jingban.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The store's secondary indexes and query planner against the library's own answer: the same documents, changed
 * the same way, in a collection with the indexes and in one without (which mongo-java-server scans), must answer
 * every query with the same documents in the same order.
 */
class SecondaryIndexTest {

    private static final String[] STATUSES = {"受理", "审核", "办结", "未通过"};
    private static final String[] REGIONS = {"620602", "620621", "513232"};

    @TempDir
    Path dir;

    @Test
    void indexed_queries_answer_as_a_scan_does_in_memory() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            compareWithScan(mongo, 11);
        }
    }

    @Test
    void indexed_queries_answer_as_a_scan_does_on_disk_and_after_reopening() {
        Path file = dir.resolve("secondary.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            compareWithScan(mongo, 17);
        }
        // reopened: the indexes are read from the file (not rebuilt) and still answer as the scan does
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var db = client.getDatabase("jingban_test");
            assertSameAnswers(db.getCollection("indexed"), db.getCollection("scanned"), new Random(23));
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(store.openMap("jingban_test.indexed._secondary_status_region").containsKey("")).isTrue();
        }
    }

    @Test
    void an_index_described_in_the_file_without_its_entries_is_built_once_at_start() {
        Path file = dir.resolve("older.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            compareWithScan(mongo, 29);
        }
        // as a file written before secondary indexes existed: the description is there, the entries are not
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            store.removeMap(store.openMap("jingban_test.indexed._secondary_status_region"));
            store.commit();
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var db = client.getDatabase("jingban_test");
            assertSameAnswers(db.getCollection("indexed"), db.getCollection("scanned"), new Random(31));
        }
    }

    @Test
    void a_dropped_index_leaves_no_entries_and_queries_still_answer() {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("drop.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var persons = client.getDatabase("jingban_test").getCollection("persons");
            Mono.from(persons.createIndex(Indexes.ascending("regionCode"), new IndexOptions().name("region"))).block();
            Flux.range(0, 50).concatMap(i -> Mono.from(persons.insertOne(
                    new Document("_id", "P-" + i).append("regionCode", REGIONS[i % 3])))).blockLast();
            Mono.from(persons.dropIndex("region")).block();
            assertThat(Mono.from(persons.countDocuments(Filters.eq("regionCode", "620602"))).block()).isEqualTo(17L);
        }
    }

    private static void compareWithScan(EmbeddedMongo mongo, long seed) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            var db = client.getDatabase("jingban_test");
            MongoCollection<Document> indexed = db.getCollection("indexed");
            MongoCollection<Document> scanned = db.getCollection("scanned");
            Random random = new Random(seed);
            // some documents before the indexes exist (built from them), the rest after
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                documents.add(randomDocument(random, i));
            }
            insertBoth(indexed, scanned, documents.subList(0, 120));
            Mono.from(indexed.createIndex(Indexes.ascending("status", "regionCode"), new IndexOptions().name("status_region"))).block();
            Mono.from(indexed.createIndex(Indexes.ascending("applicant.id"), new IndexOptions().name("applicant"))).block();
            Mono.from(indexed.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"))).block();
            Mono.from(indexed.createIndex(Indexes.ascending("pending"), new IndexOptions().name("pending").sparse(true))).block();
            Mono.from(indexed.createIndex(Indexes.ascending("amount"), new IndexOptions().name("amount"))).block();
            Mono.from(indexed.createIndex(Indexes.ascending("at"), new IndexOptions().name("at"))).block();
            Mono.from(indexed.createIndex(Indexes.ascending("status", "at"), new IndexOptions().name("status_at"))).block();
            Mono.from(indexed.createIndex(Indexes.ascending("caseNumber"), new IndexOptions().name("caseNumber").unique(true))).block();
            insertBoth(indexed, scanned, documents.subList(120, 300));
            // changes of indexed values, array elements, flags set and unset, deletions
            for (int round = 0; round < 200; round++) {
                int id = random.nextInt(300);
                Bson byId = Filters.eq("_id", "C-" + id);
                Bson change = switch (random.nextInt(6)) {
                    case 5 -> random.nextBoolean() ? Updates.set("at", randomDate(random)) : Updates.unset("at");
                    case 0 -> Updates.set("status", STATUSES[random.nextInt(STATUSES.length)]);
                    case 1 -> Updates.combine(Updates.set("regionCode", REGIONS[random.nextInt(REGIONS.length)]),
                            Updates.set("version", random.nextInt(5)));
                    case 2 -> Updates.addToSet("tags", "t" + random.nextInt(6));
                    case 3 -> random.nextBoolean() ? Updates.set("pending", true) : Updates.unset("pending");
                    default -> Updates.set("amount", random.nextBoolean() ? random.nextInt(10) : random.nextInt(10) + 0.0);
                };
                Mono.from(indexed.updateOne(byId, change)).block();
                Mono.from(scanned.updateOne(byId, change)).block();
                if (round % 20 == 0) {
                    Bson gone = Filters.eq("_id", "C-" + random.nextInt(300));
                    Mono.from(indexed.deleteOne(gone)).block();
                    Mono.from(scanned.deleteOne(gone)).block();
                }
            }
            assertSameAnswers(indexed, scanned, random);
            // a multi-document update and delete through an index change the same documents
            Bson open = Filters.and(Filters.eq("status", "受理"), Filters.eq("regionCode", "620602"));
            Mono.from(indexed.updateMany(open, Updates.set("status", "审核"))).block();
            Mono.from(scanned.updateMany(open, Updates.set("status", "审核"))).block();
            Mono.from(indexed.deleteMany(Filters.eq("tags", "t1"))).block();
            Mono.from(scanned.deleteMany(Filters.eq("tags", "t1"))).block();
            assertSameAnswers(indexed, scanned, random);
        }
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanned,
                                          Random random) {
        List<Supplier<Bson>> queries = List.of(
                () -> Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]),
                () -> Filters.and(Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]),
                        Filters.eq("regionCode", REGIONS[random.nextInt(REGIONS.length)])),
                () -> Filters.and(Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]),
                        Filters.gt("version", random.nextInt(4))),
                () -> Filters.eq("applicant.id", "A-" + random.nextInt(40)),
                () -> Filters.in("applicant.id", "A-" + random.nextInt(40), "A-" + random.nextInt(40), "A-none"),
                () -> Filters.eq("tags", "t" + random.nextInt(6)),
                () -> Filters.eq("pending", true),
                () -> Filters.eq("amount", random.nextInt(10)),
                () -> Filters.eq("amount", (double) random.nextInt(10)),
                () -> Filters.and(Filters.eq("_id", "C-" + random.nextInt(300)), Filters.gte("version", 0)),
                () -> Filters.and(Filters.eq("caseNumber", "N-" + random.nextInt(300)), Filters.eq("status", "办结")),
                () -> Filters.eq("regionCode", REGIONS[random.nextInt(REGIONS.length)]),
                () -> Filters.exists("pending"),
                () -> Filters.lte("at", randomDate(random)),
                () -> Filters.and(Filters.gte("at", randomDate(random)), Filters.lt("at", randomDate(random))),
                () -> Filters.and(Filters.gt("at", randomDate(random)), Filters.lte("at", randomDate(random))),
                () -> Filters.and(Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]),
                        Filters.lt("at", randomDate(random))),
                () -> Filters.and(Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]),
                        Filters.eq("at", randomDate(random))));
        for (int i = 0; i < 120; i++) {
            Bson query = queries.get(i % queries.size()).get();
            assertThat(find(indexed, query, null)).as("%s", query).isEqualTo(find(scanned, query, null));
            Bson sort = Sorts.descending("at");
            assertThat(find(indexed, query, sort)).as("%s sorted", query).isEqualTo(find(scanned, query, sort));
            assertThat(Mono.from(indexed.countDocuments(query)).block()).isEqualTo(Mono.from(scanned.countDocuments(query)).block());
        }
    }

    private static List<Document> find(MongoCollection<Document> collection, Bson query, Bson sort) {
        var find = collection.find(query);
        if (sort != null) {
            find = find.sort(sort).limit(7);
        }
        return Flux.from(find).collectList().block();
    }

    /** One of 50 instants (so that equal times occur), some before 1970 (negative epoch milliseconds). */
    private static java.util.Date randomDate(Random random) {
        return java.util.Date.from(Instant.ofEpochSecond(-50_000L + 1_000_000L * random.nextInt(50)));
    }

    private static void insertBoth(MongoCollection<Document> a, MongoCollection<Document> b, List<Document> documents) {
        for (Document document : documents) {
            Mono.from(a.insertOne(Document.parse(document.toJson()))).block();
            Mono.from(b.insertOne(Document.parse(document.toJson()))).block();
        }
    }

    private static Document randomDocument(Random random, int i) {
        Document document = new Document("_id", "C-" + i)
                .append("caseNumber", "N-" + i)
                .append("status", STATUSES[random.nextInt(STATUSES.length)])
                .append("version", random.nextInt(5))
                .append("applicant", new Document("id", "A-" + random.nextInt(40)))
                .append("at", randomDate(random))
                .append("amount", random.nextInt(10));
        if (random.nextInt(4) > 0) {
            document.append("regionCode", REGIONS[random.nextInt(REGIONS.length)]);   // some have none
        }
        if (random.nextBoolean()) {
            document.append("tags", List.of("t" + random.nextInt(6), "t" + random.nextInt(6)));
        }
        if (random.nextInt(5) == 0) {
            document.append("pending", true);
        }
        return document;
    }
}
