package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app killed with SIGKILL in the middle of an ingest, then started again: no story is lost and none is stored or
 * indexed twice. The app runs as a real child process (the built jar) on an H2 file database and the shared
 * Elasticsearch node; the feeds and a proxy in front of Elasticsearch hold the app where the test wants to kill it.
 */
@ExtendWith(SharedElasticsearch.class)
class AppKilledDuringIngestIT {
    private static final List<String> QUICK = FaultFeeds.ids("schnell", 4);
    /** Held when the kill should land while their feeds are being read. */
    private static final List<String> HELD = FaultFeeds.ids("langsam", 8);
    private static final List<String> ALL = Stream.concat(QUICK.stream(), HELD.stream()).toList();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private FaultFeeds feeds;
    private Path dataDir;
    private Path sourcesFile;
    private List<String> expected;

    @BeforeEach
    void emptyCatalogue() throws Exception {
        SharedElasticsearch.deleteCatalogueIndices(SharedElasticsearch.url());
        dataDir = Path.of(System.getProperty("catalogue.data.dir", "target/it-data"), "killed-" + System.nanoTime());
        Files.createDirectories(dataDir);
        feeds = FaultFeeds.start();
        sourcesFile = feeds.writeSourcesFile(dataDir, ALL);
        expected = feeds.itemUrls(ALL);
    }

    @AfterEach
    void stopFeeds() {
        feeds.close();
    }

    @Test
    void serveKilledWhileFetchingRestartsWithEveryItemOnce() throws Exception {
        feeds.hold(HELD);
        int port = ServedCatalogue.freePort();
        AppProcess first = serve(port);
        ApiClient api = new ApiClient(port);
        await("quick sources stored, held ones being read").atMost(PATIENCE).ignoreExceptions().until(() ->
                allOk(api, QUICK) && feeds.allRequested(HELD));

        first.kill();

        CatalogueContents afterKill = CatalogueContents.inFileOfStoppedApp(dataDir);
        assertThat(afterKill.urls()).as("what was committed before the kill").containsExactlyInAnyOrderElementsOf(feeds.itemUrls(QUICK));

        feeds.release(HELD);
        int restartPort = ServedCatalogue.freePort();
        AppProcess restarted = serve(restartPort);
        ApiClient restartedApi = new ApiClient(restartPort);
        await("held sources polled again, every item indexed").atMost(PATIENCE).ignoreExceptions().until(() ->
                allOk(restartedApi, ALL) && restartedApi.get("/api/metrics").json().path("indexLag").asLong() == 0);
        JsonNode metrics = restartedApi.get("/api/metrics").json();
        restarted.stop(PATIENCE);

        assertThat(metrics.path("fetches").asLong()).as("only the sources the kill interrupted are polled again")
                .isEqualTo(HELD.size());
        assertEveryItemOnce();
    }

    @Test
    void ingestOnceKilledWhileIndexingRestartsWithEveryItemOnce() throws Exception {
        try (ElasticsearchProxy proxy = ElasticsearchProxy.to(SharedElasticsearch.url())) {
            proxy.holdBulkAnswers(Duration.ofMinutes(5));
            AppProcess first = ingestOnce(proxy.url().toString());
            await("Elasticsearch has taken the batch, the app still waits for its answer").atMost(PATIENCE).ignoreExceptions()
                    .until(() -> CatalogueContents.inIndex(SharedElasticsearch.url()).urls().size() == expected.size());

            first.kill();
        }

        CatalogueContents afterKill = CatalogueContents.inFileOfStoppedApp(dataDir);
        assertThat(afterKill.urls()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(afterKill.pending()).as("the database never heard that Elasticsearch took them").isEqualTo(expected.size());

        AppProcess restarted = ingestOnce(SharedElasticsearch.url().toString());
        assertThat(restarted.awaitExit(PATIENCE)).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains(ALL.size() + " source(s), " + ALL.size() + " ok, 0 failed.",
                "Indexed %d item(s); %d item(s) in the catalogue.".formatted(expected.size(), expected.size()));
        assertEveryItemOnce();
    }

    private void assertEveryItemOnce() throws Exception {
        CatalogueContents stored = CatalogueContents.inFileOfStoppedApp(dataDir);
        assertThat(stored.urls()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(stored.pending()).isZero();
        assertThat(CatalogueContents.inIndex(SharedElasticsearch.url()).urls()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private AppProcess serve(int port) throws Exception {
        Map<Setting, String> settings = settings(SharedElasticsearch.url().toString());
        settings.put(Setting.HTTP_PORT, String.valueOf(port));
        settings.put(Setting.INDEX_PERIOD, "PT1S");
        return AppProcess.start(dataDir, settings, "serve", "--sources", sourcesFile.toString());
    }

    private AppProcess ingestOnce(String elasticsearchUrl) throws Exception {
        return AppProcess.start(dataDir, settings(elasticsearchUrl), "ingest", "--once", "--sources", sourcesFile.toString());
    }

    /** Every source polled at once, though they share a host, so that the held ones cannot hold up the others. */
    private Map<Setting, String> settings(String elasticsearchUrl) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.DATA_DIR, dataDir.toString());
        settings.put(Setting.ES_URL, elasticsearchUrl);
        settings.put(Setting.POLL_CONCURRENCY, String.valueOf(ALL.size()));
        settings.put(Setting.POLL_PER_HOST, String.valueOf(ALL.size()));
        settings.put(Setting.SOURCE_ALLOW, "127.0.0.1");
        return settings;
    }

    /** Whether {@code /api/sources} says each of these sources' last poll brought its feed. */
    private static boolean allOk(ApiClient api, List<String> sourceIds) throws Exception {
        return StreamSupport.stream(api.get("/api/sources").json().spliterator(), false)
                .filter(source -> sourceIds.contains(source.path("id").asText()))
                .filter(source -> source.path("status").asText().equals("ok"))
                .count() == sourceIds.size();
    }
}
