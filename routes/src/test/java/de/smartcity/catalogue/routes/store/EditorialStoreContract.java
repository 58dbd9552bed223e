package de.smartcity.catalogue.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ProjectStatus;
import de.smartcity.catalogue.model.ReviewState;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import de.smartcity.catalogue.routes.link.ProjectLinker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the editorial store promises, whichever database holds the catalogue: {@link EditorialStoreTest} runs it on
 * H2, {@link EditorialStorePostgresIT} on a real PostgreSQL server.
 */
abstract class EditorialStoreContract {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final ApiKey EDITOR = new ApiKey("3f9a0c12b7e4", "Redaktion Kommune21", Role.EDITOR, NOW, null);
    private static final String ITEM = "a1b2c3d4e5f6a7b8c9d0";
    private static final Place KAISERSLAUTERN = Gazetteer.instance().resolve("Kaiserslautern").orElseThrow().withReason(null);
    private static final Project SENSORS = kaiserslautern("kl-parksensoren", "Parksensoren", "parking", "Mobilität",
            ProjectStatus.RUNNING, "Sensoren");
    private static final Project WLAN = kaiserslautern("kl-wlan", "KL-WLAN", "broadband", "IT-Infrastruktur",
            ProjectStatus.RUNNING, "WLAN");

    private StoreDatabase database;
    private EditorialStore store;
    private ItemStore items;

    /** A fresh, migrated database for one test. */
    protected abstract StoreDatabase openDatabase();

