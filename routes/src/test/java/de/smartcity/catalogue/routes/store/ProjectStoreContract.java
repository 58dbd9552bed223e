package de.smartcity.catalogue.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ProjectStatus;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import de.smartcity.catalogue.routes.link.ProjectLinker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the project store promises, whichever database holds the catalogue: {@link ProjectStoreTest} runs it on H2,
 * {@link ProjectStorePostgresIT} on a real PostgreSQL server.
 */
abstract class ProjectStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Place KAISERSLAUTERN = Gazetteer.instance().resolve("Kaiserslautern").orElseThrow();
    private static final Project WLAN = project("kl-wlan", "KL-WLAN", "Kaiserslautern");
    private static final Project SENSORS = project("kl-parksensoren", "Parksensoren Innenstadt", "Kaiserslautern",
            "Parksensoren");

    private StoreDatabase database;
    private ProjectStore store;
    private ItemStore items;

    /** A fresh, migrated database for one test. */
    protected abstract StoreDatabase openDatabase();

    @BeforeEach
    void createStore() {
        database = openDatabase();
        store = new ProjectStore(database.dataSource(), CatalogueJson.mapper());
        items = new ItemStore(database.dataSource(), CatalogueJson.mapper());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static Project project(String slug, String name, String place, String... aliases) {
        return new Project(slug, name, List.of(aliases), Gazetteer.instance().resolve(place).orElseThrow().withReason(null),
                List.of("broadband"), List.of("IT-Infrastruktur"), ProjectStatus.RUNNING, "Modellprojekte Smart Cities",
                null, List.of("Stadtwerke"), "Beschreibung.", List.of());
    }

    private static Project renamed(Project project, String name) {
        return new Project(project.slug(), name, project.aliases(), project.place(), project.themes(), project.fields(),
                project.status(), project.programme(), project.period(), project.partners(), project.description(),
                project.links());
    }

    /** Stores an item of Kaiserslautern with this title, as the ingest route would, and returns its id. */
    private String storeItem(String id, String title) throws Exception {
        NewsItem item = new NewsItem(id, title, "", "https://www.kaiserslautern.de/" + id, NOW.minus(Duration.ofDays(1)),
                false, NOW, NOW, List.of("kaiserslautern-presse"), List.of(), KAISERSLAUTERN, List.of(), List.of(), "de");
        items.upsert(List.of(new Sighting(item, "kaiserslautern-presse", id, item.url())), NOW);
        return id;
    }

    private void markEverythingIndexed() throws Exception {
        items.markIndexed(items.notYetIndexed(100).stream()
                .collect(Collectors.toMap(v -> v.item().id(), VersionedItem::version)));
    }

    private Set<String> pending() throws Exception {
        return items.notYetIndexed(100).stream().map(v -> v.item().id()).collect(Collectors.toSet());
    }

    private ProjectLinker linker(Project... projects) {
        return new ProjectLinker(List.of(projects));
    }

    @Test
    void storesTheCatalogueAndChangesNothingWhenTheSameCatalogueComesAgain() throws Exception {
        ProjectStore.CatalogueChange first = store.replaceAll(List.of(WLAN, SENSORS), NOW);
        ProjectStore.CatalogueChange restart = store.replaceAll(List.of(WLAN, SENSORS), NOW.plusSeconds(60));

        assertThat(first).isEqualTo(new ProjectStore.CatalogueChange(2, 0, 0));
        assertThat(restart).isEqualTo(new ProjectStore.CatalogueChange(0, 0, 0));
        assertThat(store.all()).containsExactly(SENSORS, WLAN);
        assertThat(database.queryLong("SELECT COUNT(*) FROM projects WHERE place_ags = '07312000' AND status = 'running'"))
                .isEqualTo(2);
    }

    @Test
    void linksItemsThatNameAProjectWithTheReasonAndQueuesThemForIndexing() throws Exception {
        store.replaceAll(List.of(WLAN, SENSORS), NOW);
        String wlan = storeItem("a1", "KL-WLAN erreicht vier Bürgerhäuser");
        String other = storeItem("a2", "Spielplatz im Bürgerpark wird neu gestaltet");
        markEverythingIndexed();

        int changed = store.link(List.of(wlan, other), linker(WLAN, SENSORS), NOW);

        assertThat(changed).isEqualTo(1);
        assertThat(store.linksOf(List.of(wlan, other))).containsExactly(Map.entry(wlan, List.of(new ProjectLink(
                "kl-wlan", "KL-WLAN", "Titel nennt „KL-WLAN“, Ort Kaiserslautern", ProjectLink.AUTO))));
        assertThat(pending()).containsExactly(wlan);
    }

    @Test
    void linkingAgainWithTheSameResultChangesNothing() throws Exception {
        store.replaceAll(List.of(WLAN), NOW);
        String wlan = storeItem("a1", "KL-WLAN erreicht vier Bürgerhäuser");
        store.link(List.of(wlan), linker(WLAN), NOW);
        markEverythingIndexed();

        int changed = store.link(List.of(wlan), linker(WLAN), NOW.plusSeconds(60));

        assertThat(changed).isZero();
        assertThat(pending()).isEmpty();
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_projects")).isEqualTo(1);
    }

    @Test
    void anItemThatNoLongerNamesTheProjectLosesItsLink() throws Exception {
        store.replaceAll(List.of(SENSORS), NOW);
        String item = storeItem("a1", "Parksensoren melden freie Stellplätze");
        store.link(List.of(item), linker(SENSORS), NOW);
        storeItem("a1", "Bodensensoren melden freie Stellplätze");
        markEverythingIndexed();

        int changed = store.link(List.of(item), linker(SENSORS), NOW);

        assertThat(changed).isEqualTo(1);
        assertThat(store.linksOf(List.of(item))).isEmpty();
        assertThat(pending()).as("its document must lose the link").containsExactly(item);
    }

    @Test
    void leavesLinksMadeByOthersAlone() throws Exception {
        store.replaceAll(List.of(WLAN, SENSORS), NOW);
        String item = storeItem("a1", "KL-WLAN erreicht vier Bürgerhäuser");
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO item_projects "
                     + "(item_id, project_slug, reason, origin, linked) VALUES (?, 'kl-parksensoren', 'Redaktion', 'editor', ?)")) {
            insert.setString(1, item);
            insert.setObject(2, NOW.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }

        store.link(List.of(item), linker(WLAN, SENSORS), NOW);

        assertThat(store.linksOf(List.of(item)).get(item)).extracting(ProjectLink::slug, ProjectLink::origin)
                .containsExactly(tuple("kl-parksensoren", "editor"),
                        tuple("kl-wlan", ProjectLink.AUTO));
    }

    @Test
    void aChangedProjectQueuesItsItemsAndARemovedOneTakesItsLinksAlong() throws Exception {
        store.replaceAll(List.of(WLAN, SENSORS), NOW);
        String wlan = storeItem("a1", "KL-WLAN erreicht vier Bürgerhäuser");
        String sensors = storeItem("a2", "Parksensoren melden freie Stellplätze");
        store.linkAll(linker(WLAN, SENSORS), NOW);
        markEverythingIndexed();

        ProjectStore.CatalogueChange change = store.replaceAll(List.of(renamed(WLAN, "KL-WLAN für alle")), NOW);

        assertThat(change).isEqualTo(new ProjectStore.CatalogueChange(0, 1, 1));
        assertThat(store.all()).extracting(Project::name).containsExactly("KL-WLAN für alle");
        assertThat(store.linksOf(List.of(wlan, sensors))).containsOnlyKeys(wlan);
        assertThat(store.linksOf(List.of(wlan)).get(wlan)).extracting(ProjectLink::name).containsExactly("KL-WLAN für alle");
        assertThat(pending()).containsExactlyInAnyOrder(wlan, sensors);
    }

    @Test
    void linksEveryStoredItemPageByPage() throws Exception {
        store.replaceAll(List.of(WLAN), NOW);
        for (int i = 0; i < 1203; i++) {
            storeItem("i%04d".formatted(i), i % 2 == 0 ? "KL-WLAN am Standort " + i : "Baustelle Nummer " + i);
        }

        int changed = store.linkAll(linker(WLAN), NOW);

        assertThat(changed).isEqualTo(602);
        assertThat(database.queryLong("SELECT COUNT(*) FROM item_projects WHERE project_slug = 'kl-wlan'")).isEqualTo(602);
        assertThat(store.linkAll(linker(WLAN), NOW)).isZero();
    }

    @Test
    void remembersTheCatalogueTheItemsWereLinkedWith() throws Exception {
        assertThat(store.linkedCatalogue()).isEmpty();

        store.markLinked("abc", NOW);
        store.markLinked("def", NOW.plusSeconds(1));

        assertThat(store.linkedCatalogue()).contains("def");
    }
}
