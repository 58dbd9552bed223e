package de.smartcity.catalogue.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalNodeSettingsTest {

    private static final Path ZIP = Path.of("elasticsearch-9.1.0.zip");
    private static final Path HOME = Path.of("/var/tmp/es");

    @Test
    void defaultsToA512mHeapNoFixedJdkAnd90Seconds() {
        LocalNodeSettings settings = LocalNodeSettings.of(ZIP, List.of(), HOME, 9200);

        assertThat(settings.heap()).isEqualTo("512m");
        assertThat(settings.javaHome()).isEmpty();
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.withJavaHome(Path.of("/jdk")).javaHome()).contains(Path.of("/jdk"));
    }

    @Test
    void putsTheTransportPort100AboveTheHttpPort() {
        assertThat(LocalNodeSettings.of(ZIP, List.of(), HOME, 9200).transportPort()).isEqualTo(9300);
    }

    @Test
    void putsTheTransportPortBelowWhenAboveWouldOverflow() {
        assertThat(LocalNodeSettings.of(ZIP, List.of(), HOME, 65500).transportPort()).isEqualTo(65400);
    }

    @Test
    void rejectsHeapsTheJvmWouldNotUnderstand() {
        LocalNodeSettings settings = LocalNodeSettings.of(ZIP, List.of(), HOME, 9200);

        assertThat(settings.withHeap("1g").heap()).isEqualTo("1g");
        assertThatThrownBy(() -> settings.withHeap("512 MB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withHeap("-Xmx1g")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPortsOutsideTheValidRange() {
        assertThatThrownBy(() -> LocalNodeSettings.of(ZIP, List.of(), HOME, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalNodeSettings.of(ZIP, List.of(), HOME, 70000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesThePluginList() {
        List<Path> plugins = new ArrayList<>(List.of(Path.of("a.zip")));
        LocalNodeSettings settings = new LocalNodeSettings(ZIP, plugins, HOME, 9200, "256m", Optional.empty(),
                Duration.ofSeconds(5));

        plugins.add(Path.of("b.zip"));

        assertThat(settings.pluginZips()).containsExactly(Path.of("a.zip"));
    }
}
