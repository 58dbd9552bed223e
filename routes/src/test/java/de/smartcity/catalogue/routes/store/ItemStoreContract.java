package de.smartcity.catalogue.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.normalise.ItemNormaliser;
import de.smartcity.catalogue.routes.parse.FeedEntry;
import de.smartcity.catalogue.routes.parse.HtmlListingParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the item store promises, whichever database holds the items: {@link ItemStoreTest} runs it on H2,
 * {@link ItemStorePostgresIT} on a real PostgreSQL server.
 */
abstract class ItemStoreContract {

    private static final Instant POLL = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-11-18T09:30:00Z");
    private static final String ID = "4f1c2a9e0b7d3e5f6a81";
    private static final Place KAISERSLAUTERN = new Place("Kaiserslautern", PlaceKind.MUNICIPALITY, "07312000",
            "Rheinland-Pfalz", "Kaiserslautern", 49.444, 7.769, "Stadt der Quelle: 'Kaiserslautern'");
    private static final List<ThemeAssignment> PARKING = List.of(new ThemeAssignment("parking", 0.982,
            List.of(new Evidence("Parksensoren", "title"), new Evidence("Stellplätze", "title"))));

    private StoreDatabase database;
    private ItemStore store;

    /** A fresh, migrated database for one test. */
    protected abstract StoreDatabase openDatabase();

    @BeforeEach
    void createStore() {
        database = openDatabase();
        store = new ItemStore(database.dataSource(), CatalogueJson.mapper());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static NewsItem item(String id, String title, Instant published, boolean estimated) {
        return new NewsItem(id, title, "Rund 400 Bodensensoren erfassen, ob ein Stellplatz belegt ist.",
                "https://www.kaiserslautern.de/aktuelles/" + id + ".html", published, estimated, POLL, POLL,
                List.of("kaiserslautern-presse"), List.of(), KAISERSLAUTERN, PARKING, List.of("Mobilität"), "de");
    }

    private static Sighting sighting(NewsItem item, String sourceId) {
        return new Sighting(item, sourceId, "guid-" + item.id(), item.url() + "?utm_source=rss");
    }

    private static Sighting parkingSensors(String title) {
        return sighting(item(ID, title, PUBLISHED, false), "kaiserslautern-presse");
    }

    private List<String> pendingIds() throws Exception {
        return store.notYetIndexed(100).stream().map(v -> v.item().id()).toList();
    }

    @Test
    void insertsNewItemsAndReadsThemBackAsStored() throws Exception {
        NewsItem item = item(ID, "Parksensoren melden freie Stellplätze", PUBLISHED, false);

        UpsertResult result = store.upsert(List.of(sighting(item, "kaiserslautern-presse")), POLL);

        assertThat(result).isEqualTo(new UpsertResult(1, 0, 0, 0));
        assertThat(store.count()).isEqualTo(1);
        NewsItem stored = store.find(ID).orElseThrow();
        assertThat(stored).usingRecursiveComparison().isEqualTo(item);
    }

    @Test
    void reportsTheSameContentAsUnchanged() throws Exception {
        store.upsert(List.of(parkingSensors("Parksensoren melden freie Stellplätze")), POLL);

        UpsertResult again = store.upsert(List.of(parkingSensors("Parksensoren melden freie Stellplätze")),
                POLL.plus(Duration.ofMinutes(30)));

        assertThat(again).isEqualTo(new UpsertResult(0, 0, 1, 0));
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find(ID).orElseThrow().lastSeen()).isEqualTo(POLL.plus(Duration.ofMinutes(30)));
        assertThat(store.find(ID).orElseThrow().firstSeen()).isEqualTo(POLL);
    }

