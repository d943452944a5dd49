package org.jingban.deploy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.jingban.platform.embedded.EmbeddedKafkaBroker;
import org.jingban.platform.embedded.EmbeddedMongo;
import org.jingban.platform.embedded.EmbeddedMongo.DiskOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's infrastructure process: one real Kafka broker in KRaft mode and one
 * MongoDB-wire-compatible store, both keeping their data under one data directory, so that a stop
 * and a start find everything again. Configured by system properties (defaults in brackets):
 * {@code jingban.data} [deploy/local/data], {@code jingban.kafka.port} [9092],
 * {@code jingban.kafka.controller-port} [9093], {@code jingban.kafka.partitions} [3, for each topic created on first
 * use], {@code jingban.mongo.port} [27017],
 * {@code jingban.mongo.cache-mb} [16, the store's page cache], {@code jingban.mongo.rewrite-on-close} [true],
 * {@code jingban.mongo.compact} [false: when true, rewrite the store file with only its live data before opening it].
 * Prints {@code READY} when both accept connections; stops both cleanly on SIGINT/SIGTERM.
 *
 * <p>Neither part reads its data at start: the store opens its catalogue of collections and indexes (documents are
 * read on demand through a bounded cache), the broker recovers only what was written after its last checkpoint.
 * Memory therefore does not grow with the data; see deploy/README.md for the figures.
 */
public final class LocalInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("jingban.data", "deploy/local/data")).toAbsolutePath();
        int kafkaPort = Integer.getInteger("jingban.kafka.port", 9092);
        int controllerPort = Integer.getInteger("jingban.kafka.controller-port", 9093);
        int mongoPort = Integer.getInteger("jingban.mongo.port", 27017);
        DiskOptions defaults = DiskOptions.defaults();
        DiskOptions storeOptions = new DiskOptions(Integer.getInteger("jingban.mongo.cache-mb", defaults.cacheMegabytes()),
                defaults.autoCompactFillRate(),
                Boolean.parseBoolean(System.getProperty("jingban.mongo.rewrite-on-close",
                        String.valueOf(defaults.rewriteOnClose()))),
                defaults.compress());
        Files.createDirectories(data);
        Path storeFile = data.resolve("mongo.h2");

        long started = System.nanoTime();
        if (Boolean.getBoolean("jingban.mongo.compact") && Files.exists(storeFile)) {
            log.info("压缩存储文件 {}（只保留现行数据；用时与数据量成正比）…", storeFile);
            long[] sizes = EmbeddedMongo.compactOffline(storeFile);
            log.info("存储文件已压缩: {} MB → {} MB, {} ms", sizes[0] / (1024 * 1024), sizes[1] / (1024 * 1024),
                    (System.nanoTime() - started) / 1_000_000);
        }
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(storeFile, mongoPort, storeOptions);
        EmbeddedKafkaBroker kafka;
        try {
            kafka = EmbeddedKafkaBroker.start(data.resolve("kafka"), kafkaPort, controllerPort,
                    Integer.getInteger("jingban.kafka.partitions", 3));
        } catch (RuntimeException e) {
            closeQuietly(mongo);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping Kafka and MongoDB store");
            closeQuietly(kafka);
            closeQuietly(mongo);
            log.info("stopped cleanly");
            stopped.countDown();
        }, "local-infrastructure-shutdown"));

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        log.info("Kafka (KRaft) at {}, MongoDB-wire store at {}, data in {} — {} ms, heap {} MB used of {} MB max",
                kafka.bootstrapServers(), mongo.connectionString(), data, (System.nanoTime() - started) / 1_000_000,
                heap.getUsed() / (1024 * 1024), heap.getMax() / (1024 * 1024));
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
