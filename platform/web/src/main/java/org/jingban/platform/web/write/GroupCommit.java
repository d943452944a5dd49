package org.jingban.platform.web.write;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Group commit (组提交): writes that arrive while one is in flight are written together in the next batch, and each
 * caller's {@code Mono} completes only when the batch that holds its item is stored — or fails with that batch's
 * error. So a request still waits for its own write (an audit entry that cannot be stored still fails the read it
 * records), while under load many requests share one store command. Alone, an item is written at once: no timer,
 * no added latency.
 *
 * <pre>{@code
 * GroupCommit<AuditEntry> audit = new GroupCommit<>(batch -> mongo.insertAll(batch).then(), 500);
 * audit.write(entry)   // completes once the entry's batch is stored
 * }</pre>
 *
 * @param <T> the item written
 */
public final class GroupCommit<T> {

    private final Function<List<T>, Mono<Void>> writer;
    private final int maxBatch;
    private final Object lock = new Object();
    private List<Waiting<T>> queue = new ArrayList<>();
    private boolean writing;

    private record Waiting<T>(T item, MonoSink<Void> sink) {
    }

    /**
     * @param writer   stores one batch (in order); its error fails every item of the batch
     * @param maxBatch the most items one write carries
     */
    public GroupCommit(Function<List<T>, Mono<Void>> writer, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.writer = writer;
        this.maxBatch = maxBatch;
    }

    /** Writes the item with the next batch; completes when it is stored. A cancelled caller's item is still written. */
    public Mono<Void> write(T item) {
        return Mono.create(sink -> {
            boolean start;
            synchronized (lock) {
                queue.add(new Waiting<>(item, sink));
                start = !writing;
                writing = true;
            }
            if (start) {
                next();
            }
        });
    }

    /** Writes the next batch, or ends the writing turn if nothing waits. */
    private void next() {
        List<Waiting<T>> batch;
        synchronized (lock) {
            if (queue.isEmpty()) {
                writing = false;
                return;
            }
            if (queue.size() <= maxBatch) {
                batch = queue;
                queue = new ArrayList<>();
            } else {
                batch = new ArrayList<>(queue.subList(0, maxBatch));
                queue = new ArrayList<>(queue.subList(maxBatch, queue.size()));
            }
        }
        List<T> items = batch.stream().map(Waiting::item).toList();
        Mono<Void> write;
        try {
            write = writer.apply(items);
        } catch (RuntimeException e) {
            write = Mono.error(e);
        }
        write.subscribe(null, error -> {
            batch.forEach(w -> w.sink().error(error));
            next();
        }, () -> {
            batch.forEach(w -> w.sink().success());
            next();
        });
    }
}
