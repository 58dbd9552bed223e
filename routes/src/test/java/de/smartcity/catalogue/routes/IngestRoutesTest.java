package de.smartcity.catalogue.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.smartcity.catalogue.model.AddressGuard;
import de.smartcity.catalogue.model.AllowList;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.HostResolver;
import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ProjectsFile;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.model.SourceStatus;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import de.smartcity.catalogue.routes.fetch.BodyReader;
import de.smartcity.catalogue.routes.fetch.FetchSettings;
import de.smartcity.catalogue.routes.index.ElasticsearchClients;
import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.ItemStore;
import de.smartcity.catalogue.routes.store.ProjectStore;
import de.smartcity.catalogue.routes.store.SourceStore;
import de.smartcity.catalogue.routes.store.UpsertResult;
import de.smartcity.catalogue.routes.store.VersionedItem;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * The ingest route end to end: real HTTP sources (WireMock), real parsing, places, tags and an H2
 * database. Elasticsearch is not involved: the index period is empty, so the indexer is never called.
 */
class IngestRoutesTest {

    /** Long enough for a loaded build machine, short enough for the slow-source test to stay quick. */
    private static final Duration READ_TIMEOUT = Duration.ofMillis(2500);
    /** The stand-in for a public feed host: a name for the local server that the allow-list names; its address is not allowed. */
    private static final String FEEDS_HOST = "feeds.test";
    private static final FetchSettings FETCH = new FetchSettings(Duration.ofSeconds(2), READ_TIMEOUT, 1024 * 1024, 5,
            FetchSettings.DEFAULT_USER_AGENT, new AddressGuard(AllowList.parse(FEEDS_HOST),
            host -> host.equals(FEEDS_HOST) ? InetAddress.getAllByName("127.0.0.1") : HostResolver.SYSTEM.resolve(host)));
    private static final HtmlSelectors KOMMUNE21 = new HtmlSelectors("article.teaser", "h3", "h3 a[href]", "time",
            "dd.MM.yyyy", "p");
    private static final int SLOW_SOURCE_DELAY_MILLIS = 8000;

    private static WireMockServer server;
    private static ThemeTagger tagger;
    private static List<Project> projects;

    private TestDatabase database;
    private ItemStore itemStore;
    private SourceStore sourceStore;
    private ProjectStore projectStore;
    private ElasticsearchClient unusedElasticsearch;
    private CamelContext camel;
    private ProducerTemplate producer;
    private MutableClock clock;
    private Map<String, Source> sources;

