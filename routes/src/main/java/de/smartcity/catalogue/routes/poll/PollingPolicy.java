package de.smartcity.catalogue.routes.poll;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to poll a source next. Pure arithmetic on the source's configured interval and its recent polls:
 * <ul>
 *   <li>a source that keeps bringing nothing new is polled less often: its interval doubles after every
 *       {@code unchangedPollsPerStep} unchanged polls, up to {@code maxStretch} times the configured interval,
 *       and snaps back to the configured interval as soon as it brings something;</li>
 *   <li>after failures it backs off exponentially: the k-th failure in a row waits up to
 *       {@code interval × 2^(k-1)}, capped at {@code backoffCap} (or the interval, if that is longer), with jitter
 *       so that sources that failed together (one host down) do not come back together: the wait is drawn
 *       uniformly from the upper half, [ceiling/2, ceiling];</li>
 *   <li>a server's {@code Retry-After} is honoured when it asks for longer than that, up to the same cap.</li>
 * </ul>
 */
public final class PollingPolicy {
    private final PollingSettings settings;
    private final DoubleSupplier jitter;

    public PollingPolicy(PollingSettings settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param jitter values in [0, 1), where in its jitter range a backoff falls */
    PollingPolicy(PollingSettings settings, DoubleSupplier jitter) {
        this.settings = settings;
        this.jitter = jitter;
    }

    public PollingSettings settings() {
        return settings;
    }

    /** The interval after {@code unchangedPolls} polls in a row without news. */
    public Duration interval(Duration configured, int unchangedPolls) {
        int doublings = Math.min(unchangedPolls / settings.unchangedPollsPerStep(), 30);
        return configured.multipliedBy(Math.min(settings.maxStretch(), 1L << doublings));
    }

    /** The longest wait after {@code consecutiveFailures} failures in a row (at least 1). */
    public Duration backoffCeiling(Duration configured, int consecutiveFailures) {
        Duration cap = cap(configured);
        int doublings = Math.min(Math.max(consecutiveFailures, 1) - 1, 30);
        Duration ceiling = configured.multipliedBy(1L << doublings);
        return ceiling.compareTo(cap) > 0 ? cap : ceiling;
    }

    /** The wait after a failure: jittered backoff, or the server's {@code Retry-After} when that asks for longer; never beyond the cap. */
    public Duration afterFailure(Duration configured, int consecutiveFailures, Optional<Duration> retryAfter) {
        Duration ceiling = backoffCeiling(configured, consecutiveFailures);
        long ceilingMillis = ceiling.toMillis();
        long lowest = ceilingMillis / 2;
        Duration wait = Duration.ofMillis(lowest + (long) (jitter.getAsDouble() * (ceilingMillis - lowest)));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            Duration cap = cap(configured);
            wait = retryAfter.get().compareTo(cap) > 0 ? cap : retryAfter.get();
        }
        return wait;
    }

    /** Whether a source with this many failures in a row is polled less often than usual, as the operator should see it. */
    public boolean backingOff(int consecutiveFailures, boolean serverAskedToWait) {
        return serverAskedToWait || consecutiveFailures >= settings.failuresBeforeBackingOff();
    }

    private Duration cap(Duration configured) {
        return configured.compareTo(settings.backoffCap()) > 0 ? configured : settings.backoffCap();
    }
}
