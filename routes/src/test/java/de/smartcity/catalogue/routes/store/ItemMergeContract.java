package de.smartcity.catalogue.routes.store;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.MergedReport;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.model.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One story, one item, whichever database holds the items: a city's press release and a portal's report of it under
 * another URL become one item with both sources; an editor merges what the machine missed and splits what it merged
 * wrongly, and later polls keep to that. {@link ItemMergeTest} runs it on H2, {@link ItemMergePostgresIT} on a real
 * PostgreSQL server.
 */
abstract class ItemMergeContract {
    private static final Instant POLL = Instant.parse("2026-11-24T09:00:00Z");
    private static final String CITY = "mannheim-presse";
    private static final String PORTAL = "kommune21";
    private static final Place MANNHEIM = place("Mannheim", "08222000");
    private static final Instant CITY_PUBLISHED = Instant.parse("2026-11-19T09:15:00Z");
    // The portal's listing gives the day only: 21 November, midnight in Germany.
    private static final Instant PORTAL_PUBLISHED = Instant.parse("2026-11-20T23:00:00Z");
    private static final String CITY_TITLE = "Sensoren zeigen freie Behindertenparkplätze in der Innenstadt an";
    private static final String CITY_TEASER = "In den Mannheimer Quadraten sind 85 Schwerbehindertenparkplätze mit "
            + "Bodensensoren ausgestattet worden. Ob ein Platz frei ist, sehen Menschen mit Behinderung auf einer "
            + "Online-Karte und in der Stadt-App.";
    private static final String PORTAL_TITLE = "Mannheim: Sensoren erleichtern die Orientierung beim barrierefreien Parken";
    private static final String PORTAL_TEASER = "Die Stadt Mannheim hat 85 Schwerbehindertenparkplätze in den Quadraten "
            + "mit Bodensensoren ausgestattet. Eine Online-Karte und die Stadt-App zeigen, welche gerade frei sind.";

    private static final ApiKey EDITOR = new ApiKey("3f9a0c12b7e4", "Redaktion Kommune21", Role.EDITOR, POLL, null);

    private StoreDatabase database;
    private ItemStore store;
    private EditorialStore editorial;

    /** A fresh, migrated database for one test. */
    protected abstract StoreDatabase openDatabase();

    @BeforeEach
    void createStore() {
        database = openDatabase();
        store = new ItemStore(database.dataSource(), CatalogueJson.mapper());
        editorial = new EditorialStore(database.dataSource(), CatalogueJson.mapper());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static Place place(String name, String ags) {
        return new Place(name, PlaceKind.MUNICIPALITY, ags, "Baden-Württemberg", name, 49.488, 8.466, "Stadt der Quelle: '" + name + "'");
    }

    private static NewsItem story(String id, String url, String title, String teaser, Place place, Instant published) {
        return new NewsItem(id, title, teaser, url, published, false, POLL, POLL, List.of(), List.of(), place, List.of(),
                List.of(), "de");
    }

    private static NewsItem cityStory() {
        return story("c000000000000000000000000000000000000001", "https://www.mannheim.de/de/presse/sensoren-parkplaetze",
                CITY_TITLE, CITY_TEASER, MANNHEIM, CITY_PUBLISHED);
    }

    private static NewsItem portalStory() {
        return story("p000000000000000000000000000000000000001",
                "https://www.kommune21.de/meldungen/mannheim-orientierung-barrierefreies-parken", PORTAL_TITLE, PORTAL_TEASER,
                MANNHEIM, PORTAL_PUBLISHED);
    }

    private static Sighting sighting(NewsItem story, String sourceId) {
        return new Sighting(story, sourceId, "guid-" + story.id(), story.url() + "?utm_source=feed");
    }

    private UpsertResult poll(NewsItem story, String sourceId, Duration after) throws Exception {
        return store.upsert(List.of(sighting(story, sourceId)), POLL.plus(after));
    }

    @Test
    void aFirstPollSpanningMonthsFindsTheStoryNearEachOfItsReports() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        NewsItem spring = story("p000000000000000000000000000000000000002", "https://www.kommune21.de/meldungen/mannheim-fruehjahr",
                "Mannheim: Frühjahrsputz in den Quadraten", "Am Samstag sammeln Freiwillige in der Innenstadt Müll.",
                MANNHEIM, Instant.parse("2026-03-14T09:00:00Z"));

        UpsertResult result = store.upsert(List.of(sighting(spring, PORTAL), sighting(portalStory(), PORTAL)),
                POLL.plus(Duration.ofMinutes(5)));

        assertThat(result).isEqualTo(new UpsertResult(1, 0, 0, 1));
        assertThat(store.find(cityStory().id()).orElseThrow().sourceIds()).containsExactly(PORTAL, CITY);
    }

