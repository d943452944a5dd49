package org.jingban.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

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
}
