package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringMemoTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final ExpiringMemo<String, Integer> memo = new ExpiringMemo<>(Duration.ofSeconds(30), 2, clock::get);

    @Test
    void aValueIsKeptUntilItsTimeIsUp() throws Exception {
        assertThat(memo.get("a", this::load)).isEqualTo(1);
        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(memo.get("a", this::load)).isEqualTo(1);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(memo.get("a", this::load)).isEqualTo(2);
    }

    @Test
    void eachKeyHasItsOwnValue() throws Exception {
        assertThat(memo.get("a", this::load)).isEqualTo(1);
        assertThat(memo.get("b", this::load)).isEqualTo(2);
        assertThat(memo.get("a", this::load)).isEqualTo(1);
    }

    @Test
    void beyondTheLimitValuesAreComputedEachTime() throws Exception {
        memo.get("a", this::load);
        memo.get("b", this::load);

        assertThat(memo.get("c", this::load)).isEqualTo(3);
        assertThat(memo.get("c", this::load)).isEqualTo(4);
        assertThat(memo.get("a", this::load)).isEqualTo(1);
    }

    @Test
    void aFailureIsPassedOnAndNotKept() throws Exception {
        assertThatThrownBy(() -> memo.get("a", () -> {
            throw new IOException("node away");
        })).isInstanceOf(IOException.class).hasMessage("node away");

        assertThat(memo.get("a", this::load)).isEqualTo(1);
    }

    @Test
    void threadsAskingAtOnceWaitForOneComputation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            answers.add(pool.submit(() -> memo.get("a", () -> {
                started.countDown();
                await(release);
                return load();
            })));
            started.await();
            for (int i = 0; i < 7; i++) {
                answers.add(pool.submit(() -> memo.get("a", this::load)));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(1);
            }
        }
        assertThat(loads).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private int load() {
        return loads.incrementAndGet();
    }
}
