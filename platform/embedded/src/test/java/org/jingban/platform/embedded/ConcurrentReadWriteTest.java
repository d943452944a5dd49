package org.jingban.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A document read by some connections while others update it: every read and write succeeds. mongo-java-server
 * handed the stored document itself to the answer being encoded while an update changed it in place
 * (ConcurrentModificationException in the encoder, the connection closed, the pool cleared: 500s seen in CI).
 */
class ConcurrentReadWriteTest {

    @TempDir
    Path dir;

    @Test
    void reads_and_in_place_updates_of_one_document_do_not_collide_in_memory() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            readWhileUpdating(mongo);
        }
    }

    @Test
    void reads_and_in_place_updates_of_one_document_do_not_collide_on_disk() {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("concurrent.mv"), 0)) {
            readWhileUpdating(mongo);
        }
    }

    private static void readWhileUpdating(EmbeddedMongo mongo) {
        try (MongoClient client = MongoClients.create(mongo.connectionString() + "/?maxPoolSize=16")) {
            var accounts = client.getDatabase("jingban_enrollment").getCollection("accounts");
            List<Document> entries = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                entries.add(new Document("entryId", "E-" + i).append("amount", "12.50").append("memo", "个人账户划入"));
            }
            Mono.from(accounts.insertOne(new Document("_id", "A-1").append("entries", entries).append("n", 0))).block();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            AtomicLong reads = new AtomicLong();
            List<Mono<Void>> work = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                work.add(Flux.range(0, Integer.MAX_VALUE).takeWhile(i -> System.nanoTime() < until)
                        // fields added and removed: a structural change of the stored document's map
                        .concatMap(i -> Mono.from(accounts.updateOne(Filters.eq("_id", "A-1"), Updates.combine(
                                Updates.inc("n", 1), Updates.set("f" + (i % 7), i), Updates.unset("f" + ((i + 3) % 7)),
                                Updates.set("entries." + (i % 300) + ".note" + (i % 2), "更正 " + i),
                                Updates.unset("entries." + (i % 300) + ".note" + ((i + 1) % 2)))))).then());
            }
            for (int r = 0; r < 5; r++) {
                work.add(Flux.range(0, Integer.MAX_VALUE).takeWhile(i -> System.nanoTime() < until)
                        .concatMap(i -> Mono.from(accounts.find(Filters.eq("_id", "A-1")).first()))
                        .doOnNext(found -> reads.incrementAndGet()).then());
            }
            Mono.when(work).block();

            assertThat(reads.get()).isPositive();
            Document last = Mono.from(accounts.find(Filters.eq("_id", "A-1")).first()).block();
            assertThat(last.getList("entries", Document.class)).hasSize(300);
        }
    }
}
