package de.smartcity.catalogue.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.model.SourceStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    private static final ApiKey ADMIN = new ApiKey("3f9a0c12b7e4", "Betrieb", Role.ADMIN, T0, null);
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
        succeed(HUERTH, T0);

        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("ok");
        assertThat(status.lastAttempt()).isEqualTo(T0);
        assertThat(status.lastSuccess()).isEqualTo(T0);
        assertThat(status.lastError()).isNull();
        assertThat(status.consecutiveFailures()).isZero();
    }

    @Test
    void countsConsecutiveFailuresAndKeepsTheLastError() throws Exception {
        succeed(HUERTH, T0);
        fail(HUERTH, T0.plus(Duration.ofMinutes(30)), "Server antwortet mit HTTP 500 (Server Error).");
        fail(HUERTH, T0.plus(Duration.ofMinutes(60)), "Zeitüberschreitung: Read timed out");

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
        fail(HUERTH, T0, "Server antwortet mit HTTP 503.");
        fail(HUERTH, T0.plus(Duration.ofMinutes(30)), "Server antwortet mit HTTP 503.");

        succeed(HUERTH, T0.plus(Duration.ofMinutes(60)));

        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("ok");
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.lastError()).isNull();
        assertThat(status.lastSuccess()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    }

    @Test
    void shortensVeryLongErrors() throws Exception {
        String huge = "Feed ist kein gültiges RSS/Atom: " + "x".repeat(5000);

        fail(HUERTH, T0, huge);

        String stored = status("huerth-presse").lastError();
        assertThat(stored).hasSize(2000).startsWith("Feed ist kein gültiges RSS/Atom: xxx").endsWith("…");
    }

    @Test
    void registeringAgainUpdatesTheSourceButKeepsItsHealth() throws Exception {
        fail(HUERTH, T0, "Server antwortet mit HTTP 404 (Not Found).");
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

    @Test
    void keepsTheValidatorsAndTheScheduleOfASuccessfulPoll() throws Exception {
        Validators validators = new Validators("\"v1-abc\"", "Tue, 24 Nov 2026 08:00:00 GMT");

        sources.recordSuccess(HUERTH, T0, new SuccessfulPoll(false, validators, 2, T0.plus(Duration.ofMinutes(60))));

        assertThat(sources.pollState("huerth-presse")).isEqualTo(new PollState(validators, 2, 0));
        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("ok");
        assertThat(status.nextPoll()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
        assertThat(status.lastSuccess()).isEqualTo(T0);
    }

    @Test
    void aNotModifiedPollIsASuccessWithItsOwnStatus() throws Exception {
        fail(HUERTH, T0, "Server antwortet mit HTTP 503 (Service Unavailable).");

        sources.recordSuccess(HUERTH, T0.plus(Duration.ofMinutes(30)),
                new SuccessfulPoll(true, new Validators("\"v1\"", null), 1, T0.plus(Duration.ofMinutes(60))));

        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("not-modified");
        assertThat(status.lastSuccess()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(status.lastError()).isNull();
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(sources.pollState("huerth-presse").validators()).isEqualTo(new Validators("\"v1\"", null));
    }

    @Test
    void aFailureKeepsTheValidatorsAndRecordsBackingOffAndTheNextPoll() throws Exception {
        Validators validators = new Validators("W/\"42\"", "Tue, 24 Nov 2026 08:00:00 GMT");
        sources.recordSuccess(HUERTH, T0, new SuccessfulPoll(false, validators, 4, T0.plus(Duration.ofMinutes(60))));

        sources.recordFailure(HUERTH, T0.plus(Duration.ofMinutes(60)), new FailedPoll(
                "Server antwortet mit HTTP 429 (Too Many Requests).", true, T0.plus(Duration.ofHours(7))));

        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("backing-off");
        assertThat(status.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(7)));
        assertThat(status.lastSuccess()).isEqualTo(T0);
        assertThat(sources.pollState("huerth-presse")).isEqualTo(new PollState(validators, 4, 1));
    }

    @Test
    void dueSourcesAreTheNeverPolledAndThosePastTheirNextPollLongestWaitingFirst() throws Exception {
        Source ulm = new Source("ulm-presse", "Ulm", URI.create("https://www.ulm.de/presse.rss"), SourceKind.RSS,
                Duration.ofMinutes(30), null);
        sources.register(List.of(HUERTH, KOMMUNE21, ulm));
        assertThat(sources.dueSourceIds(T0)).containsExactly("huerth-presse", "kommune21", "ulm-presse");

        sources.recordSuccess(ulm, T0, new SuccessfulPoll(false, Validators.NONE, 0, T0.plus(Duration.ofMinutes(20))));
        succeed(HUERTH, T0);

        assertThat(sources.dueSourceIds(T0)).containsExactly("kommune21");
        assertThat(sources.dueSourceIds(T0.plus(Duration.ofMinutes(20)))).containsExactly("kommune21", "ulm-presse");
        assertThat(sources.dueSourceIds(T0.plus(Duration.ofMinutes(45)))).containsExactly("kommune21", "ulm-presse", "huerth-presse");
    }

    @Test
    void aSourceThatMovedForgetsItsValidatorsAndIsDueAtOnce() throws Exception {
        Validators validators = new Validators("\"v7\"", "Tue, 24 Nov 2026 08:00:00 GMT");
        sources.recordSuccess(HUERTH, T0, new SuccessfulPoll(false, validators, 5, T0.plus(Duration.ofHours(2))));
        sources.register(List.of(HUERTH, KOMMUNE21));
        assertThat(sources.pollState("huerth-presse").validators()).as("same URL: kept").isEqualTo(validators);

        sources.register(List.of(new Source("huerth-presse", "Hürth", URI.create("https://www.huerth.de/presse/feed.atom"),
                SourceKind.ATOM, Duration.ofMinutes(30), null), KOMMUNE21));

        assertThat(sources.pollState("huerth-presse")).isEqualTo(new PollState(Validators.NONE, 0, 0));
        assertThat(sources.dueSourceIds(T0)).contains("huerth-presse");
        assertThat(status("huerth-presse").status()).as("its health is kept").isEqualTo("ok");
    }

    @Test
    void anAdminsSourcesWinOverTheFileAndOutliveIt() throws Exception {
        Source ulm = new Source("ulm-presse", "Ulm", URI.create("https://www.ulm.de/presse.rss"), SourceKind.RSS,
                Duration.ofHours(2), null);
        sources.create(ulm, ADMIN, Optional.of("Neue Stadt"), T0);
        Source huerthMoved = new Source("huerth-presse", "Hürth", URI.create("https://www.huerth.de/presse/feed.atom"),
                SourceKind.ATOM, Duration.ofHours(1), null);
        assertThat(sources.edit(huerthMoved, ADMIN, Optional.empty(), T0)).contains(ManagedSource.active(huerthMoved));
        assertThat(sources.change("kommune21", SourceStore.StateChange.PAUSE, ADMIN, Optional.of("Umbau"), T0))
                .contains(new ManagedSource(KOMMUNE21, true));

        // The next start reads a file that still has the old Hürth and no longer lists Kommune21.
        List<ManagedSource> listed = sources.sync(List.of(HUERTH));

        assertThat(listed).containsExactly(ManagedSource.active(huerthMoved), new ManagedSource(KOMMUNE21, true),
                ManagedSource.active(ulm));
        assertThat(sources.statuses(List.of("kommune21", "ulm-presse"))).extracting(SourceStatus::id, SourceStatus::status)
                .containsExactly(tuple("kommune21", "paused"), tuple("ulm-presse", "never-fetched"));
        assertThat(sources.dueSourceIds(T0)).contains("ulm-presse", "huerth-presse");
    }

    @Test
    void aRemovedSourceStaysRemovedKeepsItsIdAndEveryChangeIsAudited() throws Exception {
        assertThat(sources.change("huerth-presse", SourceStore.StateChange.REMOVE, ADMIN, Optional.of("eingestellt"), T0))
                .isPresent();

        assertThat(sources.sync(List.of(HUERTH, KOMMUNE21))).extracting(ManagedSource::id).containsExactly("kommune21");
        assertThatThrownBy(() -> sources.create(HUERTH, ADMIN, Optional.empty(), T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("removed");
        assertThatThrownBy(() -> sources.create(KOMMUNE21, ADMIN, Optional.empty(), T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exists already");
        assertThat(sources.edit(HUERTH, ADMIN, Optional.empty(), T0)).isEmpty();
        assertThat(sources.change("huerth-presse", SourceStore.StateChange.RESUME, ADMIN, Optional.empty(), T0)).isEmpty();
        assertThatThrownBy(() -> sources.change("kommune21", SourceStore.StateChange.RESUME, ADMIN, Optional.empty(), T0))
                .isInstanceOf(IllegalStateException.class).hasMessage("Source 'kommune21' is active, not paused");

        List<AuditRecord> audit = new EditorialStore(database.dataSource(), CatalogueJson.mapper())
                .audit(Optional.empty(), Optional.empty(), Optional.of("huerth-presse"), 10);
        assertThat(audit).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("remove-source");
            assertThat(record.source()).isEqualTo("huerth-presse");
            assertThat(record.keyName()).isEqualTo("Betrieb");
            assertThat(record.before().path("state").asText()).isEqualTo("active");
            assertThat(record.after().path("state").asText()).isEqualTo("removed");
            assertThat(record.after().path("url").asText()).isEqualTo(HUERTH.url().toString());
            assertThat(record.reason()).isEqualTo("eingestellt");
        });
    }

    @Test
    void aPollOfTheOldUrlThatEndsAfterAnAdminsEditRecordsNothing() throws Exception {
        Source moved = new Source("huerth-presse", "Hürth", URI.create("https://www.huerth.de/presse/feed.atom"),
                SourceKind.ATOM, Duration.ofMinutes(30), null);
        sources.edit(moved, ADMIN, Optional.empty(), T0);

        sources.recordSuccess(HUERTH, T0, new SuccessfulPoll(false, new Validators("\"alt\"", null), 0, T0.plus(Duration.ofHours(1))));
        fail(HUERTH, T0, "Server antwortet mit HTTP 500.");

        assertThat(sources.pollState("huerth-presse")).isEqualTo(new PollState(Validators.NONE, 0, 0));
        assertThat(sources.dueSourceIds(T0)).as("the new URL is due at once").contains("huerth-presse");
        succeed(moved, T0);
        assertThat(status("huerth-presse").status()).isEqualTo("ok");
    }

    @Test
    void aPollStoresItsItemsAndItsSourcesHealthDecidedFromWhatItStored() throws Exception {
        ItemStore items = new ItemStore(database.dataSource(), CatalogueJson.mapper());
        Validators validators = new Validators("\"v2\"", null);
        List<Sighting> poll = List.of(sighting(item("aaaaaaaaaaaaaaaaaaa1", "Hürth: Räumpläne online"), "huerth-presse"),
                sighting(item("aaaaaaaaaaaaaaaaaaa2", "Hürth: Neue Ladesäulen"), "huerth-presse"));
        PollHealth unchangedWhenNothingNew = stored -> new SuccessfulPoll(false, validators,
                stored.inserted() == 0 ? stored.unchanged() : 0, T0.plus(Duration.ofMinutes(30)));

        items.upsert(poll, T0, HUERTH, unchangedWhenNothingNew);
        assertThat(sources.pollState("huerth-presse")).isEqualTo(new PollState(validators, 0, 0));
        items.upsert(poll, T0.plus(Duration.ofMinutes(30)), HUERTH, unchangedWhenNothingNew);

        assertThat(sources.pollState("huerth-presse")).isEqualTo(new PollState(validators, 2, 0));
        SourceStatus status = status("huerth-presse");
        assertThat(status.status()).isEqualTo("ok");
        assertThat(status.lastSuccess()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(status.itemCount()).isEqualTo(2);
    }

    @Test
    void whenTheSourcesHealthCannotBeWrittenThePollsItemsAreNotStoredEither() throws Exception {
        ItemStore items = new ItemStore(database.dataSource(), CatalogueJson.mapper());
        List<Sighting> poll = List.of(sighting(item("aaaaaaaaaaaaaaaaaaa1", "Hürth: Räumpläne online"), "huerth-presse"));

        assertThatThrownBy(() -> items.upsert(poll, T0, HUERTH, stored -> {
            throw new IllegalStateException("health not decidable");
        })).hasMessage("health not decidable");

        assertThat(items.count()).as("one transaction: the items went with the health").isZero();
        assertThat(items.countNotYetIndexed()).isZero();
        assertThat(status("huerth-presse").status()).isEqualTo("never-fetched");
    }

    @Test
    void anUnknownSourceStartsAsNeverPolled() throws Exception {
        assertThat(sources.pollState("gibt-es-nicht")).isEqualTo(PollState.NEW);
    }

    @Test
    void dropsValidatorsTooLongToKeep() throws Exception {
        sources.recordSuccess(HUERTH, T0, new SuccessfulPoll(false,
                new Validators("\"" + "e".repeat(1200) + "\"", "Tue, 24 Nov 2026 08:00:00 GMT"), 0, T0.plus(Duration.ofMinutes(30))));

        assertThat(sources.pollState("huerth-presse").validators())
                .isEqualTo(new Validators(null, "Tue, 24 Nov 2026 08:00:00 GMT"));
    }

    @Test
    void countsTheItemsPublishedInTheLast30Days() throws Exception {
        ItemStore items = new ItemStore(database.dataSource(), CatalogueJson.mapper());
        NewsItem recent = item("aaaaaaaaaaaaaaaaaaa1", "Hürth: Räumpläne online", T0.minus(Duration.ofDays(3)));
        NewsItem old = item("aaaaaaaaaaaaaaaaaaa2", "Hürth: Neue Ladesäulen", T0.minus(Duration.ofDays(45)));
        items.upsert(List.of(sighting(recent, "huerth-presse"), sighting(old, "huerth-presse")), T0);

        SourceStatus status = sources.statuses(BOTH, T0).getFirst();

        assertThat(status.itemCount()).isEqualTo(2);
        assertThat(status.itemsLast30Days()).isEqualTo(1);
        assertThat(sources.statuses(BOTH, T0.plus(Duration.ofDays(40))).getFirst().itemsLast30Days()).isZero();
    }

    private void succeed(Source source, Instant at) throws Exception {
        sources.recordSuccess(source, at, new SuccessfulPoll(false, Validators.NONE, 0, at.plus(Duration.ofMinutes(30))));
    }

    private void fail(Source source, Instant at, String error) throws Exception {
        sources.recordFailure(source, at, new FailedPoll(error, false, at.plus(Duration.ofMinutes(30))));
    }

    private static NewsItem item(String id, String title) {
        return item(id, title, T0);
    }

    private static NewsItem item(String id, String title, Instant published) {
        return new NewsItem(id, title, "", "https://www.huerth.de/" + id, published, false, T0, T0, List.of(), List.of(), null,
                List.of(), List.of(), "de");
    }

    private static Sighting sighting(NewsItem item, String sourceId) {
        return new Sighting(item, sourceId, null, item.url());
    }
}
