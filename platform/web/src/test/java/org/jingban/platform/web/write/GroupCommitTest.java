package org.jingban.platform.web.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class GroupCommitTest {

    /** A store whose writes finish when the test says so. */
    private static final class Store {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<Sinks.Empty<Void>> pending = new CopyOnWriteArrayList<>();

        Mono<Void> write(List<String> batch) {
            batches.add(batch);
            Sinks.Empty<Void> done = Sinks.empty();
            pending.add(done);
            return done.asMono();
        }

        void finish(int batch) {
            pending.get(batch).tryEmitEmpty();
        }

        void fail(int batch, RuntimeException e) {
            pending.get(batch).tryEmitError(e);
        }
    }

    private record Outcome(List<String> done, List<Throwable> errors) {
        static Outcome track(Mono<Void> write, String name, List<Disposable> keep) {
            Outcome o = new Outcome(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
            keep.add(write.subscribe(null, o.errors()::add, () -> o.done().add(name)));
            return o;
        }
    }

    @Test
    void an_item_alone_is_written_at_once_and_completes_only_when_stored() {
        Store store = new Store();
        GroupCommit<String> commit = new GroupCommit<>(store::write, 10);
        List<Disposable> keep = new ArrayList<>();

        Outcome a = Outcome.track(commit.write("a"), "a", keep);

        assertThat(store.batches).containsExactly(List.of("a"));
        assertThat(a.done()).isEmpty();                    // not stored yet: the caller still waits
        store.finish(0);
        assertThat(a.done()).containsExactly("a");
    }

    @Test
    void items_that_arrive_during_a_write_go_together_in_the_next_one() {
        Store store = new Store();
        GroupCommit<String> commit = new GroupCommit<>(store::write, 10);
        List<Disposable> keep = new ArrayList<>();

        Outcome a = Outcome.track(commit.write("a"), "a", keep);
        Outcome b = Outcome.track(commit.write("b"), "b", keep);
        Outcome c = Outcome.track(commit.write("c"), "c", keep);
        assertThat(store.batches).containsExactly(List.of("a"));   // b and c wait for a's write

        store.finish(0);
        assertThat(store.batches).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(a.done()).containsExactly("a");
        assertThat(b.done()).isEmpty();
        store.finish(1);
        assertThat(b.done()).containsExactly("b");
        assertThat(c.done()).containsExactly("c");
    }

    @Test
    void a_failed_write_fails_exactly_its_own_items_and_the_next_batch_is_still_written() {
        Store store = new Store();
        GroupCommit<String> commit = new GroupCommit<>(store::write, 10);
        List<Disposable> keep = new ArrayList<>();
        Outcome a = Outcome.track(commit.write("a"), "a", keep);
        Outcome b = Outcome.track(commit.write("b"), "b", keep);

        store.fail(0, new IllegalStateException("store down"));
        assertThat(a.errors()).singleElement().extracting(Throwable::getMessage).isEqualTo("store down");
        assertThat(store.batches).containsExactly(List.of("a"), List.of("b"));
        store.finish(1);
        assertThat(b.done()).containsExactly("b");
        assertThat(b.errors()).isEmpty();
    }

    @Test
    void a_batch_carries_at_most_max_batch_items_in_arrival_order() {
        Store store = new Store();
        GroupCommit<String> commit = new GroupCommit<>(store::write, 2);
        List<Disposable> keep = new ArrayList<>();
        for (String item : List.of("a", "b", "c", "d", "e", "f")) {
            Outcome.track(commit.write(item), item, keep);
        }
        store.finish(0);
        store.finish(1);
        store.finish(2);
        assertThat(store.batches).containsExactly(List.of("a"), List.of("b", "c"), List.of("d", "e"), List.of("f"));
    }

    @Test
    void a_writer_that_throws_fails_its_batch_instead_of_hanging_it() {
        GroupCommit<String> commit = new GroupCommit<>(batch -> {
            throw new IllegalArgumentException("bad batch");
        }, 10);
        assertThat(commit.write("a").then(Mono.just("stored")).onErrorResume(e -> Mono.just(e.getMessage()))
                .block(Duration.ofSeconds(5))).isEqualTo("bad batch");
    }
}
