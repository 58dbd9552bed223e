package de.smartcity.catalogue.app.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@link LocalElasticsearchNode} is made of and where it lives.
 *
 * @param distributionZip the Elasticsearch {@code integ-test-zip} distribution
 * @param pluginZips      plugin zips to install, in order; may be empty
 * @param homeParent      directory that receives the unpacked node, its data and its logs
 * @param httpPort        HTTP port on 127.0.0.1; the transport port is derived from it
 * @param heap            JVM heap for the node, e.g. {@code 512m} (used for -Xms and -Xmx)
 * @param javaHome        JDK 21+ to run the node with; empty to look one up
 * @param startTimeout    how long to wait for the node to become yellow
 */
public record LocalNodeSettings(
        Path distributionZip,
        List<Path> pluginZips,
        Path homeParent,
        int httpPort,
        String heap,
        Optional<Path> javaHome,
        Duration startTimeout) {

    public static final String DEFAULT_HEAP = "512m";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

    public LocalNodeSettings {
        Objects.requireNonNull(distributionZip, "distributionZip");
        Objects.requireNonNull(homeParent, "homeParent");
        pluginZips = List.copyOf(Objects.requireNonNull(pluginZips, "pluginZips"));
        javaHome = Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be 1..65535, was " + httpPort);
        }
        if (heap == null || !HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, was " + heap);
        }
    }

    /** Settings with the default heap (512m), no fixed JDK and the default start timeout (90 s). */
    public static LocalNodeSettings of(Path distributionZip, List<Path> pluginZips, Path homeParent, int httpPort) {
        return new LocalNodeSettings(distributionZip, pluginZips, homeParent, httpPort,
                DEFAULT_HEAP, Optional.empty(), DEFAULT_START_TIMEOUT);
    }

    public LocalNodeSettings withHeap(String newHeap) {
        return new LocalNodeSettings(distributionZip, pluginZips, homeParent, httpPort, newHeap, javaHome, startTimeout);
    }

    public LocalNodeSettings withJavaHome(Path newJavaHome) {
        return new LocalNodeSettings(distributionZip, pluginZips, homeParent, httpPort, heap,
                Optional.of(newJavaHome), startTimeout);
    }

    public LocalNodeSettings withStartTimeout(Duration newStartTimeout) {
        return new LocalNodeSettings(distributionZip, pluginZips, homeParent, httpPort, heap, javaHome, newStartTimeout);
    }

    /** The transport port: 100 above the HTTP port (100 below when that would overflow). */
    public int transportPort() {
        return httpPort + 100 <= 65535 ? httpPort + 100 : httpPort - 100;
    }
}
