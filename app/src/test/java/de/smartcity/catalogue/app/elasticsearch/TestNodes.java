package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What integration tests need to start a real local node: the distribution the build copied to
 * {@code catalogue.es.dist.dir} (else the local Maven repository), the project's plugin, a home under
 * {@code catalogue.data.dir} and free ports.
 */
public final class TestNodes {
    private static final Path M2_DISTRIBUTION = Path.of(System.getProperty("user.home"), ".m2/repository/org",
            "elasticsearch/distribution/integ-test-zip/elasticsearch/9.1.0/elasticsearch-9.1.0.zip");

    private TestNodes() {
    }

    private static Optional<Path> distDir() {
        return Optional.ofNullable(System.getProperty("catalogue.es.dist.dir")).map(Path::of);
    }

    public static Path distributionZip() throws IOException {
        Optional<Path> dir = distDir().filter(Files::isDirectory);
        if (dir.isPresent()) {
            try (Stream<Path> files = Files.list(dir.get())) {
                Optional<Path> zip = files.filter(f -> f.getFileName().toString().matches("elasticsearch-.*\\.zip"))
                        .findFirst();
                if (zip.isPresent()) {
                    return zip.get();
                }
            }
        }
        return M2_DISTRIBUTION;
    }

    public static List<Path> pluginZips() {
        return distDir().map(dir -> dir.resolve("german-analysis-plugin.zip")).filter(Files::isRegularFile).stream().toList();
    }

    public static Path homeParent(String name) {
        return Optional.ofNullable(System.getProperty("catalogue.data.dir")).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"))).resolve(name);
    }

    public static int freePortWithFreeTransportPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                candidate = socket.getLocalPort();
            }
            int transport = LocalNodeSettings.of(M2_DISTRIBUTION, List.of(), Path.of("."), candidate).transportPort();
            try {
                new ServerSocket(transport, 1, InetAddress.getLoopbackAddress()).close();
                return candidate;
            } catch (IOException taken) {
                // try another pair
            }
        }
        throw new IllegalStateException("no free pair of ports found");
    }
}
