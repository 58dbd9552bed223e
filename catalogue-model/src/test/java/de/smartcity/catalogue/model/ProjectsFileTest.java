package de.smartcity.catalogue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectsFileTest {

    private static List<Project> read(String yaml) throws IOException {
        return ProjectsFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "projects.yaml",
                Taxonomy.bundled(), Gazetteer.instance());
    }

    private static List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (ProjectsFile.InvalidProjectsException e) {
            return e.problems();
        } catch (IOException e) {
            throw new AssertionError("expected a validation error, got " + e, e);
        }
        throw new AssertionError("expected the file to be rejected");
    }

    @Test
    void readsAProjectWithItsPlaceFieldsAndPeriod() throws IOException {
        List<Project> projects = read("""
                projects:
                  - slug: kl-wlan
                    name: KL-WLAN
                    aliases: [Freies WLAN Kaiserslautern]
                    place: Kaiserslautern
                    themes: [broadband, participation]
                    status: running
                    programme: Modellprojekte Smart Cities
                    period: {from: 2024-05, to: 2027-12}
                    partners: [Stadtwerke]
                    description: Kostenloses WLAN auf Plätzen und in Bürgerhäusern.
                    links:
                      - {label: Projektseite, url: "https://www.example.org/kl-wlan"}
                """);

        Project project = projects.getFirst();
        assertThat(project.slug()).isEqualTo("kl-wlan");
        assertThat(project.place().ags()).isEqualTo("07312000");
        assertThat(project.place().state()).isEqualTo("Rheinland-Pfalz");
        assertThat(project.place().latitude()).isNotNull();
        assertThat(project.place().reason()).isNull();
        assertThat(project.fields()).containsExactly("Gesellschaft", "IT-Infrastruktur");
        assertThat(project.status()).isEqualTo(ProjectStatus.RUNNING);
        assertThat(project.status().label()).isEqualTo("in Betrieb");
        assertThat(project.period()).isEqualTo(new ProjectPeriod(YearMonth.of(2024, 5), YearMonth.of(2027, 12)));
        assertThat(project.names()).containsExactly("KL-WLAN", "Freies WLAN Kaiserslautern");
        assertThat(project.links()).containsExactly(new WebLink("Projektseite", "https://www.example.org/kl-wlan"));
    }

    @Test
    void optionalFieldsMayBeLeftOutAndAKreisIsAPlace() throws IOException {
        Project project = read("""
                projects:
                  - slug: hof-glasfaser
                    name: Glasfaser für entlegene Ortsteile
                    place: Landkreis Hof
                    themes: [broadband]
                    status: planned
                    description: Anschluss abgelegener Weiler an das Glasfasernetz.
                """).getFirst();

        assertThat(project.place().kind()).isEqualTo(PlaceKind.KREIS);
        assertThat(project.place().ags()).isEqualTo("09475");
        assertThat(project.aliases()).isEmpty();
        assertThat(project.programme()).isNull();
        assertThat(project.period()).isNull();
    }

    @Test
    void jsonFormHasStatusIdsAndMonthsAndReadsBack() throws IOException {
        ObjectMapper json = CatalogueJson.mapper();
        Project project = read("""
                projects:
                  - slug: ma-glaettesensoren
                    name: Glättesensoren an Brücken
                    place: Mannheim
                    themes: [winter-service, sensors]
                    status: pilot
                    period: {from: 2025-10}
                    description: Sensoren in Brückenfahrbahnen melden Glätte.
                """).getFirst();

        JsonNode tree = json.valueToTree(project);

        assertThat(tree.path("status").asText()).isEqualTo("pilot");
        assertThat(tree.path("period").toString()).isEqualTo("{\"from\":\"2025-10\"}");
        assertThat(tree.has("names")).as("names() is derived, not stored").isFalse();
        assertThat(json.treeToValue(tree, Project.class)).isEqualTo(project);
    }

    @Test
    void rejectsUnknownKeysBadStatusThemesAndPeriodNamingProjectAndField() {
        assertThat(problems("""
                projects:
                  - slug: ulm-quartier
                    name: Quartiersprojekt Weststadt
                    place: Ulm
                    themes: [parken, strategy]
                    status: aktiv
                    period: {from: März 2025, to: 2024-01}
                    beschreibung: Ein Quartier.
                    description: Digitaler Nachbarschaftstreff.
                """)).containsExactly(
                "project 'ulm-quartier': unknown field 'beschreibung' (allowed: aliases, description, links, name, partners, "
                        + "period, place, programme, slug, status, themes)",
                "project 'ulm-quartier': field 'themes': unknown theme 'parken' (known: parking, mobility, winter-service, "
                        + "waste, energy, environment, water, administration, strategy, participation, events, health-social, "
                        + "education, tourism-retail, safety, broadband, sensors, data-platform)",
                "project 'ulm-quartier': field 'status' must be one of planned, pilot, running, completed, discontinued (was 'aktiv')",
                "project 'ulm-quartier': field 'period.from' must be a month like 2025-03 (was 'März 2025')");
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        assertThat(problems("""
                projects:
                  - slug: a-project
                    name: Smarte Laternen
                    place: Kaiserslautern
                    themes: [energy]
                    status: completed
                    period: {from: 2026-05, to: 2025-01}
                    description: Leuchten dimmen nachts.
                """)).containsExactly("project 'a-project': field 'period.to' (2025-01) is before 'period.from' (2026-05)");
    }

    @Test
    void rejectsMissingAndDuplicateSlugsAndMissingRequiredFields() {
        assertThat(problems("""
                projects:
                  - name: Ohne Slug
                    place: Ulm
                    themes: [strategy]
                    status: planned
                    description: Fehlt.
                  - slug: doppelt
                    name: Erstes Projekt
                    place: Ulm
                    themes: [strategy]
                    status: planned
                    description: Das erste.
                  - slug: doppelt
                    place: Ulm
                    status: planned
                """)).containsExactly(
                "project #1: field 'slug' is missing",
                "project 'doppelt': field 'slug' is used by an earlier project too",
                "project 'doppelt': field 'name' is missing",
                "project 'doppelt': field 'themes' must list at least one theme",
                "project 'doppelt': field 'description' is missing");
    }

    @Test
    void rejectsPlacesTheGazetteerCannotResolveToOnePlace() {
        assertThat(problems("""
                projects:
                  - slug: nirgendwo
                    name: Sensoren in Nirgendwo
                    place: Nirgendwohausen
                    themes: [sensors]
                    status: pilot
                    description: Gibt es nicht.
                """)).containsExactly("project 'nirgendwo': field 'place': the gazetteer knows no place 'Nirgendwohausen'");
    }

    @Test
    void rejectsNamesTooGeneralOrShortToLinkNews() {
        assertThat(problems("""
                projects:
                  - slug: ulm-smart-city
                    name: Zukunftsstadt Ulm
                    aliases: [Smart-City, Winterdienst, KL, Digitalisierung, ÖPNV]
                    place: Ulm
                    themes: [strategy]
                    status: running
                    description: Dachprojekt.
                """)).containsExactly(
                "project 'ulm-smart-city': alias 'Smart-City' is too general to link news ('Smart-City' is a theme or a common "
                        + "smart-city word); name the project itself, e.g. 'Smart-City Ulm'",
                "project 'ulm-smart-city': alias 'Winterdienst' is too general to link news ('Winterdienst' is a theme or a "
                        + "common smart-city word); name the project itself, e.g. 'Winterdienst Ulm'",
                "project 'ulm-smart-city': alias 'KL' is too short to link news reliably; use at least 4 letters",
                "project 'ulm-smart-city': alias 'Digitalisierung' is too general to link news ('Digitalisierung' is a theme "
                        + "or a common smart-city word); name the project itself, e.g. 'Digitalisierung Ulm'",
                "project 'ulm-smart-city': alias 'ÖPNV' is too general to link news ('ÖPNV' is a theme or a common "
                        + "smart-city word); name the project itself, e.g. 'ÖPNV Ulm'");
    }

    @Test
    void rejectsANameTwoProjectsShareInOnePlaceButAllowsItInAnother() {
        assertThat(problems("""
                projects:
                  - slug: kl-frequenz
                    name: Frequenzmessung Fußgängerzone
                    aliases: [Frequenzmessung]
                    place: Kaiserslautern
                    themes: [tourism-retail]
                    status: running
                    description: Laserscanner zählen Passanten.
                  - slug: hd-frequenz
                    name: Frequenzmessung Hauptstraße
                    aliases: [Frequenzmessung]
                    place: Heidelberg
                    themes: [tourism-retail]
                    status: running
                    description: Messpunkte zählen Passanten.
                  - slug: kl-passanten
                    name: Passantenzählung
                    aliases: [frequenzmessung, Passantenzählung]
                    place: Kaiserslautern
                    themes: [tourism-retail]
                    status: pilot
                    description: Noch eine Zählung.
                """)).containsExactly(
                "project 'kl-passanten': alias 'frequenzmessung' is also a name of project 'kl-frequenz' in Kaiserslautern; "
                        + "news naming it could not tell the two apart",
                "project 'kl-passanten': alias 'Passantenzählung' repeats the project's name or another alias");
    }

    @Test
    void rejectsBadLinksAndAFileWithoutProjects() {
        assertThat(problems("""
                projects:
                  - slug: links
                    name: Digitaler Zwilling Hürth
                    place: Hürth
                    themes: [data-platform]
                    status: pilot
                    description: Ein Stadtmodell.
                    links:
                      - {label: Projektseite, url: "ftp://example.org/x"}
                      - {url: "https://example.org/y"}
                """)).containsExactly(
                "project 'links': field 'links[0].url' must be an http(s) URL (was 'ftp://example.org/x')",
                "project 'links': field 'links[1].label' is missing");
        assertThatThrownBy(() -> read("projekte: []")).isInstanceOf(ProjectsFile.InvalidProjectsException.class)
                .hasMessageContaining("expected a top-level list 'projects:'");
    }
}
