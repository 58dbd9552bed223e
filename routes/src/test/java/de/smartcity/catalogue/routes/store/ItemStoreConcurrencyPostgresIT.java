package de.smartcity.catalogue.routes.store;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.routes.store.LocalPostgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two polls storing at the same moment, each through its own connection pool as two app instances (or two
 * sources' routes) would, on a real PostgreSQL server: the same story becomes one item with both sources,
 * and neither poll fails.
 *
 * <p>Where the order of events matters, a third connection holds a lock that both polls need, so that both
 * are inside their transactions at once, and lets go only when the server shows both waiting.
 */
class ItemStoreConcurrencyPostgresIT {

    @RegisterExtension
    static final LocalPostgres POSTGRES = new LocalPostgres();

    private static final ObjectMapper JSON = CatalogueJson.mapper();
    private static final Instant POLL = Instant.parse("2026-11-24T09:00:00Z");
    private static final String CITY = "kaiserslautern-presse";
    private static final String PORTAL = "kommune21";

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private PostgresDatabase database;
    private ItemStore cityInstance;
    private ItemStore portalInstance;

    @BeforeEach
    void twoInstances() {
        database = POSTGRES.newDatabase();
        cityInstance = new ItemStore(database.openCatalogue(), JSON);
        portalInstance = new ItemStore(database.openCatalogue(), JSON);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        database.close();
    }

    @Test
    void sameNewStoryStoredByTwoSourcesAtOnceBecomesOneItemWithBothSources() throws Exception {
        NewsItem story = story("c0ffee0000000000000000000000000000000001");
        Future<UpsertResult> fromCity;
        Future<UpsertResult> fromPortal;
        try (Connection blocker = database.connect(); Connection monitor = database.connect()) {
            // Whoever inserts the item first then waits to read item_sources; the other waits on that insert.
            blocker.setAutoCommit(false);
            execute(blocker, "LOCK TABLE item_sources IN ACCESS EXCLUSIVE MODE");
            fromCity = threads.submit(() -> cityInstance.upsert(List.of(sighting(story, CITY)), POLL));
            fromPortal = threads.submit(() -> portalInstance.upsert(List.of(sighting(story, PORTAL)), POLL));
            awaitWaiting(monitor, 2, fromCity, fromPortal);
            blocker.commit();
        }

        UpsertResult city = fromCity.get(30, SECONDS);
        UpsertResult portal = fromPortal.get(30, SECONDS);

        assertThat(city.inserted() + portal.inserted()).as("stories reported as new").isEqualTo(1);
        assertThat(city.unchanged() + portal.unchanged()).as("stories reported as known").isEqualTo(1);
        assertThat(cityInstance.count()).isEqualTo(1);
        NewsItem stored = portalInstance.find(story.id()).orElseThrow();
        assertThat(stored.sourceIds()).containsExactly(CITY, PORTAL);
        assertThat(stored.title()).isEqualTo(story.title());
        // Inserted, then joined by the second source: the index must show both.
        assertThat(cityInstance.notYetIndexed(10)).singleElement().extracting(VersionedItem::version).isEqualTo(2L);
    }

    @Test
    void manyStoriesRacedByTwoSourcesEndAsOneItemEachWithBothSources() throws Exception {
        int stories = 30;
        List<NewsItem> told = new ArrayList<>();
        int inserted = 0;
        for (int i = 0; i < stories; i++) {
            NewsItem story = story("%040x".formatted(0xbeef00L + i));
            told.add(story);
            CyclicBarrier together = new CyclicBarrier(2);
            Future<UpsertResult> fromCity = threads.submit(atOnce(together,
                    () -> cityInstance.upsert(List.of(sighting(story, CITY)), POLL)));
            Future<UpsertResult> fromPortal = threads.submit(atOnce(together,
                    () -> portalInstance.upsert(List.of(sighting(story, PORTAL)), POLL)));
            inserted += fromCity.get(30, SECONDS).inserted() + fromPortal.get(30, SECONDS).inserted();
        }

        assertThat(inserted).as("stories reported as new").isEqualTo(stories);
        assertThat(cityInstance.count()).isEqualTo(stories);
        for (NewsItem story : told) {
            assertThat(portalInstance.find(story.id()).orElseThrow().sourceIds()).as(story.id()).containsExactly(CITY, PORTAL);
        }
    }

    @Test
    void newStoriesCarriedInOppositeOrderByTwoSourcesAtOnceAreAllStored() throws Exception {
        // A city feed and a portal carry the same two new stories, each in its own order, plus one of their own.
        NewsItem first = story("d100000000000000000000000000000000000001");
        NewsItem second = story("d100000000000000000000000000000000000002");
        NewsItem cityOwn = story("d100000000000000000000000000000000000003");
        NewsItem portalOwn = story("d100000000000000000000000000000000000004");
        List<Sighting> cityPoll = List.of(sighting(first, CITY), sighting(cityOwn, CITY), sighting(second, CITY));
        List<Sighting> portalPoll = List.of(sighting(second, PORTAL), sighting(portalOwn, PORTAL), sighting(first, PORTAL));
        Future<UpsertResult> fromCity;
        Future<UpsertResult> fromPortal;
        try (Connection blocker = database.connect(); Connection monitor = database.connect()) {
            // Another writer is storing each source's own story right now: each poll gets one story in, then waits.
            blocker.setAutoCommit(false);
            insertRawItem(blocker, cityOwn);
            insertRawItem(blocker, portalOwn);
            fromCity = threads.submit(() -> cityInstance.upsert(cityPoll, POLL));
            fromPortal = threads.submit(() -> portalInstance.upsert(portalPoll, POLL));
            awaitWaiting(monitor, 2, fromCity, fromPortal);
            blocker.rollback();
        }

        UpsertResult city = fromCity.get(30, SECONDS);
        UpsertResult portal = fromPortal.get(30, SECONDS);

        assertThat(city.total() + portal.total()).isEqualTo(6);
        assertThat(cityInstance.count()).isEqualTo(4);
        assertThat(cityInstance.find(first.id()).orElseThrow().sourceIds()).containsExactly(CITY, PORTAL);
        assertThat(cityInstance.find(second.id()).orElseThrow().sourceIds()).containsExactly(CITY, PORTAL);
        assertThat(cityInstance.find(cityOwn.id()).orElseThrow().sourceIds()).containsExactly(CITY);
        assertThat(cityInstance.find(portalOwn.id()).orElseThrow().sourceIds()).containsExactly(PORTAL);
    }

    @Test
    void knownStoriesCarriedInOppositeOrderByTwoSourcesAtOnceAreMarkedSeen() throws Exception {
        NewsItem first = story("d200000000000000000000000000000000000001");
        NewsItem second = story("d200000000000000000000000000000000000002");
        NewsItem cityOwn = story("d200000000000000000000000000000000000003");
        NewsItem portalOwn = story("d200000000000000000000000000000000000004");
        List<Sighting> cityPoll = List.of(sighting(first, CITY), sighting(cityOwn, CITY), sighting(second, CITY));
        List<Sighting> portalPoll = List.of(sighting(second, PORTAL), sighting(portalOwn, PORTAL), sighting(first, PORTAL));
        cityInstance.upsert(cityPoll, POLL);
        portalInstance.upsert(portalPoll, POLL);
        Instant nextPoll = POLL.plus(Duration.ofMinutes(30));
        Future<UpsertResult> fromCity;
        Future<UpsertResult> fromPortal;
        try (Connection blocker = database.connect(); Connection monitor = database.connect()) {
            // Another writer (the indexer marking items indexed, an editor) holds each source's own story right now.
            blocker.setAutoCommit(false);
            execute(blocker, "SELECT id FROM items WHERE id IN ('" + cityOwn.id() + "', '" + portalOwn.id() + "') FOR UPDATE");
            fromCity = threads.submit(() -> cityInstance.upsert(cityPoll, nextPoll));
            fromPortal = threads.submit(() -> portalInstance.upsert(portalPoll, nextPoll));
            awaitWaiting(monitor, 2, fromCity, fromPortal);
            blocker.commit();
        }

        UpsertResult city = fromCity.get(30, SECONDS);
        UpsertResult portal = fromPortal.get(30, SECONDS);

        assertThat(city).isEqualTo(new UpsertResult(0, 0, 3, 0));
        assertThat(portal).isEqualTo(new UpsertResult(0, 0, 3, 0));
        for (NewsItem story : List.of(first, second, cityOwn, portalOwn)) {
            assertThat(cityInstance.find(story.id()).orElseThrow().lastSeen()).as(story.id()).isEqualTo(nextPoll);
        }
        assertThat(cityInstance.find(first.id()).orElseThrow().sourceIds()).containsExactly(CITY, PORTAL);
    }

    @Test
    void cityAndPortalReportsOfOneStoryStoredAtOnceBecomeOneItem() throws Exception {
        Place mannheim = new Place("Mannheim", PlaceKind.MUNICIPALITY, "08222000", "Baden-Württemberg", "Mannheim", 49.488,
                8.466, "Stadt der Quelle: 'Mannheim'");
        NewsItem city = new NewsItem("c100000000000000000000000000000000000001",
                "Sensoren zeigen freie Behindertenparkplätze in der Innenstadt an",
                "In den Mannheimer Quadraten sind 85 Schwerbehindertenparkplätze mit Bodensensoren ausgestattet worden.",
                "https://www.mannheim.de/de/presse/sensoren", POLL, false, POLL, POLL, List.of(), List.of(), mannheim,
                List.of(), List.of(), "de");
        NewsItem portal = new NewsItem("c100000000000000000000000000000000000002",
                "Mannheim: Sensoren erleichtern die Orientierung beim barrierefreien Parken",
                "Die Stadt Mannheim hat 85 Schwerbehindertenparkplätze in den Quadraten mit Bodensensoren ausgestattet.",
                "https://www.kommune21.de/meldungen/mannheim-sensoren", POLL.plus(Duration.ofDays(2)), false, POLL, POLL,
                List.of(), List.of(), mannheim, List.of(), List.of(), "de");
        Future<UpsertResult> fromCity;
        Future<UpsertResult> fromPortal;
        try (Connection blocker = database.connect(); Connection monitor = database.connect()) {
            // A third poll is storing a new Mannheim story right now: both wait for Mannheim's block, then take turns.
            execute(blocker, "INSERT INTO dedup_blocks (block_key) VALUES ('08222000')");
            blocker.setAutoCommit(false);
            execute(blocker, "SELECT block_key FROM dedup_blocks WHERE block_key = '08222000' FOR UPDATE");
            fromCity = threads.submit(() -> cityInstance.upsert(List.of(sighting(city, "mannheim-presse")), POLL));
            fromPortal = threads.submit(() -> portalInstance.upsert(List.of(sighting(portal, PORTAL)), POLL));
            awaitWaiting(monitor, 2, fromCity, fromPortal);
            blocker.commit();
        }

        UpsertResult fromTheCity = fromCity.get(30, SECONDS);
        UpsertResult fromThePortal = fromPortal.get(30, SECONDS);

        assertThat(fromTheCity.inserted() + fromThePortal.inserted()).as("stories reported as new").isEqualTo(1);
        assertThat(fromTheCity.merged() + fromThePortal.merged()).as("reports merged").isEqualTo(1);
        assertThat(cityInstance.count()).isEqualTo(1);
        assertThat(cityInstance.notYetIndexed(10)).singleElement().satisfies(item -> {
            assertThat(item.item().sourceIds()).containsExactly(PORTAL, "mannheim-presse");
            assertThat(item.item().merged()).hasSize(1);
        });
    }

    private static NewsItem story(String id) {
        return new NewsItem(id, "Parksensoren melden freie Stellplätze " + id.substring(id.length() - 4),
                "Rund 400 Bodensensoren erfassen, ob ein Stellplatz belegt ist.",
                "https://www.kaiserslautern.de/aktuelles/" + id + ".html", POLL, false, POLL, POLL, List.of(), List.of(),
                null, List.of(), List.of(), "de");
    }

    private static Sighting sighting(NewsItem story, String sourceId) {
        return new Sighting(story, sourceId, "guid-" + story.id(), story.url());
    }

    private static <T> Callable<T> atOnce(CyclicBarrier together, Callable<T> work) {
        return () -> {
            together.await(30, SECONDS);
            return work.call();
        };
    }

    /** Waits until {@code count} sessions of this database wait for a lock, or one of the polls has ended. */
    private static void awaitWaiting(Connection monitor, int count, Future<?>... polls) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int waiting = 0;
        while (System.nanoTime() < deadline) {
            if (Arrays.stream(polls).anyMatch(Future::isDone)) {
                return; // it failed or never waited: its result tells
            }
            try (Statement statement = monitor.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity "
                         + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                rows.next();
                waiting = rows.getInt(1);
            }
            if (waiting >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Expected " + count + " sessions waiting for a lock, saw " + waiting);
    }

    private static void insertRawItem(Connection connection, NewsItem story) throws SQLException {
        execute(connection, "INSERT INTO items (id, url, title, summary, published, published_estimated, first_seen, "
                + "last_seen, language, themes_json, fields_json, content_hash, version) VALUES ('" + story.id() + "', '"
                + story.url() + "', 'x', '', NOW(), FALSE, NOW(), NOW(), 'de', '[]', '[]', 'x', 1)");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
