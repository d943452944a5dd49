package org.jingban.settlement.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ExternalSortTest {

    static final ExternalSort.Codec<Integer> INTS = new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Integer item) throws IOException {
            out.writeInt(item);
        }

        @Override
        public Integer read(DataInputStream in) throws IOException {
            return in.readInt();
        }
    };

    static long runFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("jingban-reconciliation-")).count();
        }
    }

    @Test
    void more_items_than_a_run_come_out_in_order_from_run_files_which_close_deletes() throws IOException {
        List<Integer> input = new Random(11).ints(10_000, 0, 5_000).boxed().toList();
        long before = runFiles();
        List<Integer> output = new ArrayList<>();
        try (ExternalSort<Integer> sorted = ExternalSort.sort(input.iterator(), Comparator.naturalOrder(), INTS, 333)) {
            assertThat(sorted.runs()).isEqualTo(31);
            assertThat(runFiles() - before).isEqualTo(31);
            sorted.forEachRemaining(output::add);
        }
        assertThat(output).isEqualTo(input.stream().sorted().toList());
        assertThat(runFiles()).isEqualTo(before);
    }

    @Test
    void what_fits_one_run_is_sorted_in_memory_without_a_file() {
        try (ExternalSort<Integer> sorted = ExternalSort.sort(List.of(3, 1, 2).iterator(), Comparator.naturalOrder(), INTS, 10)) {
            assertThat(sorted.runs()).isZero();
            List<Integer> output = new ArrayList<>();
            sorted.forEachRemaining(output::add);
            assertThat(output).containsExactly(1, 2, 3);
        }
    }
}
