package org.jingban.platform.embedded;

import java.util.List;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 unique index (an MVMap from key to document position, written with the documents in the same
 * commit), except that an index found in the file at start is never rebuilt. The library rebuilds every index that is
 * empty when it is opened, by reading its whole collection twice: for a sparse index that no document has a key for
 * (or a collection whose documents all lack it) that was a scan of the collection at every start, 9 s for 6 000
 * persons and growing with the data. An index described in the file is complete, empty or not.
 */
final class StoredUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> mvMap;
    private final boolean foundInFile;

    StoredUniqueIndex(MVMap<KeyValue, Object> mvMap, String name, List<IndexKey> keys, boolean sparse, boolean foundInFile) {
        super(name, keys, sparse);
        this.mvMap = mvMap;
        this.foundInFile = foundInFile;
    }

    /** Asked by the collection only when it adds the index: "must it be built from the documents?". */
    @Override
    public boolean isEmpty() {
        return !foundInFile && mvMap.isEmpty();
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return mvMap.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return mvMap.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return mvMap.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return mvMap.get(keyValue);
    }

    @Override
    public long getCount() {
        return mvMap.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
