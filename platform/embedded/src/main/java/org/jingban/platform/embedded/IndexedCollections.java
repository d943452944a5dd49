package org.jingban.platform.embedded;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's collections with {@link SecondaryIndex secondary indexes} and the {@link IndexPlanner}: in memory (the
 * tests' store, so that every service test runs its queries through them) and in the H2 file (the local stack).
 *
 * <p>Both answer queries with copies of the stored documents. mongo-java-server hands the stored instance itself to
 * the answer and updates documents in place, so a document being encoded for one connection could change under it
 * by an update on another: a {@code ConcurrentModificationException} in the encoder, the connection closed, and the
 * driver's pool cleared with every operation in flight failing (seen as 500s in a test of 50 concurrent requests).
 * An update then changes the copy it found and writes it back ({@code handleUpdate}).
 */
final class IndexedCollections {

    private static final Logger log = LoggerFactory.getLogger(IndexedCollections.class);

    private IndexedCollections() {
    }

    /** Secondary indexes exist for the collections of documents with an _id, not for system.* ones. */
    static boolean indexable(String collectionName) {
        return !collectionName.startsWith("system.");
    }

    /** Copies of the documents that match: what a query answers (see the class comment). */
    static Stream<Document> copies(Stream<Document> documents, java.util.function.Predicate<Document> matches) {
        return documents.filter(matches).map(Document::cloneDeeply);
    }

    /** mongo-java-server's memory backend with secondary indexes and the planner. */
    static final class MemoryBackendWithIndexes extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new Memory(this, collectionName, options, cursorRegistry);
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                                    List<IndexKey> keys, boolean sparse) {
                    return indexable(collectionName) ? SecondaryIndex.inMemory(indexName, keys, sparse)
                            : new EmptyIndex<>(indexName, keys);
                }
            };
        }
    }

    static final class Memory extends MemoryCollection {

        /** MemoryCollection's own list of documents (private there): an update of a copy is written back to it. */
        private static final java.lang.reflect.Field DOCUMENTS;

        static {
            try {
                DOCUMENTS = MemoryCollection.class.getDeclaredField("documents");
                DOCUMENTS.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("mongo-java-server's MemoryCollection changed: " + e, e);
            }
        }

        private final List<Document> documents;

        @SuppressWarnings("unchecked")
        Memory(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursors) {
            super(database, collectionName, options, cursors);
            try {
                documents = (List<Document>) DOCUMENTS.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream,
                                                       int numberToSkip, int limit, int batchSize,
                                                       Comparator<Document> comparator, Document fieldSelector) {
            return super.matchDocumentsFromStream(query,
                    copies(documentStream, document -> documentMatchesQuery(document, query)), numberToSkip, limit,
                    batchSize, comparator, fieldSelector);
        }

        /** The library updates the document a query found in place; found documents are copies here. */
        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            documents.set(position, newDocument);
        }


        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            List<Integer> positions = IndexPlanner.candidates(getIndexes(), query, orderBy, Integer::compare);
            return positions == null
                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        public synchronized void addIndex(Index<Integer> index) {
            super.addIndex(index);
            if (index instanceof SecondaryIndex<Integer> secondary && !secondary.built()) {
                secondary.markBuilt();
            }
        }
    }

    static final class H2 extends H2Collection {

        private final MVMap<Object, Document> dataMap;

        H2(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
           MVMap<String, Object> metaMap, CursorRegistry cursors) {
            super(database, collectionName, options, dataMap, metaMap, cursors);
            this.dataMap = dataMap;
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            List<Object> positions = IndexPlanner.candidates(getIndexes(), query, orderBy,
                    dataMap.getKeyType()::compare);
            if (positions == null) {
                IndexPlanner.scanned(getFullName(), query, dataMap.size());
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream,
                                                       int numberToSkip, int limit, int batchSize,
                                                       Comparator<Document> comparator, Document fieldSelector) {
            return super.matchDocumentsFromStream(query,
                    copies(documentStream, document -> documentMatchesQuery(document, query)), numberToSkip, limit,
                    batchSize, comparator, fieldSelector);
        }


        /**
         * After the library added (and if need be built) a secondary index, it is marked built in the file. A build
         * reads the whole collection (an index created now, or one from a file written before secondary indexes):
         * it says so in the log, with the time it took.
         */
        @Override
        public synchronized void addIndex(Index<Object> index) {
            boolean building = index instanceof SecondaryIndex<Object> secondary && !secondary.built() && count() > 0;
            long started = System.nanoTime();
            if (building) {
                log.info("建立索引 {} / {}：读取 {} 条文档…", getFullName(), index.getName(), count());
            }
            super.addIndex(index);
            if (index instanceof SecondaryIndex<Object> secondary && !secondary.built()) {
                secondary.markBuilt();
                if (building) {
                    log.info("索引 {} / {} 已建立，用时 {} ms", getFullName(), index.getName(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
    }
}
