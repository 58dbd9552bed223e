package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.smartcity.catalogue.app.elasticsearch.LocalElasticsearchNode;
import de.smartcity.catalogue.app.elasticsearch.LocalNodeSettings;
import de.smartcity.catalogue.app.elasticsearch.TestNodes;
import de.smartcity.catalogue.model.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch down or refusing items while the app ingests. The database keeps every item, marked as not yet
 * indexed, and once Elasticsearch takes items again they reach the index, each once, with no operator action.
 * The test has its own node, since it stops it.
 */
class ElasticsearchOutageIT {
    /** Polled and indexed before the outage. */
    private static final List<String> BEFORE = FaultFeeds.ids("vorher", 4);
    /** Their polls end just as the node is being stopped: indexed or not, they must end up indexed once. */
    private static final List<String> RACING = FaultFeeds.ids("knapp", 4);
    /** Their polls end while the node is down. */
    private static final List<String> DURING = FaultFeeds.ids("waehrend", 4);
    private static final List<String> ALL = Stream.of(BEFORE, RACING, DURING).flatMap(List::stream).toList();
    private static final int ITEMS = FaultFeeds.ITEMS_PER_SOURCE;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Settings this test changes; cleared afterwards. */
    private static final Map<Setting, String> SETTINGS = Map.of(Setting.INDEX_PERIOD, "PT1S",
            Setting.POLL_CONCURRENCY, String.valueOf(ALL.size()), Setting.POLL_PER_HOST, String.valueOf(ALL.size()));

    private static LocalElasticsearchNode node;
    private static Optional<String> sharedNodeUrl;
    private FaultFeeds feeds;
    private Path dataDir;

    @BeforeAll
    static void startNode() throws Exception {
        node = new LocalElasticsearchNode(LocalNodeSettings.of(TestNodes.distributionZip(), TestNodes.pluginZips(),
                TestNodes.homeParent("outage-es"), TestNodes.freePortWithFreeTransportPort()));
        sharedNodeUrl = Optional.ofNullable(System.getProperty(Setting.ES_URL.systemProperty()));
        SETTINGS.forEach((setting, value) -> System.setProperty(setting.systemProperty(), value));
    }

    @AfterAll
    static void stopNode() {
        SETTINGS.keySet().forEach(setting -> System.clearProperty(setting.systemProperty()));
        sharedNodeUrl.ifPresentOrElse(url -> System.setProperty(Setting.ES_URL.systemProperty(), url),
                () -> System.clearProperty(Setting.ES_URL.systemProperty()));
        node.close();
    }

    @BeforeEach
    void emptyCatalogue() throws Exception {
        node.start();
        // The node's data directory outlives a test run.
        SharedElasticsearch.deleteCatalogueIndices(node.url());
        System.setProperty(Setting.ES_URL.systemProperty(), node.url().toString());
        dataDir = ItDataDir.enter("outage");
        Files.createDirectories(dataDir);
        feeds = FaultFeeds.start();
    }

    @AfterEach
    void stopFeeds() {
        feeds.close();
        ItDataDir.restore();
    }

    @Test
    void itemsStoredWhileElasticsearchIsDownAreIndexedOnceWhenItIsBack() throws Exception {
        List<Source> sources = Catalogue.configuredSources(Optional.of(feeds.writeSourcesFile(dataDir, ALL).toString()));
        List<String> expected = feeds.itemUrls(ALL);
        feeds.hold(RACING);
        feeds.hold(DURING);
        try (ServedCatalogue served = ServedCatalogue.start(sources)) {
            ApiClient api = served.api();
            await("the first sources indexed, the others' polls under way").atMost(PATIENCE).ignoreExceptions().until(() ->
                    CatalogueContents.inIndex(node.url()).urls().size() == BEFORE.size() * ITEMS && feeds.allRequested(ALL));

            feeds.release(RACING);
            node.stop();
            feeds.release(DURING);

            await("every poll stored while the node is down").atMost(PATIENCE).ignoreExceptions().until(() ->
                    sourceStatuses(api).stream().allMatch("ok"::equals));
            assertThat(CatalogueContents.inDatabase(dataDir).urls()).containsExactlyInAnyOrderElementsOf(expected);
            JsonNode metrics = api.get("/api/metrics").json();
            assertThat(metrics.path("itemsStored").asLong()).isEqualTo(expected.size());
            assertThat(metrics.path("failures").asLong()).as("an index outage is no source's failure").isZero();
            assertThat(metrics.path("indexLag").asLong()).as("index lag while the node is down")
                    .isBetween((long) DURING.size() * ITEMS, (long) (RACING.size() + DURING.size()) * ITEMS);
            assertThat(api.get("/api/items?q=Parkhaus").status()).isEqualTo(503);
            assertThat(served.server().getCamelContext().getRouteController().getRouteStatus("index-pending").isStarted())
                    .as("the index-pending timer survives failed runs").isTrue();

            node.start();

            await("the index catches up by itself").atMost(PATIENCE).ignoreExceptions().until(() ->
                    api.get("/api/metrics").json().path("indexLag").asLong() == 0);
            assertThat(CatalogueContents.inIndex(node.url()).urls()).containsExactlyInAnyOrderElementsOf(expected);
            CatalogueContents stored = CatalogueContents.inDatabase(dataDir);
            assertThat(stored.urls()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(stored.pending()).isZero();
            assertThat(api.get("/api/items?size=1").json().path("total").asLong()).isEqualTo(expected.size());
        }
    }

    @Test
    void ingestOnceKeepsARejectedBatchPendingAndTheNextRunIndexesIt() throws Exception {
        List<Source> sources = Catalogue.configuredSources(Optional.of(feeds.writeSourcesFile(dataDir, BEFORE).toString()));
        List<String> expected = feeds.itemUrls(BEFORE);
        try (ElasticsearchProxy proxy = ElasticsearchProxy.to(node.url())) {
            System.setProperty(Setting.ES_URL.systemProperty(), proxy.url().toString());
            proxy.refuseBulk();

            Run refused = ingestOnce(sources);

            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("4 source(s), 4 ok, 0 failed.", "Not indexed: ", "es_rejected_execution_exception",
                    expected.size() + " item(s) stay pending");
            CatalogueContents stored = CatalogueContents.inDatabase(dataDir);
            assertThat(stored.urls()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(stored.pending()).isEqualTo(expected.size());
            assertThat(CatalogueContents.inIndex(node.url()).urls()).isEmpty();

            proxy.passEverything();
            Run next = ingestOnce(sources);

            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(next.output()).contains("Indexed %d item(s); %d item(s) in the catalogue.".formatted(expected.size(), expected.size()));
            assertThat(CatalogueContents.inIndex(node.url()).urls()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(CatalogueContents.inDatabase(dataDir).pending()).isZero();
        }
    }

    private static Run ingestOnce(List<Source> sources) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = IngestOnce.run(sources, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
    }

    private static List<String> sourceStatuses(ApiClient api) throws Exception {
        return StreamSupport.stream(api.get("/api/sources").json().spliterator(), false)
                .map(source -> source.path("status").asText()).toList();
    }
}
