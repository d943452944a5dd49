package org.jingban.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.jingban.platform.embedded.EmbeddedKafkaBroker;
import org.jingban.platform.embedded.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's infrastructure process: one real Kafka broker in KRaft mode and one
 * MongoDB-wire-compatible store, both keeping their data under one data directory, so that a stop
 * and a start find everything again. Configured by system properties (defaults in brackets):
 * {@code jingban.data} [deploy/local/data], {@code jingban.kafka.port} [9092],
 * {@code jingban.kafka.controller-port} [9093], {@code jingban.mongo.port} [27017].
 * Prints {@code READY} when both accept connections; stops both cleanly on SIGINT/SIGTERM.
 */
public final class LocalInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("jingban.data", "deploy/local/data")).toAbsolutePath();
        int kafkaPort = Integer.getInteger("jingban.kafka.port", 9092);
        int controllerPort = Integer.getInteger("jingban.kafka.controller-port", 9093);
        int mongoPort = Integer.getInteger("jingban.mongo.port", 27017);
        Files.createDirectories(data);

        long started = System.nanoTime();
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(data.resolve("mongo.h2"), mongoPort);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(data.resolve("kafka"), kafkaPort, controllerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping Kafka and MongoDB store");
            closeQuietly(kafka);
            closeQuietly(mongo);
            stopped.countDown();
        }, "local-infrastructure-shutdown"));

        log.info("Kafka (KRaft) at {}, MongoDB-wire store at {}, data in {} — {} ms",
                kafka.bootstrapServers(), mongo.connectionString(), data, (System.nanoTime() - started) / 1_000_000);
        System.out.println("READY kafka=" + kafka.bootstrapServers() + " mongo=" + mongo.connectionString());
        stopped.await();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("clean stop failed: {}", e.toString());
        }
    }
}
