package de.smartcity.catalogue.search;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Values kept for a while after they were computed, each computed once however many threads ask for it at the
 * same time: the others wait for that one computation. A failed computation is not kept.
 */
final class ExpiringMemo<K, V> {
    private final long keepNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** A value computed, or being computed, since {@code nanos}. */
    private record Entry<V>(long nanos, CompletableFuture<V> value) {
    }

    @FunctionalInterface
    interface Loader<V> {
        V load() throws IOException;
    }

    /**
     * @param keep       how long a value is kept after its computation started
     * @param maxEntries how many values are kept at most; beyond, values are computed each time until some expire
     * @param nanoTime   the clock, {@code System::nanoTime} but in tests
     */
    ExpiringMemo(Duration keep, int maxEntries, LongSupplier nanoTime) {
        this.keepNanos = keep.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    V get(K key, Loader<V> loader) throws IOException {
        long now = nanoTime.getAsLong();
        entries.values().removeIf(entry -> now - entry.nanos() >= keepNanos);
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            return loader.load();
        }
        Entry<V> fresh = new Entry<>(now, new CompletableFuture<>());
        Entry<V> current = entries.merge(key, fresh, (old, candidate) -> now - old.nanos() >= keepNanos ? candidate : old);
        if (current == fresh) {
            try {
                fresh.value().complete(loader.load());
            } catch (IOException | RuntimeException e) {
                entries.remove(key, fresh);
                fresh.value().completeExceptionally(e);
            }
        }
        try {
            return current.value().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e.getCause();
        }
    }
}
