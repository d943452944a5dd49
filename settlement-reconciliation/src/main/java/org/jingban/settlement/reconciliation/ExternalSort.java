package org.jingban.settlement.reconciliation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts a stream larger than memory: runs of {@code runSize} items are sorted in memory and written to temporary files,
 * then merged (k-way, one item per run in memory). A stream that fits one run is never written. Close the result to
 * delete the files (they are deleted at exit too).
 *
 * @param <T> the item
 */
public final class ExternalSort<T> implements Iterator<T>, Closeable {

    /** How an item is written to and read from a run file. */
    public interface Codec<T> {
        void write(DataOutputStream out, T item) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private final Comparator<T> order;
    private final Codec<T> codec;
    private final List<Path> files = new ArrayList<>();
    private final List<DataInputStream> readers = new ArrayList<>();
    private Iterator<T> inMemory;
    private PriorityQueue<Head<T>> heads;

    private record Head<T>(T item, int run) {
    }

    private ExternalSort(Comparator<T> order, Codec<T> codec) {
        this.order = order;
        this.codec = codec;
    }

    /** The items of {@code input} in {@code order} (stable within a run only: make the order total). */
    public static <T> ExternalSort<T> sort(Iterator<T> input, Comparator<T> order, Codec<T> codec, int runSize) {
        ExternalSort<T> sorted = new ExternalSort<>(order, codec);
        try {
            sorted.spill(input, runSize);
        } catch (IOException e) {
            sorted.close();
            throw new UncheckedIOException(e);
        }
        return sorted;
    }

    private void spill(Iterator<T> input, int runSize) throws IOException {
        List<T> run = new ArrayList<>(Math.min(runSize, 1 << 16));
        while (input.hasNext()) {
            run.add(input.next());
            if (run.size() >= runSize) {
                write(run);
                run.clear();
            }
        }
        run.sort(order);
        if (files.isEmpty()) {
            inMemory = run.iterator();
            return;
        }
        if (!run.isEmpty()) {
            write(run);
        }
        heads = new PriorityQueue<>(files.size(), (a, b) -> order.compare(a.item(), b.item()));
        for (int i = 0; i < files.size(); i++) {
            readers.add(new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(i)), 1 << 16)));
            advance(i);
        }
    }

    private void write(List<T> run) throws IOException {
        run.sort(order);
        Path file = Files.createTempFile("jingban-reconciliation-", ".run");
        file.toFile().deleteOnExit();
        files.add(file);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (T item : run) {
                codec.write(out, item);
            }
        }
    }

    private void advance(int run) throws IOException {
        try {
            heads.add(new Head<>(codec.read(readers.get(run)), run));
        } catch (EOFException end) {
            readers.get(run).close();
        }
    }

    /** How many run files were written (0: it fitted in memory). */
    public int runs() {
        return files.size();
    }

    @Override
    public boolean hasNext() {
        return inMemory != null ? inMemory.hasNext() : !heads.isEmpty();
    }

    @Override
    public T next() {
        if (inMemory != null) {
            return inMemory.next();
        }
        Head<T> head = heads.poll();
        if (head == null) {
            throw new NoSuchElementException();
        }
        try {
            advance(head.run());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return head.item();
    }

    @Override
    public void close() {
        for (DataInputStream reader : readers) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // being deleted anyway
            }
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // deleteOnExit is the fallback
            }
        }
    }
}