    @BeforeAll
    static void startServer() throws IOException {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        tagger = new ThemeTagger(Taxonomy.bundled());
        projects = ProjectsFile.read(new ByteArrayInputStream("""
                projects:
                  - slug: kl-parksensoren
                    name: Parksensoren Innenstadt
                    aliases: [Parksensoren]
                    place: Kaiserslautern
                    themes: [parking, sensors]
                    status: running
                    description: Bodensensoren melden freie Stellplätze.
                  - slug: ma-barrierefrei-parken
                    name: Barrierefreies Parken in den Quadraten
                    aliases: [barrierefreies Parken]
                    place: Mannheim
                    themes: [parking]
                    status: pilot
                    description: Sensoren an Schwerbehindertenparkplätzen.
                  - slug: ffm-anwohnerparken
                    name: Digitaler Bewohnerparkausweis
                    aliases: [Parksensoren]
                    place: Frankfurt am Main
                    themes: [parking]
                    status: running
                    description: Der Ausweis wird online beantragt.
                """.getBytes(StandardCharsets.UTF_8)), "projects.yaml", Taxonomy.bundled(), Gazetteer.instance());
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void startCamel() throws Exception {
        server.resetAll();
        server.stubFor(get("/presse/rss.xml").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody(Fixtures.bytes("feeds/kaiserslautern.rss"))));
        server.stubFor(get("/meldungen/").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Fixtures.bytes("listings/kommune21-meldungen.html"))));
        server.stubFor(get("/mannheim/presse.atom").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml; charset=utf-8")
                .withBody(Fixtures.bytes("feeds/mannheim.atom"))));
        server.stubFor(get("/kaputt/feed").willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        server.stubFor(get("/startseite/feed").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Fixtures.bytes("pages/rathaus-startseite.html"))));
        server.stubFor(get("/langsam/feed").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml")
                .withBody(Fixtures.bytes("feeds/kaiserslautern.rss"))
                .withFixedDelay(SLOW_SOURCE_DELAY_MILLIS)));
        server.stubFor(get("/alt/rss.xml").willReturn(aResponse().withStatus(301)
                .withHeader("Location", base() + "/presse/rss.xml")));
        server.stubFor(get("/nach-innen/feed").willReturn(aResponse().withStatus(302)
                .withHeader("Location", loopback() + "/intern/geheim")));
        server.stubFor(get("/intern/geheim").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody(Fixtures.bytes("feeds/kaiserslautern.rss"))));
        server.stubFor(get("/alt/meldungen/").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/meldungen/")));
        server.stubFor(get("/kreis/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/kreis/b")));
        server.stubFor(get("/kreis/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/kreis/a")));
        for (int hop = 0; hop < 8; hop++) {
            server.stubFor(get("/kette/" + hop).willReturn(aResponse().withStatus(307)
                    .withHeader("Location", "/kette/" + (hop + 1))));
        }

        sources = List.of(
                        new Source("kaiserslautern-presse", "Kaiserslautern", url("/presse/rss.xml"), SourceKind.AUTO, Duration.ofMinutes(30), null),
                        new Source("kommune21", null, url("/meldungen/"), SourceKind.HTML, Duration.ofMinutes(30), KOMMUNE21),
                        new Source("mannheim-presse", "Mannheim", url("/kaputt/feed"), SourceKind.AUTO, Duration.ofMinutes(30), null),
                        new Source("mannheim-stadt", "Mannheim", url("/mannheim/presse.atom"), SourceKind.AUTO, Duration.ofMinutes(30), null),
                        new Source("huerth-presse", "Hürth", url("/startseite/feed"), SourceKind.AUTO, Duration.ofMinutes(30), null),
                        new Source("ulm-presse", "Ulm", url("/langsam/feed"), SourceKind.AUTO, Duration.ofMinutes(30), null),
                        new Source("kaiserslautern-alt", "Kaiserslautern", url("/alt/rss.xml"), SourceKind.RSS, Duration.ofMinutes(30), null),
                        new Source("kommune21-alt", null, url("/alt/meldungen/"), SourceKind.HTML, Duration.ofMinutes(30), KOMMUNE21),
                        new Source("loop-presse", "Ulm", url("/kreis/a"), SourceKind.RSS, Duration.ofMinutes(30), null),
                        new Source("chain-presse", "Ulm", url("/kette/0"), SourceKind.RSS, Duration.ofMinutes(30), null),
                        new Source("intern-direkt", "Ulm", URI.create(loopback() + "/intern/geheim"), SourceKind.RSS, Duration.ofMinutes(30), null),
                        new Source("intern-umleitung", "Ulm", url("/nach-innen/feed"), SourceKind.RSS, Duration.ofMinutes(30), null),
                        new Source("mannheim-atom", "Mannheim", URI.create("classpath:feeds/mannheim.atom"), SourceKind.ATOM, Duration.ofMinutes(30), null),
                        new Source("frankfurt-datei", "Frankfurt am Main", URI.create("file:///nicht/vorhanden/frankfurt.rdf"), SourceKind.RDF, Duration.ofMinutes(30), null))
                .stream().collect(Collectors.toMap(Source::id, Function.identity()));

        database = TestDatabase.open();
        itemStore = new ItemStore(database.dataSource(), CatalogueJson.mapper());
        sourceStore = new SourceStore(database.dataSource());
        sourceStore.register(sources.values());
        clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        projectStore = new ProjectStore(database.dataSource(), CatalogueJson.mapper());
        ProjectCatalogue projects = new ProjectCatalogue(IngestRoutesTest.projects, projectStore, clock);
        projects.install();
        IngestSteps steps = new IngestSteps(SourceRegistry.of(sources.values()), new BodyReader(FETCH.maxBytes()), FETCH.maxRedirects(), PlaceRecognizer.withBundledGazetteer(),
                tagger, itemStore, projects, sourceStore, clock);
        unusedElasticsearch = ElasticsearchClients.create("http://127.0.0.1:1", CatalogueJson.mapper());
        ItemIndexer indexer = new ItemIndexer(new ItemIndex(unusedElasticsearch, clock), itemStore,
                projectStore, new EditorialStore(database.dataSource(), CatalogueJson.mapper()));

        camel = new DefaultCamelContext();
        camel.addRoutes(new IngestErrorHandling(steps));
        camel.addRoutes(new IngestRoutes(steps, indexer, FETCH, false, Optional.empty()));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
        unusedElasticsearch._transport().close();
        database.close();
    }

    private static String base() {
        return "http://" + FEEDS_HOST + ":" + server.port();
    }

    private static String loopback() {
        return "http://127.0.0.1:" + server.port();
    }

    private static URI url(String path) {
        return URI.create(base() + path);
    }

    private IngestOutcome ingest(String sourceId) {
        Exchange done = producer.send(IngestRoutes.INGEST, exchange -> exchange.getMessage().setHeader(IngestSteps.SOURCE_ID, sourceId));
        IngestOutcome outcome = done.getProperty(IngestSteps.OUTCOME, IngestOutcome.class);
        assertThat(outcome).as("outcome of " + sourceId).isNotNull();
        assertThat(done.getException()).as("the error handler handles every failure").isNull();
        return outcome;
    }

    private SourceStatus status(String sourceId) throws Exception {
        return sourceStore.statuses(List.of(sourceId)).getFirst();
    }

    private List<NewsItem> storedItems() throws Exception {
        return itemStore.notYetIndexed(1000).stream().map(VersionedItem::item).toList();
    }

    private NewsItem storedItemWithUrlEnding(String end) throws Exception {
        return storedItems().stream().filter(item -> item.url().endsWith(end)).findFirst()
                .orElseThrow(() -> new AssertionError("no stored item with URL ending in " + end));
    }

    @Test
    void storesTheItemsOfAGoodFeedOnceAndFindsThemUnchangedOnTheNextPoll() throws Exception {
        IngestOutcome first = ingest("kaiserslautern-presse");

        assertThat(first.succeeded()).isTrue();
        assertThat(first.sourceId()).isEqualTo("kaiserslautern-presse");
        assertThat(first.stored()).contains(new UpsertResult(4, 0, 0, 0));
        assertThat(itemStore.count()).isEqualTo(4);

        clock.advance(Duration.ofMinutes(30));
        IngestOutcome second = ingest("kaiserslautern-presse");

        assertThat(second.stored()).contains(new UpsertResult(0, 0, 4, 0));
        assertThat(itemStore.count()).isEqualTo(4);
        assertThat(storedItems()).allSatisfy(item -> assertThat(item.sourceIds()).containsExactly("kaiserslautern-presse"));
    }

    @Test
    void linksStoredItemsToTheProjectsTheyNameInTheirPlaceAndKeepsTheLinksOnTheNextPoll() throws Exception {
        ingest("kaiserslautern-presse");
        ingest("kommune21");

        NewsItem sensors = storedItemWithUrlEnding("parksensoren-melden-freie-stellplaetze.html");
        NewsItem mannheim = storedItems().stream().filter(item -> item.title().startsWith("Mannheim:")).findFirst().orElseThrow();
        Map<String, List<ProjectLink>> links = projectStore.linksOf(List.of(sensors.id(), mannheim.id()));
        assertThat(links.get(sensors.id())).as("not Frankfurt's project of the same alias").containsExactly(new ProjectLink(
                "kl-parksensoren", "Parksensoren Innenstadt", "Titel nennt „Parksensoren“, Ort Kaiserslautern", "auto"));
        assertThat(links.get(mannheim.id())).extracting(ProjectLink::slug, ProjectLink::reason).containsExactly(
                tuple("ma-barrierefrei-parken", "Titel nennt „barrierefreien Parken“, Ort Mannheim"));
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_projects")).isEqualTo(2);
        long versions = database.queryLong("SELECT SUM(version) FROM items");

        clock.advance(Duration.ofMinutes(30));
        ingest("kaiserslautern-presse");
        ingest("kommune21");

        assertThat(database.queryLong("SELECT COUNT(*) FROM item_projects")).isEqualTo(2);
        assertThat(database.queryLong("SELECT SUM(version) FROM items")).as("nothing to index again").isEqualTo(versions);
    }

    @Test
    void storesCleanPlacedAndTaggedItems() throws Exception {
        ingest("kaiserslautern-presse");

        NewsItem parking = storedItemWithUrlEnding("parksensoren-melden-freie-stellplaetze.html");
        assertThat(parking.url()).isEqualTo("https://www.kaiserslautern.de/aktuelles/pressemitteilungen/2026/"
                + "parksensoren-melden-freie-stellplaetze.html");
        assertThat(parking.published()).isEqualTo(Instant.parse("2026-11-18T09:30:00Z"));
        assertThat(parking.publishedEstimated()).isFalse();
        assertThat(parking.summary()).startsWith("Rund 400 Bodensensoren").doesNotContain("<p>", "&nbsp;");
        assertThat(parking.place().name()).isEqualTo("Kaiserslautern");
        assertThat(parking.place().ags()).isEqualTo("07312000");
        assertThat(parking.themes()).extracting(ThemeAssignment::id).contains("parking");
        assertThat(parking.fields()).contains("Mobilität");

        NewsItem lights = storedItemWithUrlEnding("smarte-laternen-dimmen-nachts.html");
        assertThat(lights.summary()).doesNotContain("trackTeaser");

        NewsItem playground = storedItemWithUrlEnding("spielplatz-buergerpark-neugestaltung.html");
        assertThat(playground.themes()).extracting(ThemeAssignment::id).doesNotContain("parking");
    }

    @Test
    void storesAnHtmlListingWithThePlacesItsTitlesName() throws Exception {
        IngestOutcome outcome = ingest("kommune21");

        assertThat(outcome.stored()).contains(new UpsertResult(3, 0, 0, 0));
        assertThat(storedItems()).extracting(NewsItem::place).extracting(Place::name)
                .containsExactlyInAnyOrder("Mannheim", "Landkreis Hof", "Frankfurt am Main");
        NewsItem hof = storedItemWithUrlEnding("kreis-hof-glasfaser-ortsteile");
        assertThat(hof.url()).isEqualTo(base() + "/meldungen/kreis-hof-glasfaser-ortsteile");
        assertThat(hof.summary()).doesNotEndWith("mehr…");
        assertThat(hof.published()).isEqualTo(Instant.parse("2026-11-18T13:30:00Z"));
        NewsItem frankfurt = storedItemWithUrlEnding("frankfurt-anwohnerparkausweis-digital");
        assertThat(frankfurt.url()).isEqualTo("https://www.kommune21.de/meldungen/frankfurt-anwohnerparkausweis-digital");

        clock.advance(Duration.ofMinutes(30));
        assertThat(ingest("kommune21").stored()).contains(new UpsertResult(0, 0, 3, 0));
        assertThat(status("kommune21").status()).isEqualTo("ok");
        assertThat(status("kommune21").itemCount()).isEqualTo(3);
    }

    @Test
    void recordsServerErrorAsFailingSourceWithItsStatus() throws Exception {
        IngestOutcome outcome = ingest("mannheim-presse");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.sourceId()).isEqualTo("mannheim-presse");
        assertThat(outcome.stored()).isEmpty();
        assertThat(outcome.error()).contains("HTTP 500");
        assertThat(itemStore.count()).isZero();

        clock.advance(Duration.ofMinutes(30));
        ingest("mannheim-presse");

        SourceStatus status = status("mannheim-presse");
        assertThat(status.status()).isEqualTo("failing");
        assertThat(status.consecutiveFailures()).isEqualTo(2);
        assertThat(status.lastError()).contains("HTTP 500");
        assertThat(status.lastAttempt()).isEqualTo(clock.instant());
        assertThat(status.lastSuccess()).isNull();
    }

    @Test
    void recordsHtmlPageInsteadOfFeedInWords() throws Exception {
        IngestOutcome outcome = ingest("huerth-presse");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("Antwort ist eine HTML-Seite statt eines Feeds.");
        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("failing");
        assertThat(status.consecutiveFailures()).isEqualTo(1);
        assertThat(status.lastError()).isEqualTo("Antwort ist eine HTML-Seite statt eines Feeds.");
    }

    @Test
    void refusesASourceOnALoopbackAddressBeforeConnecting() throws Exception {
        IngestOutcome outcome = ingest("intern-direkt");

        String refusal = "Adresse im internen Netz abgelehnt (Schutz vor SSRF): 127.0.0.1 ist eine Loopback-Adresse (der eigene Rechner).";
        assertThat(outcome.error()).isEqualTo(refusal);
        assertThat(status("intern-direkt").lastError()).isEqualTo(refusal);
        server.verify(0, getRequestedFor(urlEqualTo("/intern/geheim")));
        assertThat(itemStore.count()).isZero();
    }

    @Test
    void refusesARedirectFromAnAllowedHostToAnInternalAddress() throws Exception {
        IngestOutcome outcome = ingest("intern-umleitung");

        assertThat(outcome.error()).isEqualTo(
                "Adresse im internen Netz abgelehnt (Schutz vor SSRF): 127.0.0.1 ist eine Loopback-Adresse (der eigene Rechner).");
        server.verify(1, getRequestedFor(urlEqualTo("/nach-innen/feed")));
        server.verify(0, getRequestedFor(urlEqualTo("/intern/geheim")));
        assertThat(itemStore.count()).isZero();
    }

    @Test
    void givesUpOnASlowSourceAfterTheReadTimeout() throws Exception {
        long start = System.nanoTime();
        IngestOutcome outcome = ingest("ulm-presse");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome.succeeded()).isFalse();
        Matcher sentence = Pattern.compile("Zeitüberschreitung nach (\\d+(?:,\\d)?) s: (.+) hat nicht rechtzeitig geantwortet\\.")
                .matcher(outcome.error());
        assertThat(sentence.matches()).as(outcome.error()).isTrue();
        assertThat(sentence.group(2)).isEqualTo(FEEDS_HOST);
        // It reports how long the request waited: the read timeout, plus whatever a busy machine adds to it.
        double reportedSeconds = Double.parseDouble(sentence.group(1).replace(',', '.'));
        assertThat(reportedSeconds).isBetween(READ_TIMEOUT.toMillis() / 1000.0, took.toMillis() / 1000.0 + 0.05);
        assertThat(took).isLessThan(Duration.ofMillis(SLOW_SOURCE_DELAY_MILLIS - 2000));
        assertThat(status("ulm-presse").status()).isEqualTo("failing");
        assertThat(status("ulm-presse").consecutiveFailures()).isEqualTo(1);
        assertThat(itemStore.count()).isZero();
    }

    @Test
    void followsARedirectToTheFeed() throws Exception {
        IngestOutcome outcome = ingest("kaiserslautern-alt");

        assertThat(outcome.stored()).contains(new UpsertResult(4, 0, 0, 0));
        server.verify(getRequestedFor(urlEqualTo("/alt/rss.xml")));
        server.verify(getRequestedFor(urlEqualTo("/presse/rss.xml")));
        assertThat(status("kaiserslautern-alt").status()).isEqualTo("ok");
    }

    @Test
    void refusesARedirectLoop() throws Exception {
        IngestOutcome outcome = ingest("loop-presse");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("Weiterleitungsschleife");
        server.verify(1, getRequestedFor(urlEqualTo("/kreis/a")));
    }

    @Test
    void followsAtMostFiveRedirects() throws Exception {
        IngestOutcome outcome = ingest("chain-presse");

        assertThat(outcome.error()).startsWith("Mehr als 5 Weiterleitungen");
        server.verify(1, getRequestedFor(urlEqualTo("/kette/5")));
        server.verify(0, getRequestedFor(urlEqualTo("/kette/6")));
    }

    @Test
    void mergesTheSameStoriesFromTheRedirectedAndTheDirectSource() throws Exception {
        ingest("kaiserslautern-presse");

        IngestOutcome viaRedirect = ingest("kaiserslautern-alt");

        assertThat(viaRedirect.stored()).contains(new UpsertResult(0, 0, 4, 0));
        assertThat(itemStore.count()).isEqualTo(4);
        assertThat(storedItems()).allSatisfy(item ->
                assertThat(item.sourceIds()).containsExactly("kaiserslautern-alt", "kaiserslautern-presse"));
        assertThat(status("kaiserslautern-presse").itemCount()).isEqualTo(4);
        assertThat(status("kaiserslautern-alt").itemCount()).isEqualTo(4);
    }

    @Test
    void aCityFeedAndAPortalListingCarryingTheSameStoryMakeOneItemWithBothSources() throws Exception {
        // Mannheim's feed has the story on 19 November; Kommune21's listing rewrites it on 21 November.
        assertThat(ingest("mannheim-stadt").stored()).contains(new UpsertResult(2, 0, 0, 0));

        IngestOutcome portal = ingest("kommune21");

        assertThat(portal.stored()).as("Hof and Frankfurt are new, Mannheim is known").contains(new UpsertResult(2, 0, 0, 1));
        assertThat(itemStore.count()).isEqualTo(4);
        NewsItem sensors = storedItemWithUrlEnding("sensoren-freie-behindertenparkplaetze");
        assertThat(sensors.title()).isEqualTo("Sensoren zeigen freie Behindertenparkplätze in der Innenstadt an");
        assertThat(sensors.sourceIds()).containsExactly("kommune21", "mannheim-stadt");
        assertThat(sensors.merged()).singleElement().satisfies(report -> {
            assertThat(report.source()).isEqualTo("kommune21");
            assertThat(report.url()).isEqualTo(base() + "/meldungen/mannheim-orientierung-barrierefreies-parken");
            assertThat(report.title()).isEqualTo("Mannheim: Sensoren erleichtern die Orientierung beim barrierefreien Parken");
            assertThat(report.reason()).startsWith("Gleiche Meldung wie bei mannheim-stadt: ")
                    .contains("2 Tage Abstand, gleicher Ort Mannheim (AGS 08222000)");
        });
        assertThat(status("kommune21").itemCount()).as("the portal still counts the story").isEqualTo(3);

        clock.advance(Duration.ofMinutes(30));
        assertThat(ingest("kommune21").stored()).contains(new UpsertResult(0, 0, 3, 0));
        assertThat(ingest("mannheim-stadt").stored()).contains(new UpsertResult(0, 0, 2, 0));
        assertThat(itemStore.count()).isEqualTo(4);
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_aliases")).isEqualTo(1);
    }

    @Test
    void resolvesRelativeLinksOfARedirectedListingAgainstWhereItNowLives() throws Exception {
        // /alt/meldungen/ moved to /meldungen/; the listing's link "kreis-hof-glasfaser-ortsteile" is relative to the new place.
        ingest("kommune21-alt");

        assertThat(storedItemWithUrlEnding("kreis-hof-glasfaser-ortsteile").url())
                .isEqualTo(base() + "/meldungen/kreis-hof-glasfaser-ortsteile");
    }

    @Test
    void identifiesItselfWithTheProjectUserAgentAndSendsNoInternalHeaders() throws Exception {
        ingest("kaiserslautern-presse");
        ingest("kommune21");
        ingest("mannheim-presse");
        ingest("kaiserslautern-alt");

        List<LoggedRequest> requests = server.findAll(getRequestedFor(anyUrl()));
        assertThat(requests).hasSize(5);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getHeader("User-Agent")).isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
            assertThat(request.getHeaders().keys()).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("catalogue")
                    || name.toLowerCase(Locale.ROOT).startsWith("camel"));
        });
        server.verify(getRequestedFor(urlEqualTo("/presse/rss.xml")).withHeader(IngestSteps.SOURCE_ID, absent()));
    }

    @Test
    void oneBrokenSourceDoesNotStopTheOthers() throws Exception {
        List<String> order = List.of("mannheim-presse", "huerth-presse", "kaiserslautern-presse", "ulm-presse", "kommune21",
                "kaiserslautern-alt");
        Map<String, Boolean> succeeded = order.stream()
                .collect(Collectors.toMap(Function.identity(), id -> ingest(id).succeeded()));

        assertThat(succeeded).containsOnly(
                Map.entry("mannheim-presse", false), Map.entry("huerth-presse", false), Map.entry("ulm-presse", false),
                Map.entry("kaiserslautern-presse", true), Map.entry("kommune21", true), Map.entry("kaiserslautern-alt", true));
        assertThat(itemStore.count()).isEqualTo(7);
        List<SourceStatus> statuses = sourceStore.statuses(order);
        assertThat(statuses).filteredOn(s -> succeeded.get(s.id()))
                .allSatisfy(s -> {
                    assertThat(s.status()).isEqualTo("ok");
                    assertThat(s.consecutiveFailures()).isZero();
                    assertThat(s.lastError()).isNull();
                });
        assertThat(statuses).filteredOn(s -> !succeeded.get(s.id()))
                .allSatisfy(s -> {
                    assertThat(s.status()).isEqualTo("failing");
                    assertThat(s.consecutiveFailures()).isEqualTo(1);
                    assertThat(s.lastError()).isNotBlank();
                });
    }

    @Test
    void readsAClasspathSource() throws Exception {
        IngestOutcome outcome = ingest("mannheim-atom");

        assertThat(outcome.stored()).contains(new UpsertResult(2, 0, 0, 0));
        NewsItem sensors = storedItemWithUrlEnding("sensoren-freie-behindertenparkplaetze");
        assertThat(sensors.place().name()).isEqualTo("Mannheim");
        assertThat(sensors.themes()).extracting(ThemeAssignment::id).contains("parking");
    }

    @Test
    void recordsAMissingFileAsFailure() throws Exception {
        IngestOutcome outcome = ingest("frankfurt-datei");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("Datei nicht gefunden").contains("frankfurt.rdf");
        assertThat(status("frankfurt-datei").status()).isEqualTo("failing");
    }

    @Test
    void reportsAnUnknownSourceWithoutStoringAnything() throws Exception {
        IngestOutcome outcome = ingest("gibt-es-nicht");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).contains("unknown or paused source 'gibt-es-nicht'");
        assertThat(itemStore.count()).isZero();
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void recoversWhenABrokenSourceWorksAgain() throws Exception {
        ingest("mannheim-presse");
        ingest("mannheim-presse");
        server.stubFor(get("/kaputt/feed").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml")
                .withBody(Fixtures.bytes("feeds/mannheim.atom"))));
        clock.advance(Duration.ofMinutes(30));

        IngestOutcome outcome = ingest("mannheim-presse");

        assertThat(outcome.stored()).contains(new UpsertResult(2, 0, 0, 0));
        SourceStatus status = status("mannheim-presse");
        assertThat(status.status()).isEqualTo("ok");
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.lastError()).isNull();
        assertThat(status.lastSuccess()).isEqualTo(clock.instant());
    }
}