    @Test
    void storesOneItemWhenAPollCarriesTheSameStoryTwice() throws Exception {
        UpsertResult result = store.upsert(List.of(parkingSensors("Parksensoren melden freie Stellplätze"),
                parkingSensors("Parksensoren melden freie Stellplätze")), POLL);

        assertThat(result.total()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void changedContentBumpsVersionAndMakesTheItemPendingAgain() throws Exception {
        store.upsert(List.of(parkingSensors("Parksensoren melden freie Stellplätze")), POLL);
        store.markIndexed(Map.of(ID, 1L));
        assertThat(pendingIds()).isEmpty();

        UpsertResult result = store.upsert(List.of(parkingSensors("Parksensoren melden freie Stellplätze per App")),
                POLL.plus(Duration.ofMinutes(30)));

        assertThat(result).isEqualTo(new UpsertResult(0, 1, 0, 0));
        List<VersionedItem> pending = store.notYetIndexed(100);
        assertThat(pending).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.item().title()).isEqualTo("Parksensoren melden freie Stellplätze per App");
        });
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void newItemIsPendingUntilMarkedIndexed() throws Exception {
        store.upsert(List.of(parkingSensors("Parksensoren melden freie Stellplätze")), POLL);

        assertThat(store.notYetIndexed(100)).singleElement().extracting(VersionedItem::version).isEqualTo(1L);

        store.markIndexed(Map.of(ID, 1L));

        assertThat(pendingIds()).isEmpty();
    }

    @Test
    void newerVersionStaysPendingWhenAnOlderOneIsAcknowledged() throws Exception {
        store.upsert(List.of(parkingSensors("Parksensoren melden freie Stellplätze")), POLL);
        List<VersionedItem> sentToIndex = store.notYetIndexed(100);
        // While version 1 travels to Elasticsearch, the source changes the story.
        store.upsert(List.of(parkingSensors("Parksensoren melden 400 freie Stellplätze")), POLL.plus(Duration.ofMinutes(30)));

        store.markIndexed(Map.of(ID, sentToIndex.getFirst().version()));

        assertThat(store.notYetIndexed(100)).singleElement().extracting(VersionedItem::version).isEqualTo(2L);
    }

    @Test
    void lateAcknowledgementOfAnOlderVersionDoesNotUndoANewerOne() throws Exception {
        store.upsert(List.of(parkingSensors("Parksensoren melden freie Stellplätze")), POLL);
        store.upsert(List.of(parkingSensors("Parksensoren melden 400 freie Stellplätze")), POLL.plus(Duration.ofMinutes(30)));
        store.markIndexed(Map.of(ID, 2L));

        store.markIndexed(Map.of(ID, 1L));

        assertThat(pendingIds()).isEmpty();
    }

    @Test
    void limitsPendingItemsToTheRequestedNumber() throws Exception {
        store.upsert(List.of(
                sighting(item("aaaaaaaaaaaaaaaaaaa1", "Eins", PUBLISHED, false), "kaiserslautern-presse"),
                sighting(item("aaaaaaaaaaaaaaaaaaa2", "Zwei", PUBLISHED, false), "kaiserslautern-presse"),
                sighting(item("aaaaaaaaaaaaaaaaaaa3", "Drei", PUBLISHED, false), "kaiserslautern-presse")), POLL);

        assertThat(store.notYetIndexed(2)).hasSize(2);
    }

    @Test
    void pagesPendingItemsByIdSkippingThoseAlreadyIndexed() throws Exception {
        store.upsert(List.of(
                sighting(item("aaaaaaaaaaaaaaaaaaa1", "Eins", PUBLISHED, false), "kaiserslautern-presse"),
                sighting(item("aaaaaaaaaaaaaaaaaaa2", "Zwei", PUBLISHED, false), "kaiserslautern-presse"),
                sighting(item("aaaaaaaaaaaaaaaaaaa3", "Drei", PUBLISHED, false), "kaiserslautern-presse")), POLL);
        store.markIndexed(Map.of("aaaaaaaaaaaaaaaaaaa2", 1L));

        assertThat(store.notYetIndexed("aaaaaaaaaaaaaaaaaaa1", 10)).extracting(v -> v.item().id())
                .containsExactly("aaaaaaaaaaaaaaaaaaa3");
        assertThat(store.notYetIndexed("aaaaaaaaaaaaaaaaaaa3", 10)).isEmpty();
    }