    @Test
    void aPortalsReportOfAStoredCityStoryJoinsItsItem() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);

        UpsertResult result = poll(portalStory(), PORTAL, Duration.ofMinutes(5));

        assertThat(result).isEqualTo(new UpsertResult(0, 0, 0, 1));
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find(portalStory().id())).isEmpty();
        NewsItem item = store.find(cityStory().id()).orElseThrow();
        assertThat(item.title()).as("the city carried it first").isEqualTo(CITY_TITLE);
        assertThat(item.sourceIds()).containsExactly(PORTAL, CITY);
        assertThat(item.merged()).singleElement().satisfies(report -> {
            assertThat(report.source()).isEqualTo(PORTAL);
            assertThat(report.url()).isEqualTo(portalStory().url());
            assertThat(report.title()).isEqualTo(PORTAL_TITLE);
            assertThat(report.similarity()).isBetween(0.6, 1.0);
            assertThat(report.reason()).startsWith("Gleiche Meldung wie bei mannheim-presse: ")
                    .endsWith(", 2 Tage Abstand, gleicher Ort Mannheim (AGS 08222000).");
        });
        assertThat(store.notYetIndexed(10)).singleElement().satisfies(pending -> {
            assertThat(pending.version()).as("the index must learn of the second source").isEqualTo(2);
            assertThat(pending.item().merged()).extracting(MergedReport::source).containsExactly(PORTAL);
        });
    }

    @Test
    void aStoryKeepsTheWordsItIsComparedByAndOneStoredWithoutThemIsAnalysed() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        assertThat(database.queryLong("SELECT COUNT(*) FROM items WHERE story_words LIKE '%sensor%85%'")).isEqualTo(1);
        // As an item stored before the store kept the words.
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement forget = connection.prepareStatement("UPDATE items SET story_words = NULL")) {
            forget.executeUpdate();
        }

        UpsertResult result = poll(portalStory(), PORTAL, Duration.ofMinutes(5));

        assertThat(result.merged()).isEqualTo(1);
    }

    @Test
    void aCityReportOfAStoredPortalStoryJoinsThePortalsItem() throws Exception {
        poll(portalStory(), PORTAL, Duration.ZERO);

        UpsertResult result = poll(cityStory(), CITY, Duration.ofMinutes(5));

        assertThat(result.merged()).isEqualTo(1);
        NewsItem item = store.find(portalStory().id()).orElseThrow();
        assertThat(item.title()).as("the portal carried it first").isEqualTo(PORTAL_TITLE);
        assertThat(item.sourceIds()).containsExactly(PORTAL, CITY);
        assertThat(item.merged()).singleElement().satisfies(report -> {
            assertThat(report.source()).isEqualTo(CITY);
            assertThat(report.reason()).startsWith("Gleiche Meldung wie bei kommune21: ");
        });
    }

    @Test
    void laterPollsOfAMergedReportFindTheItemThroughItsAliasAndChangeNothing() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        poll(portalStory(), PORTAL, Duration.ofMinutes(5));
        store.markIndexed(Map.of(cityStory().id(), 2L));

        UpsertResult portalAgain = poll(portalStory(), PORTAL, Duration.ofMinutes(35));
        UpsertResult cityAgain = poll(cityStory(), CITY, Duration.ofMinutes(30));
        // The portal edits its teaser: a merged report never changes the item.
        NewsItem edited = story(portalStory().id(), portalStory().url(), PORTAL_TITLE + " (aktualisiert)",
                PORTAL_TEASER, MANNHEIM, PORTAL_PUBLISHED);
        UpsertResult portalEdited = poll(edited, PORTAL, Duration.ofMinutes(65));

        assertThat(List.of(portalAgain, cityAgain, portalEdited)).containsOnly(new UpsertResult(0, 0, 1, 0));
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find(cityStory().id()).orElseThrow().title()).isEqualTo(CITY_TITLE);
        assertThat(store.find(cityStory().id()).orElseThrow().lastSeen()).isEqualTo(POLL.plus(Duration.ofMinutes(65)));
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_aliases")).isEqualTo(1);
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_sources")).isEqualTo(2);
        assertThat(store.notYetIndexed(10)).as("items waiting for the index").isEmpty();
    }

    @Test
    void keepsTheMergedReportsOwnAddressesForAnEditorWhoSplitsTheMerge() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        poll(portalStory(), PORTAL, Duration.ofMinutes(5));

        assertThat(database.queryLong("SELECT COUNT(*) FROM item_aliases WHERE alias_id = '" + portalStory().id()
                + "' AND item_id = '" + cityStory().id() + "' AND url = '" + portalStory().url() + "'")).isEqualTo(1);
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_sources WHERE item_id = '" + cityStory().id()
                + "' AND source_id = 'kommune21' AND guid = 'guid-" + portalStory().id() + "' AND source_url = '"
                + portalStory().url() + "?utm_source=feed'")).isEqualTo(1);
    }

    @Test
    void storiesOfDifferentPlacesAreNeverMerged() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        NewsItem elsewhere = story(portalStory().id(), portalStory().url(), CITY_TITLE, CITY_TEASER,
                place("Heidelberg", "08221000"), CITY_PUBLISHED);

        assertThat(poll(elsewhere, PORTAL, Duration.ofMinutes(5)).inserted()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void storiesPublishedMoreThanThreeDaysApartAreNeverMerged() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        NewsItem weekLater = story(portalStory().id(), portalStory().url(), CITY_TITLE, CITY_TEASER, MANNHEIM,
                CITY_PUBLISHED.plus(Duration.ofDays(7)));

        assertThat(poll(weekLater, PORTAL, Duration.ofMinutes(5)).inserted()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void aDifferentStoryOfTheSameCityAndDayStaysAnItemOfItsOwn() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        NewsItem fees = story(portalStory().id(), portalStory().url(), "Mannheim: Parkgebühren in den Quadraten steigen",
                "In der Mannheimer Innenstadt kostet das Parken ab 1. Januar 3 Euro je Stunde. Der Gemeinderat will damit "
                        + "mehr freie Stellplätze für Anwohnerinnen, Anwohner und Menschen mit Behinderung schaffen.",
                MANNHEIM, CITY_PUBLISHED);

        assertThat(poll(fees, PORTAL, Duration.ofMinutes(5)).inserted()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void twoReportsOfOneSourceStayTwoItems() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        NewsItem again = story("c000000000000000000000000000000000000002", cityStory().url() + "-2", CITY_TITLE,
                CITY_TEASER, MANNHEIM, CITY_PUBLISHED);

        assertThat(poll(again, CITY, Duration.ofMinutes(5)).inserted()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void aReportWithAnEstimatedDateIsNeverMerged() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        NewsItem undated = portalStory().withPublished(POLL, true);

        assertThat(poll(undated, PORTAL, Duration.ofMinutes(5)).inserted()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void theSameStoryStoredByCityAndPortalAtTheSameMomentBecomesOneItem() throws Exception {
        int rounds = 15;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<UpsertResult> results = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                // A place of its own per round, so that each round's pair can only merge with itself.
                Place place = place("Ort " + i, "%08d".formatted(9_000_000 + i));
                NewsItem city = story("%040x".formatted(0xc17e00L + i), cityStory().url() + "-" + i, CITY_TITLE,
                        CITY_TEASER, place, CITY_PUBLISHED);
                NewsItem portal = story("%040x".formatted(0xb0b000L + i), portalStory().url() + "-" + i, PORTAL_TITLE,
                        PORTAL_TEASER, place, PORTAL_PUBLISHED);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<UpsertResult> fromCity = threads.submit(atOnce(together,
                        () -> store.upsert(List.of(sighting(city, CITY)), POLL)));
                Future<UpsertResult> fromPortal = threads.submit(atOnce(together,
                        () -> store.upsert(List.of(sighting(portal, PORTAL)), POLL)));
                results.add(fromCity.get(30, SECONDS));
                results.add(fromPortal.get(30, SECONDS));
            }

            assertThat(results.stream().mapToInt(UpsertResult::inserted).sum()).isEqualTo(rounds);
            assertThat(results.stream().mapToInt(UpsertResult::merged).sum()).isEqualTo(rounds);
            assertThat(store.count()).isEqualTo(rounds);
            assertThat(database.queryLong("SELECT COUNT(*) FROM item_aliases")).isEqualTo(rounds);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void looksForNearDuplicatesThroughTheBlockIndexNotAcrossTheCatalogue() throws Exception {
        // 3,000 stories: 150 places with 20 stories each, one a day.
        List<Sighting> catalogue = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Place place = place("Ort " + i % 150, "%08d".formatted(9_100_000 + i % 150));
            catalogue.add(sighting(story("%040x".formatted(0xca7000L + i), "https://example.org/" + i, "Meldung " + i,
                    "Text " + i, place, CITY_PUBLISHED.minus(Duration.ofDays(i / 150))), CITY));
        }
        store.upsert(catalogue, POLL);

        String plan;
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + DedupBlocks.CANDIDATES)) {
            explain.setString(1, "09100007");
            explain.setObject(2, ItemStore.utc(PORTAL_PUBLISHED.minus(Duration.ofDays(3))));
            explain.setObject(3, ItemStore.utc(PORTAL_PUBLISHED.plus(Duration.ofDays(3))));
            explain.setString(4, PORTAL);
            StringBuilder lines = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.append(rows.getString(1)).append('\n');
                }
            }
            plan = lines.toString();
        }

        assertThat(plan.toLowerCase(Locale.ROOT)).as(plan).contains("items_dedup_block");
    }

    private static NewsItem springStory() {
        return story("p000000000000000000000000000000000000002", "https://www.kommune21.de/meldungen/mannheim-sensoren-fruehjahr",
                "Mannheim: Erste Bilanz der Parksensoren", "Seit dem Frühjahr melden Bodensensoren freie Plätze.",
                MANNHEIM, Instant.parse("2026-03-14T09:00:00Z"));
    }

    /** Every pending item's entry, by id: what the indexer would be handed. */
    private Map<String, VersionedItem> pending() throws Exception {
        Map<String, VersionedItem> byId = new TreeMap<>();
        store.notYetIndexed(100).forEach(item -> byId.put(item.item().id(), item));
        return byId;
    }

    @Test
    void anEditorSplitsAWrongMergeAndLaterPollsKeepTheTwoApart() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        poll(portalStory(), PORTAL, Duration.ofMinutes(5));

        Optional<String> split = editorial.split(cityStory().id(), portalStory().url(), Optional.of("Andere Meldung"),
                EDITOR, POLL.plus(Duration.ofMinutes(10)));

        assertThat(split).contains(portalStory().id());
        assertThat(store.count()).isEqualTo(2);
        NewsItem city = store.find(cityStory().id()).orElseThrow();
        assertThat(city.sourceIds()).containsExactly(CITY);
        assertThat(city.merged()).isEmpty();
        NewsItem restored = store.find(portalStory().id()).orElseThrow();
        assertThat(restored.title()).isEqualTo(PORTAL_TITLE);
        assertThat(restored.url()).isEqualTo(portalStory().url());
        assertThat(restored.sourceIds()).containsExactly(PORTAL);
        assertThat(pending()).containsOnlyKeys(cityStory().id(), portalStory().id());
        assertThat(editorial.audit(Optional.of(portalStory().id()), Optional.empty(), Optional.empty(), 10)).singleElement()
                .satisfies(record -> {
                    assertThat(record.action()).isEqualTo("split");
                    assertThat(record.before().path("mergedInto").asText()).isEqualTo(cityStory().id());
                    assertThat(record.after().path("mergedInto").isNull()).isTrue();
                    assertThat(record.reason()).isEqualTo("Andere Meldung");
                });

        UpsertResult again = store.upsert(List.of(sighting(cityStory(), CITY), sighting(portalStory(), PORTAL)),
                POLL.plus(Duration.ofHours(1)));

        assertThat(again.merged()).isZero();
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.find(portalStory().id()).orElseThrow().summary()).as("the next poll brings its own text")
                .isEqualTo(PORTAL_TEASER);
        assertThat(store.find(cityStory().id()).orElseThrow().sourceIds()).containsExactly(CITY);
    }

    @Test
    void theMachineNeverMergesAReportAnEditorKeptApartFromAStory() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement keep = connection.prepareStatement(
                     "INSERT INTO keep_apart (item_id, other_id, decided, decided_by) VALUES (?,?,?,?)")) {
            keep.setString(1, portalStory().id());
            keep.setString(2, cityStory().id());
            keep.setObject(3, ItemStore.utc(POLL));
            keep.setString(4, EDITOR.id());
            keep.executeUpdate();
        }

        UpsertResult result = poll(portalStory(), PORTAL, Duration.ofMinutes(5));

        assertThat(result).isEqualTo(new UpsertResult(1, 0, 0, 0));
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void anEditorMergesTwoItemsAndLaterPollsKeepThemOne() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        poll(springStory(), PORTAL, Duration.ZERO);

        assertThat(editorial.merge(cityStory().id(), springStory().id(), Optional.of("Gleiches Vorhaben"), EDITOR,
                POLL.plus(Duration.ofMinutes(10)))).isTrue();

        NewsItem item = store.find(cityStory().id()).orElseThrow();
        assertThat(item.sourceIds()).containsExactly(PORTAL, CITY);
        assertThat(item.merged()).singleElement().satisfies(report -> {
            assertThat(report.source()).isEqualTo(PORTAL);
            assertThat(report.url()).isEqualTo(springStory().url());
            assertThat(report.reason()).isEqualTo("Von der Redaktion zusammengeführt (Redaktion Kommune21): Gleiches Vorhaben");
        });
        assertThat(pending().get(springStory().id()).mergedInto()).as("it leaves public reads").contains(cityStory().id());
        assertThat(pending().get(cityStory().id()).mergedInto()).isEmpty();
        assertThat(store.count()).as("nothing destroyed").isEqualTo(2);
        assertThat(editorial.audit(Optional.of(springStory().id()), Optional.empty(), Optional.empty(), 10)).extracting(AuditRecord::action)
                .containsExactly("merge");

        store.markIndexed(Map.of(cityStory().id(), 10L, springStory().id(), 10L));
        NewsItem retitled = story(springStory().id(), springStory().url(), "Mannheim: Bilanz der Parksensoren",
                springStory().summary(), MANNHEIM, springStory().published());
        store.upsert(List.of(sighting(cityStory(), CITY), sighting(retitled, PORTAL)), POLL.plus(Duration.ofHours(1)));

        assertThat(pending().get(springStory().id()).mergedInto()).contains(cityStory().id());
        assertThat(store.find(springStory().id()).orElseThrow().title()).isEqualTo(retitled.title());
        assertThat(store.find(cityStory().id()).orElseThrow().sourceIds()).containsExactly(PORTAL, CITY);

        assertThat(editorial.split(cityStory().id(), springStory().id(), Optional.empty(), EDITOR,
                POLL.plus(Duration.ofHours(2)))).contains(springStory().id());

        assertThat(pending().get(springStory().id()).mergedInto()).isEmpty();
        assertThat(store.find(springStory().id()).orElseThrow().title()).as("back as it is").isEqualTo(retitled.title());
        assertThat(store.find(cityStory().id()).orElseThrow().sourceIds()).containsExactly(CITY);
        assertThat(store.find(cityStory().id()).orElseThrow().merged()).isEmpty();
    }

    @Test
    void refusesMergesAndSplitsThatDoNotFitAndChangesNothingThen() throws Exception {
        poll(cityStory(), CITY, Duration.ZERO);
        poll(springStory(), PORTAL, Duration.ZERO);
        String city = cityStory().id();
        String spring = springStory().id();

        assertThatThrownBy(() -> editorial.merge(city, city, Optional.empty(), EDITOR, POLL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> editorial.merge(city, "f000000000000000000000000000000000000000", Optional.empty(), EDITOR, POLL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No item");
        assertThat(editorial.merge("f000000000000000000000000000000000000000", city, Optional.empty(), EDITOR, POLL)).isFalse();
        assertThatThrownBy(() -> editorial.split(city, springStory().url(), Optional.empty(), EDITOR, POLL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No report");
        assertThat(editorial.audit(Optional.empty(), Optional.empty(), Optional.empty(), 10)).isEmpty();

        editorial.merge(city, spring, Optional.empty(), EDITOR, POLL);

        assertThatThrownBy(() -> editorial.merge(spring, city, Optional.empty(), EDITOR, POLL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("merged into");
        NewsItem charging = story("p000000000000000000000000000000000000003", "https://www.kommune21.de/meldungen/mannheim-laden",
                "Mannheim: Zwölf neue Ladesäulen", "Am Wasserturm laden Elektroautos jetzt an zwölf Säulen.", MANNHEIM,
                Instant.parse("2025-06-01T09:00:00Z"));
        poll(charging, PORTAL, Duration.ZERO);
        assertThatThrownBy(() -> editorial.merge(charging.id(), city, Optional.empty(), EDITOR, POLL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("split them first");
        assertThat(editorial.audit(Optional.empty(), Optional.empty(), Optional.empty(), 10)).hasSize(2);
    }

    private static <T> Callable<T> atOnce(CyclicBarrier together, Callable<T> work) {
        return () -> {
            together.await(30, SECONDS);
            return work.call();
        };
    }
}
