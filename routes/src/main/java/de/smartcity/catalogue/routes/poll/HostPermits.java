package de.smartcity.catalogue.routes.poll;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code perHost} requests under way to one host name at a time, however many sources it serves.
 * A poll takes a permit for the host of its source before its first request and gives it back once the body
 * is parsed (or the poll failed); redirects to other hosts and a listing's further pages travel under the same permit.
 */
public final class HostPermits {
    private final int perHost;
    private final ConcurrentMap<String, Semaphore> byHost = new ConcurrentHashMap<>();

    public HostPermits(int perHost) {
        this.perHost = perHost;
    }

    /** Waits (fairly, first come first served) until the host of {@code url} has a free permit. */
    public Permit acquire(URI url) throws InterruptedException {
        Semaphore permits = byHost.computeIfAbsent(hostOf(url), host -> new Semaphore(perHost, true));
        permits.acquire();
        return new Permit(permits);
    }

    static String hostOf(URI url) {
        return Optional.ofNullable(url.getHost()).orElse("").toLowerCase(Locale.ROOT);
    }

    /** One request slot at a host; closing it more than once gives it back only once. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore permits;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Permit(Semaphore permits) {
            this.permits = permits;
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }
}
