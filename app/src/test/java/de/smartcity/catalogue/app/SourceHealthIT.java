package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.IngestOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Source health as an operator reads it from {@code /api/sources}: {@code serve} with a sources file whose feeds
 * come from a real local HTTP server (the JDK's) that answers with validators, 304, a 503 with Retry-After and an
 * HTML page, a real H2 file database and a real Elasticsearch node.
 */
@ExtendWith(SharedElasticsearch.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceHealthIT {
    private static final String ETAG = "\"stadt-v1\"";

    private static HttpServer feeds;
    private static final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private static List<Source> sources;
    private static ServedCatalogue served;
    private static Catalogue catalogue;
    private static ApiClient api;

    @BeforeAll
    static void serve() throws Exception {
        feeds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        feeds.createContext("/", SourceHealthIT::answer);
        feeds.start();
        String base = "http://127.0.0.1:" + feeds.getAddress().getPort();

        Path dir = ItDataDir.enter("health");
        Files.createDirectories(dir);
        Path sourcesFile = dir.resolve("sources.yaml");
        Files.writeString(sourcesFile, """
                sources:
                  - id: stadt-gut
                    city: Kaiserslautern
                    url: %1$s/gut.rss
                    interval: PT30M
                  - id: stadt-wartung
                    city: Mannheim
                    url: %1$s/wartung.rss
                    interval: PT30M
                  - id: stadt-startseite
                    city: Hürth
                    url: %1$s/startseite.rss
                    interval: PT30M
                  - id: stadt-umleitung
                    city: Ulm
                    url: %1$s/umleitung.rss
                    interval: PT30M
                """.formatted(base));
        sources = Catalogue.configuredSources(Optional.of(sourcesFile.toString()));

        served = ServedCatalogue.start(sources);
        catalogue = served.catalogue();
        api = served.api();
    }

    @AfterAll
    static void stop() throws Exception {
        if (served != null) {
            served.close();
        }
        if (feeds != null) {
            feeds.stop(0);
        }
        ItDataDir.restore();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            switch (path) {
                case "/gut.rss" -> {
                    if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                    exchange.getResponseHeaders().set("ETag", ETAG);
                    send(exchange, 200, "application/rss+xml; charset=utf-8", resource("demo/kaiserslautern.rss"));
                }
                case "/wartung.rss" -> {
                    exchange.getResponseHeaders().set("Retry-After", "3600");
                    send(exchange, 503, "text/plain; charset=utf-8", "Wartungsarbeiten".getBytes(StandardCharsets.UTF_8));
                }
                case "/startseite.rss" -> send(exchange, 200, "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>Rathaus</title></head><body><h1>Willkommen im Rathaus</h1></body></html>"
                                .getBytes(StandardCharsets.UTF_8));
                case "/umleitung.rss" -> {
                    // Loopback is allowed for these tests (CATALOGUE_SOURCE_ALLOW), the metadata service is not.
                    exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SourceHealthIT.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static JsonNode source(JsonNode statuses, String id) {
        return StreamSupport.stream(statuses.spliterator(), false).filter(s -> s.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no source " + id + " in " + statuses));
    }

    private static Duration waitAfterLastAttempt(JsonNode source) {
        return Duration.between(Instant.parse(source.path("lastAttempt").asText()), Instant.parse(source.path("nextPoll").asText()));
    }

    @Test
    @Order(1)
    void servePollsEverySourceAndTheApiShowsHowEachWent() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(api.get("/api/sources").json().spliterator(), false)
                .allMatch(source -> source.has("lastAttempt")));

        JsonNode statuses = api.get("/api/sources").json();
        assertThat(statuses).hasSize(4);

        JsonNode good = source(statuses, "stadt-gut");
        assertThat(good.path("status").asText()).isEqualTo("ok");
        assertThat(good.path("url").asText()).endsWith("/gut.rss");
        assertThat(good.path("city").asText()).isEqualTo("Kaiserslautern");
        assertThat(good.path("kind").asText()).isEqualTo("auto");
        assertThat(good.path("itemCount").asLong()).isPositive();
        assertThat(good.path("consecutiveFailures").asInt()).isZero();
        assertThat(good.has("lastError")).isFalse();
        assertThat(good.path("lastSuccess").asText()).isEqualTo(good.path("lastAttempt").asText());
        assertThat(waitAfterLastAttempt(good)).isEqualTo(Duration.ofMinutes(30));

        JsonNode maintenance = source(statuses, "stadt-wartung");
        assertThat(maintenance.path("status").asText()).isEqualTo("backing-off");
        assertThat(maintenance.path("lastError").asText()).isEqualTo("Server antwortet mit HTTP 503 (Service Unavailable). "
                + "Der Server bittet, frühestens in 1 h wieder anzufragen (Retry-After).");
        assertThat(maintenance.path("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(maintenance.has("lastSuccess")).isFalse();
        assertThat(maintenance.path("itemCount").asLong()).isZero();
        assertThat(maintenance.path("itemsLast30Days").asLong()).isZero();
        assertThat(waitAfterLastAttempt(maintenance)).isEqualTo(Duration.ofHours(1));

        JsonNode homepage = source(statuses, "stadt-startseite");
        assertThat(homepage.path("status").asText()).isEqualTo("failing");
        assertThat(homepage.path("lastError").asText()).contains("HTML-Seite statt eines Feeds");
        assertThat(waitAfterLastAttempt(homepage)).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(30));

        JsonNode inward = source(statuses, "stadt-umleitung");
        assertThat(inward.path("status").asText()).isEqualTo("failing");
        assertThat(inward.path("lastError").asText()).isEqualTo(
                "Adresse im internen Netz abgelehnt (Schutz vor SSRF): 169.254.169.254 ist die Adresse der Cloud-Metadaten-Dienste.");
    }

    @Test
    @Order(2)
    void oneSourceHasItsOwnAddress() throws Exception {
        ApiClient.Answer answer = api.get("/api/sources/stadt-wartung");
        ApiClient.Answer unknown = api.get("/api/sources/stadt-unbekannt");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("backing-off");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).isEqualTo("not_found");
    }

    @Test
    @Order(3)
    void metricsCountFetchesFailuresItemsAndTheIndexCatchesUp() throws Exception {
        JsonNode metrics = api.get("/api/metrics").json();

        assertThat(metrics.path("fetches").asLong()).isEqualTo(4);
        assertThat(metrics.path("failures").asLong()).isEqualTo(3);
        assertThat(metrics.path("notModified").asLong()).isZero();
        assertThat(metrics.path("itemsStored").asLong()).isEqualTo(source(api.get("/api/sources").json(), "stadt-gut")
                .path("itemCount").asLong());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/metrics").json().path("indexLag").asLong() == 0);
    }

    @Test
    @Order(4)
    void ingestOncePollsEverySourceWhateverTheScheduleAndAnUnchangedFeedCostsA304() throws Exception {
        int maintenanceRequests = requests.get("/wartung.rss").get();

        List<IngestOutcome> outcomes = IngestOnce.ingest(catalogue, sources);

        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        IngestOnce.printSummary(outcomes, new PrintStream(summary, true, StandardCharsets.UTF_8));
        assertThat(summary.toString(StandardCharsets.UTF_8)).containsPattern("stadt-gut\\s+ok\\s+not modified \\(HTTP 304\\)")
                .contains("4 source(s), 1 ok, 3 failed.");
        assertThat(requests.get("/wartung.rss").get()).as("polled although it is backing off").isEqualTo(maintenanceRequests + 1);
        JsonNode statuses = api.get("/api/sources").json();
        assertThat(source(statuses, "stadt-gut").path("status").asText()).isEqualTo("not-modified");
        assertThat(source(statuses, "stadt-wartung").path("consecutiveFailures").asInt()).isEqualTo(2);
        assertThat(api.get("/api/metrics").json().path("notModified").asLong()).isEqualTo(1);
    }
}
