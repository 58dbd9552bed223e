package de.smartcity.catalogue.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.smartcity.catalogue.model.AddressGuard;
import de.smartcity.catalogue.model.AllowList;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.IngestMetrics;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.model.SourceStatus;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.routes.fetch.BodyReader;
import de.smartcity.catalogue.routes.fetch.FetchSettings;
import de.smartcity.catalogue.routes.index.ElasticsearchClients;
import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.poll.IngestCounters;
import de.smartcity.catalogue.routes.poll.PollingPolicy;
import de.smartcity.catalogue.routes.poll.PollingSettings;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.ItemStore;
import de.smartcity.catalogue.routes.store.ProjectStore;
import de.smartcity.catalogue.routes.store.SourceStore;
import de.smartcity.catalogue.routes.store.UpsertResult;
import de.smartcity.catalogue.routes.store.Validators;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Polite polling end to end: real HTTP sources (WireMock, and the JDK's server where concurrency is counted),
 * the real ingest route, an H2 database and a clock the test moves by hand.
 */
class PollingRoutesTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(30);
    /** The test servers listen on several loopback addresses (one per "host"), which production refuses. */
    private static final FetchSettings FETCH = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024, 5,
            FetchSettings.DEFAULT_USER_AGENT, AddressGuard.allowing(AllowList.parse("localhost, 127.0.0.0/8")));
    private static final String ETAG = "\"kl-v1\"";
    private static final String LAST_MODIFIED = "Mon, 23 Nov 2026 10:00:00 GMT";

    private static WireMockServer server;
    private static ThemeTagger tagger;

    private TestDatabase database;
    private ItemStore itemStore;
    private SourceStore sourceStore;
    private IngestCounters counters;
    private ElasticsearchClient unusedElasticsearch;
    private CamelContext camel;
    private ProducerTemplate producer;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeAll
    static void startServer() {
        // Without gzip: Jetty's gzip handler would send the ETag as "…--gzip" (and strip that again from
        // If-None-Match), which is fine for polling but makes the stored validators harder to check exactly.
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        server.start();
        tagger = new ThemeTagger(Taxonomy.bundled());
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
        CountingServer.inFlightOverall.set(0);
        CountingServer.maxInFlightOverall.set(0);
        database = TestDatabase.open();
        itemStore = new ItemStore(database.dataSource(), CatalogueJson.mapper());
        sourceStore = new SourceStore(database.dataSource());
        counters = new IngestCounters(T0);
    }

    @AfterEach
    void stopCamel() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (unusedElasticsearch != null) {
            unusedElasticsearch._transport().close();
        }
        database.close();
    }

    /** The ingest routes for these sources; with {@code scheduled}, the scheduler polls them as {@code serve} does. */
    private void startCamel(List<Source> sources, boolean scheduled, PollingSettings settings) throws Exception {
        sourceStore.register(sources);
        PollingSteps polling = new PollingSteps(sourceStore, new PollingPolicy(settings), counters, clock);
        ProjectStore projectStore = new ProjectStore(database.dataSource(), CatalogueJson.mapper());
        ProjectCatalogue projects = new ProjectCatalogue(List.of(), projectStore, clock);
        IngestSteps steps = new IngestSteps(SourceRegistry.of(sources), new BodyReader(FETCH.maxBytes()), FETCH.maxRedirects(),
                PlaceRecognizer.withBundledGazetteer(), tagger, itemStore, projects, polling, clock);
        unusedElasticsearch = ElasticsearchClients.create("http://127.0.0.1:1", CatalogueJson.mapper());
        ItemIndexer indexer = new ItemIndexer(new ItemIndex(unusedElasticsearch, clock), itemStore, projectStore,
                new EditorialStore(database.dataSource(), CatalogueJson.mapper()));
        camel = new DefaultCamelContext();
        camel.addRoutes(new IngestErrorHandling(steps));
        camel.addRoutes(new IngestRoutes(steps, indexer, FETCH, scheduled, Optional.empty()));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    private void startCamel(Source... sources) throws Exception {
        startCamel(List.of(sources), false, PollingSettings.defaults());
    }

    private static Source source(String id, String path) {
        return new Source(id, "Kaiserslautern", URI.create(server.baseUrl() + path), SourceKind.AUTO, INTERVAL, null);
    }

    private IngestOutcome ingest(String sourceId) {
        Exchange done = producer.send(IngestRoutes.INGEST, exchange -> exchange.getMessage().setHeader(IngestSteps.SOURCE_ID, sourceId));
        assertThat(done.getException()).isNull();
        return done.getProperty(IngestSteps.OUTCOME, IngestOutcome.class);
    }

    private SourceStatus status(String sourceId) throws Exception {
        return sourceStore.statuses(List.of(sourceId), clock.instant()).getFirst();
    }

    /** How long the source waits after its last poll. */
    private Duration waitAfterLastPoll(String sourceId) throws Exception {
        SourceStatus status = status(sourceId);
        return Duration.between(status.lastAttempt(), status.nextPoll());
    }

    private void advanceToNextPoll(String sourceId) throws Exception {
        clock.advance(Duration.between(clock.instant(), status(sourceId).nextPoll()));
    }

    private static void stubFeedWithValidators(String path, String etag, String lastModified, String fixture) {
        var answer = aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody(Fixtures.bytes(fixture));
        if (etag != null) {
            answer = answer.withHeader("ETag", etag);
        }
        if (lastModified != null) {
            answer = answer.withHeader("Last-Modified", lastModified);
        }
        server.stubFor(get(path).atPriority(5).willReturn(answer));
    }

    @Test
    void secondPollSendsTheValidatorsAndAnswer304StoresNothing() throws Exception {
        stubFeedWithValidators("/presse/rss.xml", ETAG, LAST_MODIFIED, "feeds/kaiserslautern.rss");
        server.stubFor(get("/presse/rss.xml").atPriority(1).withHeader("If-None-Match", equalTo(ETAG))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", ETAG)));
        startCamel(source("kaiserslautern-presse", "/presse/rss.xml"));

        assertThat(ingest("kaiserslautern-presse").stored()).contains(new UpsertResult(4, 0, 0, 0));
        clock.advance(INTERVAL);
        IngestOutcome second = ingest("kaiserslautern-presse");

        assertThat(second.notModified()).isTrue();
        assertThat(second.succeeded()).isTrue();
        assertThat(second.stored()).isEmpty();
        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlEqualTo("/presse/rss.xml")));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).containsHeader("If-None-Match")).isFalse();
        assertThat(requests.get(1).getHeader("If-None-Match")).isEqualTo(ETAG);
        assertThat(requests.get(1).getHeader("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(requests.get(1).getHeaders().keys()).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("catalogue")
                || name.toLowerCase(Locale.ROOT).startsWith("camel"));
        assertThat(database.queryLong("SELECT COUNT(*) FROM items WHERE last_seen > first_seen")).as("items untouched").isZero();
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_sources WHERE last_seen > first_seen")).isZero();
        SourceStatus status = status("kaiserslautern-presse");
        assertThat(status.status()).isEqualTo("not-modified");
        assertThat(status.lastSuccess()).isEqualTo(T0.plus(INTERVAL));
        assertThat(status.nextPoll()).isEqualTo(T0.plus(INTERVAL).plus(INTERVAL));
        assertThat(status.itemCount()).isEqualTo(4);
        assertThat(sourceStore.pollState("kaiserslautern-presse").validators()).isEqualTo(new Validators(ETAG, LAST_MODIFIED));
        assertThat(counters.snapshot(0)).isEqualTo(new IngestMetrics(T0, 2, 1, 0, 4, 0));
    }

    @Test
    void lastModifiedAloneComesBackAsIfModifiedSince() throws Exception {
        stubFeedWithValidators("/datum/rss.xml", null, LAST_MODIFIED, "feeds/kaiserslautern.rss");
        server.stubFor(get("/datum/rss.xml").atPriority(1).withHeader("If-Modified-Since", equalTo(LAST_MODIFIED))
                .willReturn(aResponse().withStatus(304)));
        startCamel(source("kaiserslautern-presse", "/datum/rss.xml"));

        ingest("kaiserslautern-presse");
        IngestOutcome second = ingest("kaiserslautern-presse");

        assertThat(second.notModified()).isTrue();
        server.verify(getRequestedFor(urlEqualTo("/datum/rss.xml")).withHeader("If-Modified-Since", equalTo(LAST_MODIFIED))
                .withHeader("If-None-Match", absent()));
        assertThat(sourceStore.pollState("kaiserslautern-presse").validators()).isEqualTo(new Validators(null, LAST_MODIFIED));
    }

    @Test
    void aFeedWithoutValidatorsIsFetchedInFullEveryTime() throws Exception {
        stubFeedWithValidators("/ohne/rss.xml", null, null, "feeds/kaiserslautern.rss");
        startCamel(source("kaiserslautern-presse", "/ohne/rss.xml"));

        ingest("kaiserslautern-presse");
        IngestOutcome second = ingest("kaiserslautern-presse");

        assertThat(second.stored()).contains(new UpsertResult(0, 0, 4, 0));
        server.verify(2, getRequestedFor(urlEqualTo("/ohne/rss.xml")).withHeader("If-None-Match", absent())
                .withHeader("If-Modified-Since", absent()));
        assertThat(status("kaiserslautern-presse").status()).isEqualTo("ok");
    }

    @Test
    void a304WeDidNotAskForIsAnError() throws Exception {
        server.stubFor(get("/kaputt304").willReturn(aResponse().withStatus(304)));
        startCamel(source("kaiserslautern-presse", "/kaputt304"));

        IngestOutcome outcome = ingest("kaiserslautern-presse");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("Server antwortet mit HTTP 304");
    }

    @Test
    void saysInWordsThatNoServerListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        startCamel(new Source("mannheim-presse", "Mannheim", URI.create("http://127.0.0.1:" + closedPort + "/feed"), SourceKind.RSS,
                INTERVAL, null));

        IngestOutcome outcome = ingest("mannheim-presse");

        assertThat(outcome.error()).isEqualTo("Verbindung abgelehnt: auf 127.0.0.1 nimmt kein Server Anfragen an.");
        assertThat(status("mannheim-presse").lastError()).isEqualTo(outcome.error());
    }

    @Test
    void aQuietSourceIsPolledLessOftenAndSnapsBackWhenItChanges() throws Exception {
        stubFeedWithValidators("/presse/rss.xml", ETAG, null, "feeds/kaiserslautern.rss");
        server.stubFor(get("/presse/rss.xml").atPriority(1).withHeader("If-None-Match", equalTo(ETAG))
                .willReturn(aResponse().withStatus(304)));
        startCamel(source("kaiserslautern-presse", "/presse/rss.xml"));
        ingest("kaiserslautern-presse");
        assertThat(waitAfterLastPoll("kaiserslautern-presse")).isEqualTo(INTERVAL);

        List<Duration> waits = new ArrayList<>();
        for (int poll = 0; poll < 8; poll++) {
            advanceToNextPoll("kaiserslautern-presse");
            assertThat(ingest("kaiserslautern-presse").notModified()).isTrue();
            waits.add(waitAfterLastPoll("kaiserslautern-presse"));
        }
        assertThat(waits).containsExactly(INTERVAL, INTERVAL, INTERVAL.multipliedBy(2), INTERVAL.multipliedBy(2),
                INTERVAL.multipliedBy(2), INTERVAL.multipliedBy(4), INTERVAL.multipliedBy(4), INTERVAL.multipliedBy(4));

        // The feed changes: a new ETag and a story more.
        server.stubFor(get("/presse/rss.xml").atPriority(1).withHeader("If-None-Match", equalTo(ETAG))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"kl-v2\"")
                        .withHeader("Content-Type", "application/atom+xml").withBody(Fixtures.bytes("feeds/mannheim.atom"))));
        advanceToNextPoll("kaiserslautern-presse");
        assertThat(ingest("kaiserslautern-presse").stored()).contains(new UpsertResult(2, 0, 0, 0));

        assertThat(waitAfterLastPoll("kaiserslautern-presse")).isEqualTo(INTERVAL);
        assertThat(status("kaiserslautern-presse").status()).isEqualTo("ok");
        assertThat(sourceStore.pollState("kaiserslautern-presse").validators()).isEqualTo(new Validators("\"kl-v2\"", null));
    }

    @Test
    void aFailingSourceBacksOffExponentiallyWithJitterUpToSixHoursAndRecovers() throws Exception {
        server.stubFor(get("/kaputt/feed").willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        startCamel(source("mannheim-presse", "/kaputt/feed"));

        List<Duration> ceilings = List.of(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120),
                Duration.ofMinutes(240), Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6));
        List<String> statuses = new ArrayList<>();
        for (Duration ceiling : ceilings) {
            assertThat(ingest("mannheim-presse").succeeded()).isFalse();
            assertThat(waitAfterLastPoll("mannheim-presse")).isBetween(ceiling.dividedBy(2), ceiling);
            statuses.add(status("mannheim-presse").status());
            advanceToNextPoll("mannheim-presse");
        }
        assertThat(statuses).containsExactly("failing", "failing", "backing-off", "backing-off", "backing-off", "backing-off",
                "backing-off");
        assertThat(status("mannheim-presse").consecutiveFailures()).isEqualTo(7);
        assertThat(status("mannheim-presse").lastError()).startsWith("Server antwortet mit HTTP 500");

        server.stubFor(get("/kaputt/feed").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml").withBody(Fixtures.bytes("feeds/mannheim.atom"))));
        assertThat(ingest("mannheim-presse").succeeded()).isTrue();
        assertThat(status("mannheim-presse").status()).isEqualTo("ok");
        assertThat(status("mannheim-presse").consecutiveFailures()).isZero();
        assertThat(waitAfterLastPoll("mannheim-presse")).isEqualTo(INTERVAL);
    }

    @Test
    void sourcesFailingTogetherDoNotComeBackTogether() throws Exception {
        server.stubFor(get("/weg").willReturn(aResponse().withStatus(503)));
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sources.add(source("quelle-" + i, "/weg"));
        }
        startCamel(sources, false, PollingSettings.defaults());

        List<Instant> nextPolls = new ArrayList<>();
        for (Source source : sources) {
            ingest(source.id());
            nextPolls.add(status(source.id()).nextPoll());
        }

        assertThat(nextPolls.stream().distinct().count()).isGreaterThan(15);
        assertThat(nextPolls).allSatisfy(next -> assertThat(next).isBetween(T0.plus(INTERVAL.dividedBy(2)), T0.plus(INTERVAL)));
    }

    @Test
    void honoursRetryAfterInSecondsOn429() throws Exception {
        server.stubFor(get("/zuviel").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7200")));
        startCamel(source("mannheim-presse", "/zuviel"));

        IngestOutcome outcome = ingest("mannheim-presse");

        assertThat(outcome.error()).startsWith("Server antwortet mit HTTP 429")
                .endsWith("Der Server bittet, frühestens in 2 h wieder anzufragen (Retry-After).");
        SourceStatus status = status("mannheim-presse");
        assertThat(status.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(status.status()).isEqualTo("backing-off");
        assertThat(status.lastError()).isEqualTo(outcome.error());
    }

    @Test
    void honoursRetryAfterAsAnHttpDateOn503() throws Exception {
        String inThreeHours = DateTimeFormatter.RFC_1123_DATE_TIME.format(T0.plus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC));
        server.stubFor(get("/wartung").willReturn(aResponse().withStatus(503).withHeader("Retry-After", inThreeHours)));
        startCamel(source("mannheim-presse", "/wartung"));

        IngestOutcome outcome = ingest("mannheim-presse");

        assertThat(outcome.error()).startsWith("Server antwortet mit HTTP 503").contains("frühestens in 3 h");
        assertThat(status("mannheim-presse").nextPoll()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(status("mannheim-presse").status()).isEqualTo("backing-off");
    }

    @Test
    void theSchedulerPollsEachSourceWhenItIsDueAndNotBefore() throws Exception {
        stubFeedWithValidators("/presse/rss.xml", ETAG, null, "feeds/kaiserslautern.rss");
        server.stubFor(get("/presse/rss.xml").atPriority(1).withHeader("If-None-Match", equalTo(ETAG))
                .willReturn(aResponse().withStatus(304)));
        List<Source> sources = List.of(source("kl-1", "/presse/rss.xml"), source("kl-2", "/presse/rss.xml"),
                source("kl-3", "/presse/rss.xml"));
        startCamel(sources, true, PollingSettings.defaults().withTick(Duration.ofMillis(50)));

        await().atMost(Duration.ofSeconds(10)).until(() -> counters.snapshot(0).fetches() == 3);
        Thread.sleep(500);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/presse/rss.xml")))).as("not due again yet").hasSize(3);

        clock.advance(INTERVAL);
        await().atMost(Duration.ofSeconds(10)).until(() -> counters.snapshot(0).fetches() == 6);
        Thread.sleep(300);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/presse/rss.xml")))).hasSize(6);
        assertThat(counters.snapshot(0).notModified()).isEqualTo(3);
        assertThat(sourceStore.statuses(List.of("kl-1", "kl-2", "kl-3"), clock.instant()))
                .allSatisfy(status -> assertThat(status.status()).isEqualTo("not-modified"));
    }

    @Test
    void neverMoreThanTwoRequestsToOneHostAtOnce() throws Exception {
        try (CountingServer host = new CountingServer("127.0.0.1")) {
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sources.add(new Source("eins-" + i, "Kaiserslautern", host.url("/feed-" + i), SourceKind.RSS, INTERVAL, null));
            }
            startCamel(sources, true, PollingSettings.defaults().withTick(Duration.ofMillis(50)));

            await().atMost(Duration.ofSeconds(20)).until(() -> counters.snapshot(0).fetches() == 5);

            assertThat(counters.snapshot(0).failures()).isZero();
            assertThat(host.requests.get()).isEqualTo(5);
            assertThat(host.maxInFlight.get()).as("8 pollers, one host").isEqualTo(2);
        }
    }

    @Test
    void neverMorePollsAtOnceThanTheTotalBound() throws Exception {
        List<CountingServer> hosts = List.of(new CountingServer("127.0.0.1"), new CountingServer("127.0.0.2"),
                new CountingServer("127.0.0.3"));
        try {
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                for (int h = 0; h < hosts.size(); h++) {
                    sources.add(new Source("quelle-" + h + "-" + i, "Kaiserslautern", hosts.get(h).url("/feed-" + i), SourceKind.RSS,
                            INTERVAL, null));
                }
            }
            startCamel(sources, true, PollingSettings.defaults().withTick(Duration.ofMillis(50)).withConcurrency(3, 2));

            await().atMost(Duration.ofSeconds(20)).until(() -> counters.snapshot(0).fetches() == 6);

            assertThat(counters.snapshot(0).failures()).isZero();
            assertThat(hosts).allSatisfy(host -> assertThat(host.requests.get()).isEqualTo(2));
            assertThat(CountingServer.maxInFlightOverall.get()).as("3 hosts, 3 pollers").isEqualTo(3);
        } finally {
            hosts.forEach(CountingServer::close);
        }
    }

    @Test
    void ingestingByHandAlsoKeepsToTheHostLimit() throws Exception {
        try (CountingServer host = new CountingServer("127.0.0.1")) {
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sources.add(new Source("eins-" + i, "Kaiserslautern", host.url("/feed-" + i), SourceKind.RSS, INTERVAL, null));
            }
            startCamel(sources, false, PollingSettings.defaults());
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<IngestOutcome>> outcomes = new ArrayList<>();
                for (Source source : sources) {
                    outcomes.add(pool.submit(() -> ingest(source.id())));
                }
                for (var outcome : outcomes) {
                    assertThat(outcome.get().succeeded()).isTrue();
                }
            } finally {
                pool.shutdown();
            }

            assertThat(host.requests.get()).isEqualTo(3);
            assertThat(host.maxInFlight.get()).isEqualTo(2);
        }
    }

    /** A JDK HTTP server on one loopback address that answers every feed slowly and counts requests under way. */
    private static final class CountingServer implements AutoCloseable {
        static final AtomicInteger inFlightOverall = new AtomicInteger();
        static final AtomicInteger maxInFlightOverall = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        private final HttpServer httpServer;
        private final ExecutorService workers = Executors.newFixedThreadPool(10);
        private final byte[] feed = Fixtures.bytes("feeds/kaiserslautern.rss");

        CountingServer(String address) {
            try {
                httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            httpServer.createContext("/", this::answer);
            httpServer.setExecutor(workers);
            httpServer.start();
        }

        URI url(String path) {
            InetSocketAddress address = httpServer.getAddress();
            return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
        }

        private void answer(HttpExchange exchange) throws IOException {
            requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            maxInFlightOverall.accumulateAndGet(inFlightOverall.incrementAndGet(), Math::max);
            try (exchange) {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    // Counted down before answering: once the client has the answer it may send the next request.
                    inFlight.decrementAndGet();
                    inFlightOverall.decrementAndGet();
                }
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, feed.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(feed);
                }
            }
        }

        @Override
        public void close() {
            httpServer.stop(0);
            workers.shutdownNow();
        }
    }
}
