package de.smartcity.catalogue.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real node from the integ-test-zip. The distribution comes from {@code catalogue.es.dist.dir}
 * (set by failsafe to app/target/elasticsearch, which also holds the German analysis plugin), else
 * from the local Maven repository.
 */
class LocalElasticsearchNodeIT {

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearchNodeIT.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startsANodeThatASecondStartReusesAndStopsIt() throws Exception {
        Path distribution = TestNodes.distributionZip();
        assumeTrue(Files.isRegularFile(distribution), "no Elasticsearch distribution at " + distribution);
        List<Path> plugins = TestNodes.pluginZips();
        int port = TestNodes.freePortWithFreeTransportPort();
        LocalNodeSettings settings = LocalNodeSettings.of(distribution, plugins, TestNodes.homeParent("local-es-it"), port);

        try (LocalElasticsearchNode node = new LocalElasticsearchNode(settings)) {
            long started = System.nanoTime();
            node.start();
            LOG.info("First start took {} ms (plugins: {})", (System.nanoTime() - started) / 1_000_000, plugins);

            assertThat(node.reusedRunningNode()).isFalse();
            HttpResponse<String> health = get(node.url(), "/_cluster/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"cluster_name\":\"smart-city-catalogue\"")
                    .containsPattern("\"status\":\"(green|yellow)\"");

            HttpResponse<String> indexed = send(HttpRequest.newBuilder(node.url().resolve("/it-probe/_doc/1?refresh=true"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Radweg am Rathaus\"}")));
            assertThat(indexed.statusCode()).isIn(200, 201);
            if (!plugins.isEmpty()) {
                assertThat(get(node.url(), "/_cat/plugins").body()).isNotBlank();
            }

            try (LocalElasticsearchNode second = new LocalElasticsearchNode(settings)) {
                long reuseStarted = System.nanoTime();
                second.start();
                LOG.info("Second start (reuse) took {} ms", (System.nanoTime() - reuseStarted) / 1_000_000);
                assertThat(second.reusedRunningNode()).isTrue();
            }
            assertThat(get(node.url(), "/_cluster/health").statusCode())
                    .as("closing the reusing instance leaves the node running").isEqualTo(200);

            long stopping = System.nanoTime();
            node.stop();
            LOG.info("Stop took {} ms", (System.nanoTime() - stopping) / 1_000_000);
            assertThatThrownBy(() -> get(node.url(), "/_cluster/health")).isInstanceOf(ConnectException.class);
        }
    }

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
