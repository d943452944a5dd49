package org.jingban.platform.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jingban.platform.embedded.EmbeddedKafkaBroker;
import org.jingban.platform.embedded.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka broker and the one Mongo-compatible store of a test JVM, started on first use and
 * stopped by a shutdown hook. Starting them once per JVM (not per test class) keeps a module's
 * whole test run to one broker start-up of a few seconds.
 */
public final class JingbanInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(JingbanInfrastructure.class);
    private static volatile JingbanInfrastructure instance;

    /** Partitions of each topic the tests' broker creates on first use (the local stack's default too). */
    public static final int PARTITIONS = 3;

    private final Path kafkaDir;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongo mongo;

    private JingbanInfrastructure() throws IOException {
        QuietInfrastructureLogging.quietLogback();
        kafkaDir = Files.createTempDirectory("jingban-test-kafka");
        mongo = EmbeddedMongo.inMemory();
        // as many partitions per topic as the local stack: the tests see events of different aggregates arrive in
        // any order across partitions, as consumers do wherever a topic has more than one
        kafka = EmbeddedKafkaBroker.start(kafkaDir, 0, 0, PARTITIONS);
    }

    /** The shared infrastructure, started now if this is the first call in the JVM. */
    public static JingbanInfrastructure get() {
        JingbanInfrastructure current = instance;
        if (current != null) {
            return current;
        }
        synchronized (JingbanInfrastructure.class) {
            if (instance == null) {
                try {
                    instance = new JingbanInfrastructure();
                } catch (IOException e) {
                    throw new IllegalStateException("无法启动测试用 Kafka/Mongo", e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "jingban-infrastructure-shutdown"));
            }
            return instance;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** {@code mongodb://localhost:PORT} (no database: each context or test chooses its own). */
    public String mongoUri() {
        return mongo.connectionString();
    }

    /** The broker itself, so that a test can {@code stop()} and {@code restart()} it. */
    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    /** A probe that sees the events published to {@code topic} from now on. */
    public EventProbe probe(String topic) {
        return new EventProbe(bootstrapServers(), topic, false);
    }

    /** A probe that sees every event ever published to {@code topic}. */
    public EventProbe probeFromBeginning(String topic) {
        return new EventProbe(bootstrapServers(), topic, true);
    }

    private void shutdown() {
        // Let Spring contexts close first: their Kafka clients would otherwise wait for a broker that is gone.
        awaitOtherShutdownHooks(Duration.ofSeconds(20));
        try {
            kafka.close();
        } catch (RuntimeException e) {
            log.warn("Kafka broker did not stop cleanly", e);
        }
        mongo.close();
        deleteQuietly(kafkaDir);
    }

    private static void awaitOtherShutdownHooks(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            // The JVM starts its hooks one after the other: give Spring's a moment to be among the live threads.
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && thread.getName().contains("ShutdownHook")) {
                try {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
