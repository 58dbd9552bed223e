package de.smartcity.catalogue.routes.poll;

import java.time.Duration;

/**
 * How politely sources are polled.
 *
 * @param tick                  how often the scheduler looks for sources that are due
 * @param maxConcurrentPolls    polls under way at once, over all hosts
 * @param maxPerHost            requests under way at once to one host name
 * @param unchangedPollsPerStep polls in a row without news after which a source's interval doubles
 * @param maxStretch            the interval of a quiet source grows to at most this many times the configured one
 * @param backoffCap            the longest wait after failures (or a {@code Retry-After}), so no source is parked for
 *                              good; a configured interval longer than this is kept
 * @param failuresBeforeBackingOff from this many failures in a row a source's status is {@code backing-off}
 */
public record PollingSettings(Duration tick, int maxConcurrentPolls, int maxPerHost, int unchangedPollsPerStep, int maxStretch,
                              Duration backoffCap, int failuresBeforeBackingOff) {

    public PollingSettings {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive");
        }
        if (maxConcurrentPolls < 1 || maxPerHost < 1 || unchangedPollsPerStep < 1 || maxStretch < 1 || failuresBeforeBackingOff < 1) {
            throw new IllegalArgumentException("polling limits must be at least 1");
        }
    }

    /** One look per second, 8 polls at once, 2 per host; quiet sources stretch to 4× after 3, 6, … unchanged polls; backoff up to 6 h. */
    public static PollingSettings defaults() {
        return new PollingSettings(Duration.ofSeconds(1), 8, 2, 3, 4, Duration.ofHours(6), 3);
    }

    public PollingSettings withConcurrency(int maxConcurrentPolls, int maxPerHost) {
        return new PollingSettings(tick, maxConcurrentPolls, maxPerHost, unchangedPollsPerStep, maxStretch, backoffCap,
                failuresBeforeBackingOff);
    }

    public PollingSettings withTick(Duration tick) {
        return new PollingSettings(tick, maxConcurrentPolls, maxPerHost, unchangedPollsPerStep, maxStretch, backoffCap,
                failuresBeforeBackingOff);
    }
}
