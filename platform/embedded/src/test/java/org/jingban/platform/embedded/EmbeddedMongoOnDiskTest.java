package org.jingban.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class EmbeddedMongoOnDiskTest {

    @TempDir
    Path dir;

    @Test
    void a_document_saved_before_a_clean_close_is_found_after_reopening() {
        Path file = dir.resolve("jingban.mv");

        // given a document written to the H2-backed store, then a clean shutdown
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Mono.from(client.getDatabase("enrollment").getCollection("employers")
                    .insertOne(new Document("_id", "E-1").append("name", "武威市凉州区医院"))).block();
        }

        // when the store is opened again on the same file
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            // then the document is still there
            var found = Flux.from(client.getDatabase("enrollment").getCollection("employers").find()).collectList().block();
            assertThat(found).hasSize(1);
            assertThat(found.get(0).getString("name")).isEqualTo("武威市凉州区医院");
        }
    }

    @Test
    void an_in_memory_store_answers_on_its_own_port() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Mono.from(client.getDatabase("t").getCollection("c").insertOne(new Document("_id", 1))).block();
            Long count = Mono.from(client.getDatabase("t").getCollection("c").countDocuments()).block();
            assertThat(count).isEqualTo(1L);
            assertThat(mongo.connectionString()).isEqualTo("mongodb://localhost:" + mongo.port());
        }
    }

    @Test
    void every_acknowledged_write_survives_a_sigkill_of_the_store_process() throws Exception {
        Path file = dir.resolve("killed.mv");
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), StoreProcess.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            int port = awaitPort(store);
            // given inserts, updates and deletes, each acknowledged, by four writers at once, right up to the kill
            List<Mono<?>> writes = new ArrayList<>();
            try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
                var cases = client.getDatabase("jingban_enrollment").getCollection("cases");
                for (int writer = 0; writer < 4; writer++) {
                    int w = writer;
                    writes.add(Flux.range(0, 100).concatMap(i -> Mono.from(cases.insertOne(
                            new Document("_id", "C-" + w + "-" + i).append("status", "受理")))).then());
                }
                Mono.when(writes).block();
                Mono.from(cases.updateMany(Filters.regex("_id", "^C-0-"), Updates.set("status", "办结"))).block();
                Mono.from(cases.deleteMany(Filters.regex("_id", "^C-3-"))).block();
                // when the process is killed at once (no shutdown hook, no close)
                store.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }

            // then every acknowledged change is in the file
            try (EmbeddedMongo reopened = EmbeddedMongo.onDisk(file, 0);
                 MongoClient client = MongoClients.create(reopened.connectionString())) {
                var cases = client.getDatabase("jingban_enrollment").getCollection("cases");
                assertThat(Mono.from(cases.countDocuments()).block()).isEqualTo(300L);
                assertThat(Mono.from(cases.countDocuments(Filters.eq("status", "办结"))).block()).isEqualTo(100L);
                assertThat(Mono.from(cases.countDocuments(Filters.regex("_id", "^C-3-"))).block()).isZero();
            }
        } finally {
            store.destroyForcibly();
        }
    }

    @Test
    void the_on_disk_store_announces_mongodb_5_0_with_a_wire_version_mongosh_2_accepts() {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("version.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document hello = Mono.from(client.getDatabase("admin").runCommand(new Document("isMaster", 1))).block();
            Document build = Mono.from(client.getDatabase("admin").runCommand(new Document("buildInfo", 1))).block();
            // mongosh 2.x (Node.js driver 6.x/7.x) refuses a maximum wire version below 9 (MongoDB 4.4)
            assertThat(hello.getInteger("maxWireVersion")).isEqualTo(13);
            assertThat(build.getString("version")).isEqualTo("5.0.0");
        }
    }

    @Test
    void an_offline_compaction_keeps_the_live_documents_and_drops_the_old_versions() throws Exception {
        Path file = dir.resolve("compact.mv");
        String text = "甘肃省武威市凉州区".repeat(50);
        // 500 documents each rewritten four times, closed as the file grew (the default close rewrites it: next test)
        writeVersions(file, new EmbeddedMongo.DiskOptions(16, 60, false, true));
        long grown = Files.size(file);

        long[] sizes = EmbeddedMongo.compactOffline(file);

        assertThat(sizes[0]).isEqualTo(grown);
        assertThat(sizes[1]).isEqualTo(Files.size(file)).isLessThan(grown);
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var persons = client.getDatabase("jingban_enrollment").getCollection("insured_persons");
            assertThat(Mono.from(persons.countDocuments(Filters.eq("round", 4))).block()).isEqualTo(500L);
            assertThat(Mono.from(persons.find(Filters.eq("_id", 499)).first()).block().getString("address")).isEqualTo(text);
        }
    }

    @Test
    void a_clean_close_leaves_a_file_with_only_the_live_data() throws Exception {
        Path kept = dir.resolve("kept.mv");
        Path rewritten = dir.resolve("rewritten.mv");
        // the same writes (500 documents, each rewritten four times, every write committed) into two files
        writeVersions(kept, new EmbeddedMongo.DiskOptions(16, 60, false, true));
        writeVersions(rewritten, EmbeddedMongo.DiskOptions.defaults());

        // the default close rewrote its file: far smaller than the one closed as it was, with the same documents
        assertThat(Files.size(rewritten)).isLessThan(Files.size(kept) / 2);
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(rewritten, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var persons = client.getDatabase("jingban_enrollment").getCollection("insured_persons");
            assertThat(Mono.from(persons.countDocuments(Filters.eq("round", 4))).block()).isEqualTo(500L);
        }
    }

    @Test
    void long_scans_read_their_version_while_writers_commit_hundreds_of_versions() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("scans.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var persons = client.getDatabase("jingban_enrollment").getCollection("insured_persons");
            String text = "甘肃省武威市凉州区".repeat(20);
            Flux.range(0, 3_000).buffer(500).concatMap(batch -> Mono.from(persons.insertMany(batch.stream()
                    .map(i -> new Document("_id", i).append("address", text).append("round", 0)).toList()))).blockLast();
            // given writers committing one version per update, as fast as they can, until the scans are done
            java.util.concurrent.atomic.AtomicBoolean scanning = new java.util.concurrent.atomic.AtomicBoolean(true);
            List<Mono<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(Flux.range(0, Integer.MAX_VALUE).takeWhile(i -> scanning.get())
                        .concatMap(i -> Mono.from(persons.updateOne(Filters.eq("_id", (i * 3 + writer) % 3_000),
                                Updates.inc("round", 1)))).then());
            }
            // when 15 scans of the whole collection (a filter no index answers) run meanwhile, one after the other
            Mono<List<Long>> scans = Flux.range(0, 15)
                    .concatMap(i -> Mono.from(persons.countDocuments(Filters.gte("round", 0))))
                    .collectList().doFinally(signal -> scanning.set(false));
            List<Long> counted = Mono.zip(scans, Mono.when(writers).then(Mono.just(1))).block().getT1();

            // then every scan saw every document (none failed with "Chunk … not found")
            assertThat(counted).hasSize(15).allSatisfy(count -> assertThat(count).isEqualTo(3_000L));
        }
    }

    private static void writeVersions(Path file, EmbeddedMongo.DiskOptions options) {
        String text = "甘肃省武威市凉州区".repeat(50);
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0, options);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var persons = client.getDatabase("jingban_enrollment").getCollection("insured_persons");
            Flux.range(0, 500).concatMap(i -> Mono.from(persons.insertOne(new Document("_id", i).append("address", text))))
                    .blockLast();
            for (int round = 1; round <= 4; round++) {
                int r = round;
                Flux.range(0, 500).concatMap(i -> Mono.from(persons.updateOne(Filters.eq("_id", i),
                        Updates.set("round", r)))).blockLast();
            }
        }
    }

    @Test
    void unique_indexes_found_in_the_file_are_kept_as_they_are_and_still_enforced() {
        Path file = dir.resolve("indexes.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var persons = client.getDatabase("jingban_enrollment").getCollection("insured_persons");
            Mono.from(persons.createIndex(Indexes.ascending("idNumber"), new IndexOptions().unique(true))).block();
            // sparse and empty: no person has a 社保卡号 yet (the library rebuilt such an index at every start)
            Mono.from(persons.createIndex(Indexes.ascending("cardNumber"), new IndexOptions().unique(true).sparse(true))).block();
            Flux.range(0, 200).concatMap(i -> Mono.from(persons.insertOne(new Document("_id", "P-" + i)
                    .append("idNumber", "62010219800101%04d".formatted(i))))).blockLast();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var persons = client.getDatabase("jingban_enrollment").getCollection("insured_persons");
            // the full index still knows every document written before the restart
            assertThat(Mono.from(persons.insertOne(new Document("_id", "P-dup").append("idNumber", "620102198001010007")))
                    .map(r -> "inserted")
                    .onErrorResume(MongoWriteException.class, e -> Mono.just("refused: " + e.getError().getCode()))
                    .block()).isEqualTo("refused: 11000");
            assertThat(Mono.from(persons.find(Filters.eq("idNumber", "620102198001010199")).first()).block().getString("_id"))
                    .isEqualTo("P-199");
            // the empty sparse index is live: the first card number is taken, the same again is refused
            Mono.from(persons.updateOne(Filters.eq("_id", "P-1"), Updates.set("cardNumber", "C-1"))).block();
            assertThat(Mono.from(persons.updateOne(Filters.eq("_id", "P-2"), Updates.set("cardNumber", "C-1")))
                    .map(r -> "updated").onErrorResume(e -> Mono.just("refused")).block()).isEqualTo("refused");
            // an index created now on documents already there is built from them: duplicates fail its creation
            Mono.from(persons.updateMany(Filters.in("_id", "P-3", "P-4"), Updates.set("mobile", "13800000000"))).block();
            assertThat(Mono.from(persons.createIndex(Indexes.ascending("mobile"), new IndexOptions().unique(true).sparse(true)))
                    .map(name -> "created").onErrorResume(e -> Mono.just("refused")).block()).isEqualTo("refused");
        }
    }

    private static int awaitPort(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("PORT ")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "store-process-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(5).trim());
            }
            seen.add(line);
        }
        throw new IllegalStateException("store process ended before it listened: " + seen);
    }
}
