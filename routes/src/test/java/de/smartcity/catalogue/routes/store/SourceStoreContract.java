package de.smartcity.catalogue.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.model.SourceStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the source store promises, whichever database holds the sources: {@link SourceStoreTest} runs it on
 * H2, {@link SourceStorePostgresIT} on a real PostgreSQL server.
 */
abstract class SourceStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Source HUERTH = new Source("huerth-presse", "Hürth",
            URI.create("https://www.huerth.de/aktuelles/rss.xml"), SourceKind.AUTO, Duration.ofMinutes(30), null);
    private static final Source KOMMUNE21 = new Source("kommune21", null, URI.create("https://www.kommune21.de/meldungen/"),
            SourceKind.HTML, Duration.ofMinutes(30), new HtmlSelectors("article.teaser", "h3", "h3 a[href]", "time", "dd.MM.yyyy", "p"));
    private static final List<String> BOTH = List.of("huerth-presse", "kommune21");

    private StoreDatabase database;
    private SourceStore sources;

    /** A fresh, migrated database for one test. */
    protected abstract StoreDatabase openDatabase();

    @BeforeEach
    void registerSources() throws Exception {
        database = openDatabase();
        sources = new SourceStore(database.dataSource());
        sources.register(List.of(HUERTH, KOMMUNE21));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private SourceStatus status(String id) throws Exception {
        return sources.statuses(List.of(id)).getFirst();
    }

    @Test
    void registeredSourceIsNeverFetched() throws Exception {
        List<SourceStatus> statuses = sources.statuses(BOTH);

        assertThat(statuses).extracting(SourceStatus::id).containsExactly("huerth-presse", "kommune21");
        SourceStatus huerth = statuses.getFirst();
        assertThat(huerth.status()).isEqualTo("never-fetched");
        assertThat(huerth.city()).isEqualTo("Hürth");
        assertThat(huerth.url()).isEqualTo("https://www.huerth.de/aktuelles/rss.xml");
        assertThat(huerth.kind()).isEqualTo("auto");
        assertThat(huerth.lastAttempt()).isNull();
        assertThat(huerth.lastSuccess()).isNull();
        assertThat(huerth.consecutiveFailures()).isZero();
        assertThat(huerth.itemCount()).isZero();
        assertThat(statuses.get(1).city()).isNull();
        assertThat(statuses.get(1).kind()).isEqualTo("html");
    }

    @Test
    void recordsSuccess() throws Exception {
        sources.recordSuccess("huerth-presse", T0);

        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("ok");
        assertThat(status.lastAttempt()).isEqualTo(T0);
        assertThat(status.lastSuccess()).isEqualTo(T0);
        assertThat(status.lastError()).isNull();
        assertThat(status.consecutiveFailures()).isZero();
    }

    @Test
    void countsConsecutiveFailuresAndKeepsTheLastError() throws Exception {
        sources.recordSuccess("huerth-presse", T0);
        sources.recordFailure("huerth-presse", T0.plus(Duration.ofMinutes(30)), "Server antwortet mit HTTP 500 (Server Error).");
        sources.recordFailure("huerth-presse", T0.plus(Duration.ofMinutes(60)), "Zeitüberschreitung: Read timed out");

        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("failing");
        assertThat(status.consecutiveFailures()).isEqualTo(2);
        assertThat(status.lastError()).isEqualTo("Zeitüberschreitung: Read timed out");
        assertThat(status.lastAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
        assertThat(status.lastSuccess()).isEqualTo(T0);
        assertThat(status("kommune21").status()).isEqualTo("never-fetched");
    }

    @Test
    void successAfterFailuresResetsTheCountAndClearsTheError() throws Exception {
        sources.recordFailure("huerth-presse", T0, "Server antwortet mit HTTP 503.");
        sources.recordFailure("huerth-presse", T0.plus(Duration.ofMinutes(30)), "Server antwortet mit HTTP 503.");

        sources.recordSuccess("huerth-presse", T0.plus(Duration.ofMinutes(60)));

        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("ok");
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.lastError()).isNull();
        assertThat(status.lastSuccess()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    }

    @Test
    void shortensVeryLongErrors() throws Exception {
        String huge = "Feed ist kein gültiges RSS/Atom: " + "x".repeat(5000);

        sources.recordFailure("huerth-presse", T0, huge);

        String stored = status("huerth-presse").lastError();
        assertThat(stored).hasSize(2000).startsWith("Feed ist kein gültiges RSS/Atom: xxx").endsWith("…");
    }

    @Test
    void registeringAgainUpdatesTheSourceButKeepsItsHealth() throws Exception {
        sources.recordFailure("huerth-presse", T0, "Server antwortet mit HTTP 404 (Not Found).");
        Source moved = new Source("huerth-presse", "Hürth", URI.create("https://www.huerth.de/presse/feed.atom"), SourceKind.ATOM,
                Duration.ofMinutes(30), null);

        sources.register(List.of(moved, KOMMUNE21));

        SourceStatus status = status("huerth-presse");
        assertThat(status.url()).isEqualTo("https://www.huerth.de/presse/feed.atom");
        assertThat(status.kind()).isEqualTo("atom");
        assertThat(status.status()).isEqualTo("failing");
        assertThat(status.consecutiveFailures()).isEqualTo(1);
        assertThat(database.queryLong("SELECT COUNT(*) FROM sources")).isEqualTo(2);
    }

    @Test
    void listsOnlySourcesOfTheCurrentSourcesFile() throws Exception {
        assertThat(sources.statuses(List.of("kommune21"))).extracting(SourceStatus::id).containsExactly("kommune21");
    }

    @Test
    void countsItemsPerSource() throws Exception {
        ItemStore items = new ItemStore(database.dataSource(), CatalogueJson.mapper());
        NewsItem shared = item("aaaaaaaaaaaaaaaaaaa1", "Hürth: Räumpläne online");
        NewsItem portalOnly = item("aaaaaaaaaaaaaaaaaaa2", "Mannheim: Sensoren am Parkplatz");
        NewsItem cityOnly = item("aaaaaaaaaaaaaaaaaaa3", "Neue Ladesäulen am Rathaus");
        items.upsert(List.of(sighting(shared, "huerth-presse"), sighting(cityOnly, "huerth-presse")), T0);
        items.upsert(List.of(sighting(shared, "kommune21"), sighting(portalOnly, "kommune21")), T0);

        List<SourceStatus> statuses = sources.statuses(BOTH);

        assertThat(statuses).extracting(SourceStatus::id, SourceStatus::itemCount)
                .containsExactly(tuple("huerth-presse", 2L),
                        tuple("kommune21", 2L));
        assertThat(items.count()).isEqualTo(3);
    }

    private static NewsItem item(String id, String title) {
        return new NewsItem(id, title, "", "https://www.huerth.de/" + id, T0, false, T0, T0, List.of(), null, List.of(), List.of(), "de");
    }

    private static Sighting sighting(NewsItem item, String sourceId) {
        return new Sighting(item, sourceId, null, item.url());
    }
}
