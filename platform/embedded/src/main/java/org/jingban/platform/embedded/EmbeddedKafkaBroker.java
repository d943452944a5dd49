package org.jingban.platform.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one node) running inside this JVM.
 * Used by the local stack and by tests, where no Docker and no external Kafka exist.
 *
 * <p>The ports are fixed on first start (0 picks a free one) and kept across {@link #restart()}, so
 * clients that cached the bootstrap address reconnect to the same node with the same data.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, int port, int controllerPort, int partitions) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    /**
     * Starts a broker whose data lives in {@code logDir}; formats the storage only on the first start.
     *
     * @param port the PLAINTEXT port for clients, 0 for a free one
     * @param controllerPort the KRaft controller port, 0 for a free one
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) {
        return start(logDir, port, controllerPort, 1);
    }

    /**
     * As {@link #start(Path, int, int)}, with {@code partitions} partitions for each topic created on first use
     * (events are keyed by aggregate, so each aggregate keeps its order while a service's consumers share the
     * partitions). Topics that exist keep theirs.
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir.toAbsolutePath(),
                port == 0 ? freePort() : port, controllerPort == 0 ? freePort() : controllerPort, partitions);
        broker.startServer();
        return broker;
    }

    /** {@code localhost:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the node down cleanly; the data stays in the log directory. Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        running.shutdown();
        running.awaitShutdown();
        log.info("Kafka broker on port {} stopped", port);
    }

    /** Starts the node again on the same ports with the same data (stops it first if running). */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaConfig config = KafkaConfig.fromProps(properties(), false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        awaitListening();
        log.info("Kafka broker ready on {} (log dir {}) in {} ms", bootstrapServers(), logDir,
                (System.nanoTime() - started) / 1_000_000);
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // A dev node on 2 shared cores: few threads, few partitions, no replication.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        p.put("log.cleaner.threads", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", String.valueOf(partitions));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("delete.topic.enable", "true");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        // The log cleaner (compacted topics: consumer offsets, calendar schedules) allocates its dedupe map up front:
        // 128 MB by default, which killed a 256 MB infrastructure JVM on restart once the topics held data. 16 MB
        // holds ~600 k keys per cleaning pass, far more than one 16 MB segment of this node carries.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        p.put("log.cleaner.io.buffer.size", String.valueOf(512 * 1024));
        // The group coordinator reads __consumer_offsets at start up to its end; only closed segments are compacted,
        // and the default 100 MB active segment grows with every offset commit: small segments keep that read short.
        p.put("offsets.topic.segment.bytes", String.valueOf(4 * 1024 * 1024));
        p.put("offsets.load.buffer.size", String.valueOf(1024 * 1024));
        return p;
    }

    private void format(KafkaConfig config) {
        try {
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(config.metadataLogDir());
            config.logDirs().forEach(formatter::addDirectory);
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka 存储格式化失败: " + logDir, e);
        }
    }

    /** startup() returns before the listener accepts clients on every version; wait until it does. */
    private void awaitListening() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("Kafka broker did not listen on port " + port + " within " + READY_TIMEOUT);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
