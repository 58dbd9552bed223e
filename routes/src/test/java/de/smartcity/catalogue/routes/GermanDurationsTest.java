package de.smartcity.catalogue.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GermanDurationsTest {

    @Test
    void writesDurationsTheWayAnOperatorReadsThem() {
        assertThat(GermanDurations.of(Duration.ofMillis(800))).isEqualTo("0,8 s");
        assertThat(GermanDurations.of(Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(GermanDurations.of(Duration.ofMillis(20_004))).isEqualTo("20 s");
        assertThat(GermanDurations.of(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(GermanDurations.of(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(GermanDurations.of(Duration.ofMinutes(60))).isEqualTo("1 h");
        assertThat(GermanDurations.of(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(GermanDurations.of(Duration.ofHours(6))).isEqualTo("6 h");
    }
}
