package org.jingban.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible store (mongo-java-server) inside this JVM: in memory for tests, or
 * kept in an H2 file for the local stack. No multi-document transactions (see ARCHITECTURE.md §4).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        this.server.bind("localhost", port == 0 ? EmbeddedKafkaBroker.freePort() : port);
        this.port = server.getLocalAddress().getPort();
    }

    /** A store in memory on a free port: its data goes with it. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), 0);
    }

    /** A store kept in the H2 file {@code h2File}: data survives a clean {@link #close()}. */
    public static EmbeddedMongo onDisk(Path h2File, int port) {
        try {
            Path parent = h2File.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedMongo mongo = new EmbeddedMongo(new H2Backend(h2File.toAbsolutePath().toString()), port);
        log.info("Mongo-compatible store on {} (H2 file {})", mongo.connectionString(), h2File);
        return mongo;
    }

    /** {@code mongodb://localhost:PORT}. */
    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Shuts down cleanly, closing the backend so the H2 file is flushed. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
    }
}