    @BeforeEach
    void createStore() throws Exception {
        database = openDatabase();
        store = new EditorialStore(database.dataSource(), CatalogueJson.mapper());
        items = new ItemStore(database.dataSource(), CatalogueJson.mapper());
        NewsItem item = new NewsItem(ITEM, "Parksensoren in der Innenstadt", "", "https://www.kaiserslautern.de/" + ITEM,
                NOW.minus(Duration.ofDays(1)), false, NOW, NOW, List.of("kaiserslautern-presse"), List.of(),
                Gazetteer.instance().resolve("Kaiserslautern").orElseThrow(), List.of(), List.of(), "de");
        items.upsert(List.of(new Sighting(item, "kaiserslautern-presse", ITEM, item.url())), NOW);
        markEverythingIndexed();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anItemNoEditorTouchedIsNew() throws Exception {
        assertThat(store.reviewsOf(List.of(ITEM))).isEmpty();
        assertThat(store.audit(Optional.of(ITEM), Optional.empty(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aReviewIsStoredAuditedAndQueuesTheItemForIndexing() throws Exception {
        Review hidden = store.review(ITEM, ReviewAction.HIDE, Optional.of("Werbung"), EDITOR, NOW).orElseThrow();

        assertThat(hidden).isEqualTo(new Review(ReviewState.HIDDEN, "Werbung", NOW, EDITOR.id()));
        assertThat(store.reviewsOf(List.of(ITEM))).containsExactly(Map.entry(ITEM, hidden));
        assertThat(items.countNotYetIndexed()).isEqualTo(1);
        List<AuditRecord> audit = store.audit(Optional.of(ITEM), Optional.empty(), Optional.empty(), 10);
        assertThat(audit).hasSize(1);
        AuditRecord record = audit.getFirst();
        assertThat(record.keyId()).isEqualTo(EDITOR.id());
        assertThat(record.keyName()).isEqualTo(EDITOR.name());
        assertThat(record.action()).isEqualTo("hide");
        assertThat(record.at()).isEqualTo(NOW);
        assertThat(record.before().toString()).isEqualTo("{\"state\":\"new\"}");
        assertThat(record.after().toString()).isEqualTo("{\"state\":\"hidden\",\"reason\":\"Werbung\"}");
        assertThat(record.reason()).isEqualTo("Werbung");
    }

    @Test
    void featureUnfeatureHideAndUnhideFollowEachOtherNewestFirstInTheAudit() throws Exception {
        store.review(ITEM, ReviewAction.FEATURE, Optional.empty(), EDITOR, NOW);
        store.review(ITEM, ReviewAction.UNFEATURE, Optional.empty(), EDITOR, NOW.plusSeconds(1));
        store.review(ITEM, ReviewAction.HIDE, Optional.of("Doppelt"), EDITOR, NOW.plusSeconds(2));
        Review unhidden = store.review(ITEM, ReviewAction.UNHIDE, Optional.empty(), EDITOR, NOW.plusSeconds(3)).orElseThrow();

        assertThat(unhidden.state()).isEqualTo(ReviewState.NEW);
        assertThat(store.audit(Optional.of(ITEM), Optional.empty(), Optional.empty(), 10)).extracting(AuditRecord::action)
                .containsExactly("unhide", "hide", "unfeature", "feature");
        assertThat(store.audit(Optional.of(ITEM), Optional.empty(), Optional.empty(), 2)).hasSize(2);
        assertThat(store.audit(Optional.empty(), Optional.of("kl-wlan"), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void anActionThatChangesNothingRecordsNothing() throws Exception {
        store.review(ITEM, ReviewAction.APPROVE, Optional.empty(), EDITOR, NOW);
        markEverythingIndexed();

        store.review(ITEM, ReviewAction.APPROVE, Optional.empty(), EDITOR, NOW.plusSeconds(1));

        assertThat(store.audit(Optional.of(ITEM), Optional.empty(), Optional.empty(), 10)).hasSize(1);
        assertThat(items.countNotYetIndexed()).isZero();
    }

    @Test
    void refusesWhatDoesNotFitTheItemsStateAndChangesNothingThen() throws Exception {
        assertThatThrownBy(() -> store.review(ITEM, ReviewAction.UNHIDE, Optional.empty(), EDITOR, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not hidden");
        assertThatThrownBy(() -> store.review(ITEM, ReviewAction.UNFEATURE, Optional.empty(), EDITOR, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not featured");
        assertThatThrownBy(() -> store.review(ITEM, ReviewAction.HIDE, Optional.empty(), EDITOR, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");

        assertThat(store.reviewsOf(List.of(ITEM))).isEmpty();
        assertThat(store.audit(Optional.empty(), Optional.empty(), Optional.empty(), 10)).isEmpty();
        assertThat(store.review("0000000000000000000f", ReviewAction.APPROVE, Optional.empty(), EDITOR, NOW)).isEmpty();
    }

    @Test
    void aRepollOfTheItemKeepsItsReview() throws Exception {
        store.review(ITEM, ReviewAction.FEATURE, Optional.empty(), EDITOR, NOW);
        NewsItem changed = items.find(ITEM).orElseThrow();
        NewsItem retitled = new NewsItem(ITEM, "Parksensoren: 400 Stellplätze", changed.summary(), changed.url(),
                changed.published(), false, NOW, NOW, List.of(), List.of(), changed.place(), List.of(), List.of(), "de");

        items.upsert(List.of(new Sighting(retitled, "kaiserslautern-presse", ITEM, retitled.url())), NOW.plusSeconds(60));

        assertThat(store.reviewsOf(List.of(ITEM)).get(ITEM).state()).isEqualTo(ReviewState.FEATURED);
    }

    @Test
    void correctedThemesAndPlaceAreLaidOverTheMachinesValuesWhichStayStored() throws Exception {
        List<ThemeAssignment> themes = List.of(new ThemeAssignment("parking", 1.0, List.of(new Evidence(EDITOR.name(), "editor"))));
        Place mannheim = Gazetteer.instance().byKey("08222000").orElseThrow();

        store.overrideThemes(ITEM, themes, List.of("Mobilität"), Optional.of("Sensoren für Stellplätze"), EDITOR, NOW);
        Overrides both = store.overridePlace(ITEM, mannheim, Optional.empty(), EDITOR, NOW).orElseThrow();

        assertThat(both).isEqualTo(new Overrides(themes, List.of("Mobilität"), mannheim));
        assertThat(store.overridesOf(List.of(ITEM))).containsExactly(Map.entry(ITEM, both));
        NewsItem machine = items.find(ITEM).orElseThrow();
        assertThat(machine.themes()).isEmpty();
        assertThat(machine.place().name()).isEqualTo("Kaiserslautern");
        NewsItem shown = both.applyTo(machine);
        assertThat(shown.themes()).isEqualTo(themes);
        assertThat(shown.place()).isEqualTo(mannheim);
        List<AuditRecord> audit = store.audit(Optional.of(ITEM), Optional.empty(), Optional.empty(), 10);
        assertThat(audit).extracting(AuditRecord::action).containsExactly("override-place", "override-themes");
        assertThat(audit.get(0).before().toString()).isEqualTo("{\"place\":{\"name\":\"Kaiserslautern\",\"ags\":\"07312000\"},\"corrected\":false}");
        assertThat(audit.get(0).after().toString()).isEqualTo("{\"place\":{\"name\":\"Mannheim\",\"ags\":\"08222000\"},\"corrected\":true}");
        assertThat(audit.get(1).after().toString()).isEqualTo("{\"themes\":[\"parking\"],\"corrected\":true}");

        Overrides placeOnly = store.clearThemes(ITEM, Optional.empty(), EDITOR, NOW).orElseThrow();
        assertThat(placeOnly).isEqualTo(new Overrides(null, null, mannheim));
        assertThat(store.clearPlace(ITEM, Optional.empty(), EDITOR, NOW).orElseThrow().applyTo(machine)).isEqualTo(machine);
        assertThat(store.overrideThemes("0000000000000000000f", themes, List.of(), Optional.empty(), EDITOR, NOW)).isEmpty();
    }

    @Test
    void anEditorsLinkAndUnlinkOutliveTheLinker() throws Exception {
        ProjectStore projects = new ProjectStore(database.dataSource(), CatalogueJson.mapper());
        projects.replaceAll(List.of(SENSORS, WLAN), NOW);
        ProjectLinker linker = new ProjectLinker(List.of(SENSORS, WLAN));
        projects.link(List.of(ITEM), linker, NOW);
        assertThat(projects.linksOf(List.of(ITEM)).get(ITEM)).extracting(ProjectLink::slug).containsExactly("kl-parksensoren");

        assertThat(store.unlinkProject(ITEM, "kl-parksensoren", Optional.of("Nur erwähnt"), EDITOR, NOW)).isTrue();
        assertThat(store.linkProject(ITEM, "kl-wlan", Optional.empty(), EDITOR, NOW)).isTrue();
        projects.link(List.of(ITEM), linker, NOW.plusSeconds(60));
        projects.linkAll(linker, NOW.plusSeconds(120));

        List<ProjectLink> links = projects.linksOf(List.of(ITEM)).get(ITEM);
        assertThat(links).extracting(ProjectLink::slug).containsExactly("kl-wlan");
        assertThat(links.getFirst().origin()).isEqualTo(ProjectLink.EDITOR);
        assertThat(links.getFirst().reason()).contains("Redaktion Kommune21");
        List<AuditRecord> audit = store.audit(Optional.empty(), Optional.of("kl-parksensoren"), Optional.empty(), 10);
        assertThat(audit).extracting(AuditRecord::action).containsExactly("unlink-project");
        assertThat(audit.getFirst().before().toString()).isEqualTo("{\"linked\":true,\"origin\":\"auto\"}");
        assertThatThrownBy(() -> store.linkProject(ITEM, "gibt-es-nicht", Optional.empty(), EDITOR, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gibt-es-nicht");

        // The file drops both projects: the one an editor linked news to stays, with its link.
        assertThat(projects.replaceAll(List.of(), NOW.plusSeconds(180)).removed()).isEqualTo(1);
        assertThat(projects.all()).containsExactly(WLAN);
        assertThat(projects.linksOf(List.of(ITEM)).get(ITEM)).extracting(ProjectLink::slug).containsExactly("kl-wlan");
    }

    @Test
    void anEditorsProjectsWinOverTheCatalogueFile() throws Exception {
        ProjectStore projects = new ProjectStore(database.dataSource(), CatalogueJson.mapper());
        projects.replaceAll(List.of(SENSORS), NOW);
        Project edited = kaiserslautern("kl-parksensoren", "Parksensoren Innenstadt", "parking", "Mobilität",
                ProjectStatus.COMPLETED, "Abgeschlossen");

        assertThat(store.saveProject(edited, false, Optional.of("Ende 2026"), EDITOR, NOW)).contains(edited);
        assertThat(store.saveProject(WLAN, true, Optional.empty(), EDITOR, NOW)).contains(WLAN);
        assertThatThrownBy(() -> store.saveProject(WLAN, true, Optional.empty(), EDITOR, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kl-wlan");
        Project unknown = kaiserslautern("kl-nirgends", "Nirgends-Sensorik", "parking", "Mobilität", ProjectStatus.PLANNED,
                "Gibt es nicht");
        assertThat(store.saveProject(unknown, false, Optional.empty(), EDITOR, NOW)).isEmpty();

        // The file still has the old version and lacks the editor's new project: both stay the editor's.
        projects.replaceAll(List.of(SENSORS), NOW.plusSeconds(60));
        assertThat(projects.all()).containsExactly(edited, WLAN);
        List<AuditRecord> audit = store.audit(Optional.empty(), Optional.of("kl-parksensoren"), Optional.empty(), 10);
        assertThat(audit).extracting(AuditRecord::action).containsExactly("edit-project");
        assertThat(audit.getFirst().before().path("status").asText()).isEqualTo("running");
        assertThat(audit.getFirst().after().path("status").asText()).isEqualTo("completed");
        assertThat(audit.getFirst().reason()).isEqualTo("Ende 2026");
    }

    /** A project in Kaiserslautern with one theme and nothing else but its description. */
    private static Project kaiserslautern(String slug, String name, String theme, String field, ProjectStatus status,
                                          String description) {
        return new Project(slug, name, List.of(), KAISERSLAUTERN, List.of(theme), List.of(field), status, null, null,
                List.of(), description, List.of());
    }

    private void markEverythingIndexed() throws Exception {
        items.markIndexed(items.notYetIndexed(100).stream()
                .collect(Collectors.toMap(v -> v.item().id(), VersionedItem::version)));
    }
}