    @Test
    void sameStoryFromTwoSourcesIsOneItemWithBothSources() throws Exception {
        NewsItem story = item(ID, "Parksensoren melden freie Stellplätze", PUBLISHED, false);

        store.upsert(List.of(sighting(story, "kaiserslautern-presse")), POLL);
        UpsertResult second = store.upsert(List.of(sighting(story, "kaiserslautern-smart-city")), POLL.plus(Duration.ofMinutes(5)));

        assertThat(second.inserted()).isZero();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find(ID).orElseThrow().sourceIds()).containsExactly("kaiserslautern-presse", "kaiserslautern-smart-city");
        assertThat(store.notYetIndexed(10).getFirst().item().sourceIds())
                .containsExactly("kaiserslautern-presse", "kaiserslautern-smart-city");
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_sources")).isEqualTo(2);
    }

    @Test
    void sameStoryToldDifferentlyByTwoSourcesSettlesInsteadOfChangingOnEveryPoll() throws Exception {
        // A city feed and a portal link the same press release, each with its own headline.
        Sighting city = sighting(item(ID, "Parksensoren melden freie Stellplätze", PUBLISHED, false), "kaiserslautern-presse");
        Sighting portal = sighting(item(ID, "Kaiserslautern: Parksensoren melden freie Stellplätze", PUBLISHED, false), "kommune21");
        store.upsert(List.of(city), POLL);
        store.upsert(List.of(portal), POLL.plus(Duration.ofMinutes(1)));
        long versionAfterFirstRound = store.notYetIndexed(10).getFirst().version();

        // Neither source changed anything; both are polled again.
        UpsertResult cityAgain = store.upsert(List.of(city), POLL.plus(Duration.ofMinutes(30)));
        UpsertResult portalAgain = store.upsert(List.of(portal), POLL.plus(Duration.ofMinutes(31)));

        assertThat(cityAgain.changed() + portalAgain.changed()).as("stories reported as changed").isZero();
        assertThat(store.notYetIndexed(10).getFirst().version()).isEqualTo(versionAfterFirstRound);
    }

    @Test
    void estimatedDateNeverReplacesAKnownOne() throws Exception {
        store.upsert(List.of(sighting(item(ID, "Parksensoren", PUBLISHED, false), "kaiserslautern-presse")), POLL);
        Instant later = POLL.plus(Duration.ofHours(2));

        // The next poll finds the story without a date: the normaliser puts in the poll time as an estimate.
        store.upsert(List.of(sighting(item(ID, "Parksensoren", later, true), "kaiserslautern-presse")), later);

        NewsItem stored = store.find(ID).orElseThrow();
        assertThat(stored.published()).isEqualTo(PUBLISHED);
        assertThat(stored.publishedEstimated()).isFalse();
    }

    @Test
    void knownDateReplacesAnEstimatedOne() throws Exception {
        store.upsert(List.of(sighting(item(ID, "Parksensoren", POLL, true), "kommune21")), POLL);

        UpsertResult result = store.upsert(List.of(sighting(item(ID, "Parksensoren", PUBLISHED, false), "kommune21")),
                POLL.plus(Duration.ofMinutes(30)));

        assertThat(result.changed()).isEqualTo(1);
        NewsItem stored = store.find(ID).orElseThrow();
        assertThat(stored.published()).isEqualTo(PUBLISHED);
        assertThat(stored.publishedEstimated()).isFalse();
    }

    @Test
    void storyWithoutDateIsUnchangedOnTheNextPoll() throws Exception {
        // An HTML listing without dates: each poll estimates the date with its own poll time.
        Instant nextPoll = POLL.plus(Duration.ofMinutes(30));
        store.upsert(List.of(sighting(item(ID, "Parksensoren", POLL, true), "kommune21")), POLL);
        store.markIndexed(Map.of(ID, 1L));

        UpsertResult again = store.upsert(List.of(sighting(item(ID, "Parksensoren", nextPoll, true), "kommune21")), nextPoll);

        assertThat(again).isEqualTo(new UpsertResult(0, 0, 1, 0));
        assertThat(pendingIds()).as("items waiting for the index").isEmpty();
        assertThat(store.find(ID).orElseThrow().published()).isEqualTo(POLL);
    }

    @Test
    void pollTimeWithNanosecondsDoesNotMakeAnUndatedStoryChangeOnTheNextPoll() throws Exception {
        // The system clock has nanoseconds; databases keep microseconds.
        Instant poll = POLL.plusNanos(123_456_789);
        Instant nextPoll = poll.plus(Duration.ofMinutes(30));
        store.upsert(List.of(sighting(item(ID, "Parksensoren", poll, true), "kommune21")), poll);
        store.markIndexed(Map.of(ID, 1L));

        UpsertResult again = store.upsert(List.of(sighting(item(ID, "Parksensoren", nextPoll, true), "kommune21")), nextPoll);

        assertThat(again).isEqualTo(new UpsertResult(0, 0, 1, 0));
        assertThat(pendingIds()).as("items waiting for the index").isEmpty();
    }

    @Test
    void storesItemWithoutPlace() throws Exception {
        NewsItem withoutPlace = item(ID, "Smart City: Was Kommunen jetzt tun müssen", PUBLISHED, false).withPlace(null);

        store.upsert(List.of(sighting(withoutPlace, "kommune21")), POLL);

        assertThat(store.find(ID).orElseThrow().place()).isNull();
    }

    @Test
    void visitsEveryItemPageByPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            store.upsert(List.of(sighting(item("bbbbbbbbbbbbbbbbbbb" + i, "Meldung " + i, PUBLISHED, false), "kommune21")), POLL);
        }
        List<Integer> pageSizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        store.forEachItem(2, page -> {
            pageSizes.add(page.size());
            page.forEach(v -> ids.add(v.item().id()));
        });

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(ids).doesNotHaveDuplicates().hasSize(5).isSorted();
    }

    @Test
    void storesAListingStoryWhoseTextCarriesANulCharacter() throws Exception {
        // Some CMS exports leave NUL bytes in listing pages; jsoup passes them on as U+0000. PostgreSQL has no
        // place for U+0000 in text, H2 has.
        String page = "<html><body><article class=\"teaser\"><h3><a href=\"/meldungen/parksensoren\">"
                + "Parksensoren\u0000 melden freie Stellplätze</a></h3><p>Rund 400 Bodensensoren\u0000</p></article></body></html>";
        HtmlSelectors selectors = new HtmlSelectors("article.teaser", "h3", "h3 a[href]", null, null, "p");
        URI listing = URI.create("https://www.kommune21.de/meldungen/");
        Source kommune21 = new Source("kommune21", null, listing, SourceKind.HTML, Duration.ofMinutes(30), selectors);
        List<FeedEntry> entries = new HtmlListingParser().parse(page.getBytes(StandardCharsets.UTF_8), "utf-8",
                listing.toString(), selectors);
        List<Sighting> sightings = new ItemNormaliser().normalise(kommune21, listing, entries, POLL);

        store.upsert(sightings, POLL);

        NewsItem stored = store.find(sightings.getFirst().item().id()).orElseThrow();
        assertThat(stored.title().replace("\u0000", "")).isEqualTo("Parksensoren melden freie Stellplätze");
    }

    @Test
    void pollsStoringAtOnceAreEachStoredOrFailedOnTheirOwn() throws Exception {
        // Polls that arrive while another stores are stored together; one that the database refuses (a title too
        // long for its column) must fail alone, whether it came with company or not.
        int polls = 8;
        int refused = 5;
        ExecutorService threads = Executors.newFixedThreadPool(polls);
        try {
            CyclicBarrier together = new CyclicBarrier(polls);
            List<Future<UpsertResult>> results = new ArrayList<>();
            for (int i = 0; i < polls; i++) {
                String title = i == refused ? "Parksensoren ".repeat(200) : "Meldung " + i;
                Sighting sighting = sighting(item("cccccccccccccccccc%02d".formatted(i), title, PUBLISHED.minus(Duration.ofDays(30L * i)),
                        false), "quelle-" + i);
                results.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return store.upsert(List.of(sighting), POLL);
                }));
            }

            for (int i = 0; i < polls; i++) {
                Future<UpsertResult> result = results.get(i);
                if (i == refused) {
                    assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
                } else {
                    assertThat(result.get(30, TimeUnit.SECONDS).inserted()).as("poll %d", i).isEqualTo(1);
                }
            }
            assertThat(store.count()).isEqualTo(polls - 1);
            assertThat(store.find("cccccccccccccccccc%02d".formatted(refused))).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void findsNothingForUnknownId() throws Exception {
        assertThat(store.find("ffffffffffffffffffff")).isEmpty();
    }
}
