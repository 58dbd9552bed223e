package de.smartcity.catalogue.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's behaviour around a port: reuse, refusal, and failures, with fake servers and fake distributions. */
class LocalElasticsearchNodeTest {

    @TempDir
    Path temp;

    private HttpServer server;

    @BeforeEach
    void letTheServiceAccountIntoTheTempDir() throws IOException {
        // When the tests run as root the node runs as the service account, which needs to traverse this.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private LocalNodeSettings settings(Path distribution, int port) {
        return LocalNodeSettings.of(distribution, List.of(), temp.resolve("node"), port);
    }

    @Test
    void reusesARunningNodeOfOurClusterAndLeavesItRunningOnStop() throws Exception {
        int port = serve(200, "{\"cluster_name\":\"smart-city-catalogue\",\"status\":\"green\"}");

        try (LocalElasticsearchNode node = new LocalElasticsearchNode(settings(temp.resolve("never-read.zip"), port))) {
            node.start();

            assertThat(node.reusedRunningNode()).isTrue();
            assertThat(node.url()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        }

        HttpResponse<String> stillThere = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stillThere.statusCode()).isEqualTo(200);
        assertThat(temp.resolve("node")).doesNotExist();
    }

    @Test
    void refusesAPortTakenByAnotherCluster() throws IOException {
        int port = serve(200, "{\"cluster_name\":\"someone-else\",\"status\":\"green\"}");
        LocalElasticsearchNode node = new LocalElasticsearchNode(settings(temp.resolve("never-read.zip"), port));

        assertThatThrownBy(node::start)
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("Port " + port)
                .hasMessageContaining("the Elasticsearch cluster 'someone-else'");
    }

    @Test
    void refusesAPortTakenBySomethingThatIsNotElasticsearch() throws IOException {
        int port = serve(404, "<html>not found</html>");
        LocalElasticsearchNode node = new LocalElasticsearchNode(settings(temp.resolve("never-read.zip"), port));

        assertThatThrownBy(node::start)
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("something that is not Elasticsearch (HTTP 404)");
    }

    @Test
    void reportsTheLastLogLinesWhenTheNodeDiesDuringStartup() throws IOException {
        Path distribution = FakeDistribution.create(temp.resolve("dying.zip"), """
                #!/bin/sh
                echo "starting up"
                echo "ERROR: unknown setting [made.up] please check" >&2
                exit 78
                """);
        LocalElasticsearchNode node = new LocalElasticsearchNode(settings(distribution, freePort()));

        assertThatThrownBy(node::start)
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("exited with code 78 before it was ready")
                .hasMessageContaining("starting up")
                .hasMessageContaining("ERROR: unknown setting [made.up]");
        assertThat(node.consoleLog()).isPresent();
    }

    @Test
    void givesUpAfterTheStartTimeoutAndStopsTheProcess() throws IOException {
        Path distribution = FakeDistribution.create(temp.resolve("hanging.zip"), """
                #!/bin/sh
                echo $$ > "$(dirname "$0")/../hanging.pid"
                echo "thinking very hard"
                exec sleep 600
                """);
        LocalNodeSettings settings = settings(distribution, freePort()).withStartTimeout(Duration.ofSeconds(3));
        LocalElasticsearchNode node = new LocalElasticsearchNode(settings);

        assertThatThrownBy(node::start)
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("was not yellow within 3 s")
                .hasMessageContaining("thinking very hard");

        long pid = Long.parseLong(Files.readString(
                temp.resolve("node").resolve(FakeDistribution.TOP).resolve("hanging.pid")).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void writesTheConfigurationForTheRequestedPorts() throws IOException {
        Path distribution = FakeDistribution.create(temp.resolve("quick-exit.zip"), "#!/bin/sh\nexit 1\n");
        int port = freePort();
        LocalElasticsearchNode node = new LocalElasticsearchNode(settings(distribution, port));

        assertThatThrownBy(node::start).isInstanceOf(LocalNodeException.class);

        Path config = temp.resolve("node").resolve(FakeDistribution.TOP).resolve("config/elasticsearch.yml");
        assertThat(Files.readString(config))
                .contains("http.port: " + port + "\n", "transport.port: " + (port + 100) + "\n",
                        "path.data: '" + temp.resolve("node/data") + "'", "xpack.security.enabled: false");
    }
}
