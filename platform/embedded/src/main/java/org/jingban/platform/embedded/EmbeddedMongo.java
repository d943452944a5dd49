package org.jingban.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible store (mongo-java-server) inside this JVM: in memory for tests, or
 * kept in an H2 MVStore file for the local stack. No multi-document transactions (see ARCHITECTURE.md §4).
 *
 * <p>On disk it reports itself as MongoDB 5.0 with the wire version a real 5.0 server announces (13), so that
 * mongosh 2 and Compass connect (their driver refuses anything below wire version 9, and mongo-java-server's own
 * {@code MONGO_5_0} announces 8). In memory (tests) it keeps the library's default.
 *
 * <p>On disk ({@link #onDisk(Path, int, DiskOptions)}):
 * <ul>
 *   <li><b>durability</b>: every command that changed the store is committed to the file before its answer is
 *       sent, so an acknowledged write survives a {@code SIGKILL} of the JVM (the bytes are in the operating
 *       system's page cache, and the file is synced to disk every {@value #SYNC_MILLIS} ms, so a power cut loses about
 *       the last second). Concurrent writers share one commit (group commit): who waits for a commit in progress finds its change
 *       written by the next one;</li>
 *   <li><b>memory and start-up</b>: the MVStore's page cache is bounded ({@link DiskOptions#cacheMegabytes()});
 *       documents are read on demand; indexes described in the file are not rebuilt at start
 *       ({@link StoredUniqueIndex}, {@link SecondaryIndex});</li>
 *   <li><b>disk</b>: old versions of pages are freed by the MVStore's background compaction of chunks filled
 *       less than {@link DiskOptions#autoCompactFillRate()} %, once no command still reads them (each command
 *       registers the version it reads) and they are {@value #RETENTION_MILLIS} ms old (the retention time); a
 *       clean {@link #close()} rewrites the file with only its live data ({@link DiskOptions#rewriteOnClose()}, as
 *       {@link #compactOffline(Path)}), so that the next start opens a file the size of its data.</li>
 * </ul>
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /**
     * How the on-disk store uses memory and disk.
     *
     * @param cacheMegabytes the MVStore page cache (the store's only cache of documents), in MB
     * @param autoCompactFillRate chunks of the file less full than this (percent) are rewritten in the background
     * @param rewriteOnClose a clean close rewrites the file with only its live data (time proportional to the live data:
     *                       about 1 s per 40 MB of compacted file here)
     * @param compress LZF-compress the pages (documents are stored Java-serialized: they compress several times)
     */
    public record DiskOptions(int cacheMegabytes, int autoCompactFillRate, boolean rewriteOnClose, boolean compress) {

        public DiskOptions {
            if (cacheMegabytes < 1 || autoCompactFillRate < 0 || autoCompactFillRate > 100) {
                throw new IllegalArgumentException("存储参数无效: " + cacheMegabytes + " MB, " + autoCompactFillRate + " %");
            }
        }

        /** 16 MB of cache, compaction below 90 % fill, the file rewritten at a clean close, compressed pages. */
        public static DiskOptions defaults() {
            return new DiskOptions(16, 90, true, true);
        }
    }

    /**
     * How long a chunk no longer used is kept before its space is reused (MVStore's default is 45 s: it assumes the
     * operating system writes its buffers to disk within that time). The store syncs its file every
     * {@value #SYNC_MILLIS} ms, so 5 s holds that assumption and keeps the file near its live size under steady
     * writing: measured with four writers, 40 s of inserts and updates (7 MB live): 683 MB with 45 s, 104 MB with 5 s.
     */
    static final int RETENTION_MILLIS = 5_000;
    static final int SYNC_MILLIS = 1_000;
    static final int REWRITE_BUFFER_KB = 64 * 1024;

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;
    private boolean closed;

    /** MongoDB 5.0 as a real 5.0 server announces it: wire version 13. */
    static final MongoVersion MONGO_5_0 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return ServerVersion.MONGO_5_0.getVersionArray();
        }

        @Override
        public int getWireVersion() {
            return 13;
        }
    };

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.backend = backend;
        this.server = new MongoServer(this.backend);
        this.server.bind("localhost", port == 0 ? EmbeddedKafkaBroker.freePort() : port);
        this.port = server.getLocalAddress().getPort();
    }

    /** A store in memory on a free port: its data goes with it. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new IndexedCollections.MemoryBackendWithIndexes().version(ServerVersion.MONGO_5_0), 0);
    }

    /** A store kept in the H2 file {@code h2File} with {@link DiskOptions#defaults()}. */
    public static EmbeddedMongo onDisk(Path h2File, int port) {
        return onDisk(h2File, port, DiskOptions.defaults());
    }

    /** A store kept in the H2 file {@code h2File}: every acknowledged write is in the file (see the class comment). */
    public static EmbeddedMongo onDisk(Path h2File, int port, DiskOptions options) {
        Path file = h2File.toAbsolutePath();
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        MVStoreTool.compactCleanUp(file.toString());   // a compaction interrupted at the last close: finish its rename
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString())
                .cacheSize(options.cacheMegabytes()).autoCompactFillRate(options.autoCompactFillRate());
        if (options.compress()) {
            builder.compress();
        }
        // the background housekeeping rewrites up to a quarter of this per second while the store is busy
        builder.autoCommitBufferSize(REWRITE_BUFFER_KB);
        MVStore store = builder.open();
        store.setRetentionTime(RETENTION_MILLIS);
        EmbeddedMongo mongo = new EmbeddedMongo(
                new CommittingH2Backend(store, options.rewriteOnClose()).version(MONGO_5_0), port);
        log.info("Mongo-compatible store on {} (H2 file {}, {} MB, cache {} MB) opened in {} ms", mongo.connectionString(),
                file, sizeInMegabytes(file), options.cacheMegabytes(), (System.nanoTime() - started) / 1_000_000);
        return mongo;
    }

    /**
     * Rewrites a store file that no process has open with only its live data (MVStore's full compaction: into a
     * temporary file, then renamed over the original). Takes time proportional to the data.
     *
     * @return the file's size in bytes before and after
     */
    public static long[] compactOffline(Path h2File) {
        String name = h2File.toAbsolutePath().toString();
        long before = size(h2File);
        MVStoreTool.compactCleanUp(name);
        MVStoreTool.compact(name, true);
        return new long[] {before, size(h2File)};
    }

    /** {@code mongodb://localhost:PORT}. */
    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Shuts down cleanly, closing the backend so the H2 file is flushed (and compacted a while). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeInMegabytes(Path file) {
        return size(file) / (1024 * 1024);
    }

    /**
     * The H2 backend with a commit of the MVStore at the end of every command that changed it, before the answer
     * leaves (otherwise the MVStore commits in the background once a second, and a killed JVM loses that second of
     * acknowledged writes), and a compacting close.
     */
    static final class CommittingH2Backend extends H2Backend {

        /** Commands that never change the store (lower case); any other one is followed by a commit if needed. */
        private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct", "listcollections",
                "listindexes", "listdatabases", "ismaster", "hello", "ping", "buildinfo", "serverstatus", "dbstats",
                "collstats", "whatsmyuri", "getlasterror", "killcursors", "endsessions", "getparameter",
                "getcmdlineopts", "connectionstatus", "hostinfo", "getlog", "getfreemonitoringstatus");

        private final boolean rewriteOnClose;
        private final AtomicLong changes = new AtomicLong();
        private final Object commitLock = new Object();
        private long committed;   // guarded by commitLock: every change numbered up to this is in the file

        /** Set while a database is opened: its indexes found in the store's file then are complete already. */
        private static final ThreadLocal<Boolean> OPENING = ThreadLocal.withInitial(() -> false);

        /** Syncs the file to disk every {@value #SYNC_MILLIS} ms when something was committed since the last sync. */
        private final ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "store-file-sync");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicLong synced = new AtomicLong();

        CommittingH2Backend(MVStore store, boolean rewriteOnClose) {
            super(store);   // opens every database in the file (openOrCreateDatabase below)
            this.rewriteOnClose = rewriteOnClose;
            syncer.scheduleWithFixedDelay(this::syncIfCommitted, SYNC_MILLIS, SYNC_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void syncIfCommitted() {
            MVStore store = getMvStore();
            long upTo = changes.get();
            if (upTo > synced.get() && !store.isClosed()) {
                try {
                    store.sync();
                    synced.set(upTo);
                } catch (RuntimeException e) {
                    log.warn("存储文件同步到磁盘失败，稍后重试: {}", e.toString());
                }
            }
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            // runs inside H2Backend's constructor too: only the superclass's state (getMvStore) is there yet
            OPENING.set(true);
            try {
                return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                    List<IndexKey> keys, boolean sparse) {
                        // the same map as H2Database's own unique index (its name included), so files stay compatible
                        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
                        MVStore store = getMvStore();
                        // An index opened with its database is one described in the file: its entries were committed
                        // with that description and every later write (one MVStore version covers all maps), so it is
                        // complete, even when its map is absent (an empty map is not copied by a full compaction).
                        // An index created later (createIndexes) is built from the documents as usual.
                        boolean foundInFile = OPENING.get();
                        return new StoredUniqueIndex(store.openMap(mapName), indexName, keys, sparse, foundInFile);
                    }

                    @Override
                    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                                       List<IndexKey> keys, boolean sparse) {
                        if (!IndexedCollections.indexable(collectionName)) {
                            return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
                        }
                        return SecondaryIndex.inMap(getMvStore().openMap(secondaryMapName(collectionName, indexName)),
                                indexName, keys, sparse);
                    }

                    @Override
                    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
                        super.dropIndex(collection, indexName);
                        String name = secondaryMapName(collection.getCollectionName(), indexName);
                        if (getMvStore().hasMap(name)) {
                            getMvStore().removeMap(name);
                        }
                    }

                    /** H2Database's own maps of a collection (same names), in a collection that plans its queries. */
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                                                                             CollectionOptions options) {
                        String namespace = getFullCollectionNamespace(collectionName);
                        MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = getMvStore().openMap("databases." + namespace);
                        MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
                        return new IndexedCollections.H2(this, collectionName, options, data, meta, cursorRegistry);
                    }

                    private String secondaryMapName(String collectionName, String indexName) {
                        return getFullCollectionNamespace(collectionName) + "._secondary_" + indexName;
                    }
                };
            } finally {
                OPENING.remove();
            }
        }

        /**
         * The command runs on the version of the maps current when it starts: that version is registered as in use
         * until it ends, so that the MVStore does not free the chunks a long scan is still reading while other
         * commands commit (a query collects its whole answer within its command: no later getMore reads the maps).
         */
        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            MVStore store = getMvStore();
            MVStore.TxCounter inUse = store.registerVersionUsage();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                store.deregisterVersionUsage(inUse);
                // also after a failed command: a bulk write may have applied part of its documents
                if (!READ_ONLY.contains(command.toLowerCase(Locale.ROOT))) {
                    commitChanges();
                }
            }
        }

        /**
         * Returns once this thread's changes are in the file. The change is numbered after it was made; whoever
         * commits reads the highest number before committing, so its commit covers every change numbered up to it.
         */
        void commitChanges() {
            MVStore store = getMvStore();
            if (!store.hasUnsavedChanges()) {
                return;   // nothing, or already written by another commit (or the store's background commit)
            }
            long change = changes.incrementAndGet();
            synchronized (commitLock) {
                if (committed >= change) {
                    return;
                }
                long upTo = changes.get();
                store.commit();
                committed = upTo;
            }
        }

        @Override
        public void close() {
            // not shutdownNow(): interrupting a thread in FileChannel.force closes the channel under the store
            // (ClosedChannelException on the close's own writes, seen in a test run); a sync takes milliseconds
            syncer.shutdown();
            try {
                if (!syncer.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("存储文件同步线程未在 10 秒内结束");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            MVStore store = getMvStore();
            Path file = null;
            if (!store.isClosed()) {
                file = Path.of(store.getFileStore().getFileName());
                store.close(0);
            }
            super.close();
            if (file != null && rewriteOnClose) {
                long started = System.nanoTime();
                long[] sizes = compactOffline(file);
                log.info("Mongo-compatible store closed and rewritten with its live data: {} MB → {} MB in {} ms",
                        sizes[0] / (1024 * 1024), sizes[1] / (1024 * 1024), (System.nanoTime() - started) / 1_000_000);
            } else if (file != null) {
                log.info("Mongo-compatible store closed: file {} MB", sizeInMegabytes(file));
            }
        }
    }
}
