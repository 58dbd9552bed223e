package de.smartcity.catalogue.routes.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollingPolicyTest {
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final PollingSettings DEFAULTS = PollingSettings.defaults();

    private static PollingPolicy withJitter(double value) {
        return new PollingPolicy(DEFAULTS, () -> value);
    }

    @Test
    void intervalDoublesAfterEveryThreeUnchangedPollsUpToFourTimesTheConfiguredOne() {
        PollingPolicy policy = new PollingPolicy(DEFAULTS);

        List<Duration> intervals = new ArrayList<>();
        for (int unchanged = 0; unchanged <= 12; unchanged++) {
            intervals.add(policy.interval(HALF_HOUR, unchanged));
        }

        assertThat(intervals).containsExactly(
                HALF_HOUR, HALF_HOUR, HALF_HOUR,
                Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofMinutes(60),
                Duration.ofMinutes(120), Duration.ofMinutes(120), Duration.ofMinutes(120),
                Duration.ofMinutes(120), Duration.ofMinutes(120), Duration.ofMinutes(120), Duration.ofMinutes(120));
        assertThat(policy.interval(HALF_HOUR, Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void intervalSnapsBackToTheConfiguredOneAfterAChange() {
        assertThat(new PollingPolicy(DEFAULTS).interval(HALF_HOUR, 0)).isEqualTo(HALF_HOUR);
    }

    @Test
    void backoffDoublesWithEveryFailureUpToSixHours() {
        PollingPolicy policy = new PollingPolicy(DEFAULTS);

        List<Duration> ceilings = new ArrayList<>();
        for (int failures = 1; failures <= 8; failures++) {
            ceilings.add(policy.backoffCeiling(HALF_HOUR, failures));
        }

        assertThat(ceilings).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120),
                Duration.ofMinutes(240), Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6));
        assertThat(policy.backoffCeiling(HALF_HOUR, 10_000)).as("no overflow, never parked").isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aSourceWithAnIntervalLongerThanTheCapBacksOffToItsOwnInterval() {
        assertThat(new PollingPolicy(DEFAULTS).backoffCeiling(Duration.ofDays(1), 5)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void jitterKeepsEveryWaitWithinTheUpperHalfOfTheBackoff() {
        assertThat(withJitter(0.0).afterFailure(HALF_HOUR, 3, Optional.empty())).isEqualTo(Duration.ofMinutes(60));
        assertThat(withJitter(0.999_999).afterFailure(HALF_HOUR, 3, Optional.empty()))
                .isLessThanOrEqualTo(Duration.ofMinutes(120)).isGreaterThan(Duration.ofMinutes(119));
        assertThat(withJitter(0.999_999).afterFailure(HALF_HOUR, 20, Optional.empty())).isLessThanOrEqualTo(Duration.ofHours(6));

        Random random = new Random(4);
        PollingPolicy policy = new PollingPolicy(DEFAULTS, random::nextDouble);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            waits.add(policy.afterFailure(HALF_HOUR, 2, Optional.empty()));
        }
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(60)));
        assertThat(waits.stream().distinct().count()).as("spread, not one value").isGreaterThan(900);
        assertThat(waits).anySatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMinutes(35)))
                .anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMinutes(55)));
    }

    @Test
    void retryAfterIsHonouredWhenItAsksForLongerThanTheBackoff() {
        PollingPolicy policy = withJitter(0.5);

        assertThat(policy.afterFailure(HALF_HOUR, 1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofHours(2));
        assertThat(policy.afterFailure(HALF_HOUR, 1, Optional.of(Duration.ofSeconds(30))))
                .as("a shorter Retry-After does not make us poll sooner").isEqualTo(Duration.ofMillis(22 * 60_000 + 30_000));
    }

    @Test
    void retryAfterBeyondTheCapIsCappedSoTheSourceIsNotParkedForGood() {
        assertThat(withJitter(0.5).afterFailure(HALF_HOUR, 1, Optional.of(Duration.ofDays(30)))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void statusIsBackingOffFromTheThirdFailureOrWhenTheServerAskedToWait() {
        PollingPolicy policy = new PollingPolicy(DEFAULTS);

        assertThat(policy.backingOff(1, false)).isFalse();
        assertThat(policy.backingOff(2, false)).isFalse();
        assertThat(policy.backingOff(3, false)).isTrue();
        assertThat(policy.backingOff(1, true)).isTrue();
    }
}
