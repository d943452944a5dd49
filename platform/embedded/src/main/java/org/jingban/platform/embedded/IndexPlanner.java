package org.jingban.platform.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the index that narrows a query, for the store's collections. mongo-java-server itself uses an index only
 * when the query names exactly that index's keys: {@code {_id: …, version: …}} (every optimistic-locking save) or
 * {@code {applicantId: …, status: …}} scanned the whole collection. Here:
 * <ol>
 *   <li>a unique index whose keys the query all names, each answerable by the index (equality, {@code $in});</li>
 *   <li>else the {@link SecondaryIndex} that narrows it most: equality on the most leading keys, then a date
 *       range on the next ({@link SecondaryIndex#score});</li>
 *   <li>else none: the collection is scanned.</li>
 * </ol>
 * The index gives the positions of the documents that may match; the collection applies the whole query to them
 * (its {@code matchDocuments} with positions), sorts, skips and limits as for a scan. The positions are put in the
 * collection's natural order first, so that a query answers in the same order with or without an index.
 */
final class IndexPlanner {

    private static final Logger log = LoggerFactory.getLogger(IndexPlanner.class);

    /** A scan of more documents than this is logged, once per collection and query shape. */
    static final int LOGGED_SCAN = 2_000;

    private static final Set<String> scansLogged = ConcurrentHashMap.newKeySet();

    private IndexPlanner() {
    }

    /**
     * Logs, once per collection and shape of query (its field names), a query no index answers on a collection of
     * more than {@value #LOGGED_SCAN} documents: the operator's list of indexes to add.
     */
    static void scanned(String collection, Document query, int documents) {
        if (documents > LOGGED_SCAN && scansLogged.size() < 1_000) {
            String shape = collection + " " + (query == null ? "{}" : query.keySet());
            if (scansLogged.add(shape)) {
                log.info("无可用索引，全表扫描 {} ({} 条文档；同类查询不再记录)", shape, documents);
            }
        }
    }

    /** The positions of the documents that may match {@code query}, in natural order; null: scan. */
    static <P> List<P> candidates(List<Index<P>> indexes, Document query, Document orderBy, Comparator<P> naturalOrder) {
        if (query == null || query.isEmpty() || (orderBy != null && orderBy.containsKey("$natural"))) {
            return null;
        }
        Iterable<P> found = null;
        for (Index<P> index : indexes) {
            if (index.isUnique()) {
                Document lookup = new Document();
                for (var key : index.getKeys()) {
                    if (query.containsKey(key.getKey())) {
                        lookup.put(key.getKey(), query.get(key.getKey()));
                    }
                }
                if (lookup.size() == index.getKeys().size() && index.canHandle(lookup)) {
                    found = index.getPositions(lookup);
                    break;
                }
            }
        }
        if (found == null) {
            SecondaryIndex<P> best = null;
            int bestScore = 0;
            for (Index<P> index : indexes) {
                if (index instanceof SecondaryIndex<P> secondary) {
                    int score = secondary.score(query);
                    if (score > bestScore) {
                        best = secondary;
                        bestScore = score;
                    }
                }
            }
            if (best == null) {
                return null;
            }
            found = best.getPositions(query);
        }
        List<P> positions = new ArrayList<>();
        found.forEach(positions::add);
        positions.sort(naturalOrder);
        return positions;
    }
}
