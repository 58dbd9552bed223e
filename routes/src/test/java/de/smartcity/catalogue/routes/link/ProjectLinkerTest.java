package de.smartcity.catalogue.routes.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ProjectStatus;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectLinkerTest {

    private static final Place KAISERSLAUTERN = place("Kaiserslautern");
    private static final Place DARMSTADT = place("Darmstadt");
    private static final Place FRANKFURT = place("Frankfurt am Main");

    private final ProjectLinker linker = new ProjectLinker(List.of(
            project("kl-wlan", "KL-WLAN", "Kaiserslautern"),
            project("kl-lorawan", "LoRaWAN-Netz Kaiserslautern", "Kaiserslautern", "LoRaWAN-Netz"),
            project("kl-laternen", "Smarte Straßenbeleuchtung Pfaffstraße", "Kaiserslautern", "Smarte Laternen"),
            project("ma-glaette", "Glättesensoren an Brücken", "Mannheim", "Glättesensoren"),
            project("ffm-parkleitsystem", "Parkleitsystem Frankfurt", "Frankfurt am Main", "Parkleitsystem"),
            project("ffm-open-data", "Open-Data-Portal Frankfurt", "Frankfurt am Main", "Open-Data-Portal"),
            project("hof-glasfaser", "Glasfaser für entlegene Ortsteile", "Landkreis Hof", "Gigabitförderung")));

    private static Place place(String name) {
        return Gazetteer.instance().resolve(name).orElseThrow();
    }

    private static Project project(String slug, String name, String place, String... aliases) {
        return new Project(slug, name, List.of(aliases), place(place).withReason(null), List.of("sensors"),
                List.of("IT-Infrastruktur"), ProjectStatus.RUNNING, null, null, List.of(), "Beschreibung.", List.of());
    }

    private List<String> slugs(String title, String summary, Place place) {
        return linker.links(title, summary, place).stream().map(ProjectLink::slug).toList();
    }

    @Test
    void linksAnItemOfTheProjectsPlaceThatNamesIt() {
        List<ProjectLink> links = linker.links("Freies WLAN an weiteren Plätzen",
                "Das kostenlose Netz „KL-WLAN“ wurde auf den Stiftsplatz erweitert.", KAISERSLAUTERN);

        assertThat(links).containsExactly(new ProjectLink("kl-wlan", "KL-WLAN",
                "Text nennt „KL-WLAN“, Ort Kaiserslautern", ProjectLink.AUTO));
    }

    @Test
    void comparesWithoutCaseUmlautsHyphensAndInflection() {
        assertThat(slugs("Die smarten Laternen dimmen nachts", "", KAISERSLAUTERN)).containsExactly("kl-laternen");
        assertThat(slugs("KL WLAN jetzt im Rathaus", "", KAISERSLAUTERN)).containsExactly("kl-wlan");
        assertThat(slugs("GLAETTESENSOREN an zwölf Brücken", "", place("Mannheim"))).containsExactly("ma-glaette");
        assertThat(slugs("Ein Glättesensor je Brücke", "", place("Mannheim"))).containsExactly("ma-glaette");
    }

    @Test
    void matchesWholeWordsInOrderOnly() {
        assertThat(slugs("Parkleitsystemerweiterung beschlossen", "", FRANKFURT)).as("inside a longer word").isEmpty();
        assertThat(slugs("Laternen, smarte Bänke und mehr", "", KAISERSLAUTERN)).as("words of the alias apart").isEmpty();
        assertThat(slugs("Das Portal für Open Data", "", FRANKFURT)).as("part of the alias").isEmpty();
    }

    @Test
    void doesNotLinkAnotherCitysItemThatUsesTheSameName() {
        assertThat(slugs("LoRaWAN-Sensoren überwachen die Pegel kleiner Bäche",
                "Die Sensoren funken die Werte über das LoRaWAN-Netz.", DARMSTADT)).isEmpty();
        assertThat(slugs("Open-Data-Portal mit neuen Verkehrsdaten erweitert", "", place("Halle (Saale)"))).isEmpty();
    }

    @Test
    void linksAnItemWithoutPlaceOnlyByANameThatNamesTheProjectsPlace() {
        List<ProjectLink> named = linker.links("Das Parkleitsystem Frankfurt wird erweitert", "", null);
        Place unresolved = Place.unresolved("Neustadt", "mehrdeutig: 12 Orte namens 'Neustadt'");

        assertThat(named).extracting(ProjectLink::reason)
                .containsExactly("Titel nennt „Parkleitsystem Frankfurt“, Meldung ohne Ort");
        assertThat(slugs("Neues Parkleitsystem zeigt freie Plätze", "", null)).as("whose Parkleitsystem?").isEmpty();
        assertThat(slugs("Neues Parkleitsystem zeigt freie Plätze", "", unresolved)).isEmpty();
        assertThat(slugs("Das LoRaWAN-Netz Kaiserslautern wächst", "", unresolved)).containsExactly("kl-lorawan");
    }

    @Test
    void aKreisProjectTakesItemsOfItsMunicipalitiesButNotOfTheTownOfTheSameName() {
        Place rehau = place("Rehau");

        assertThat(rehau.ags()).startsWith("09475");
        assertThat(slugs("Gigabitförderung bringt Glasfaser nach Rehau", "", rehau)).containsExactly("hof-glasfaser");
        assertThat(slugs("Gigabitförderung für die Stadt Hof", "", place("Hof"))).isEmpty();
        assertThat(slugs("Kreis Hof: Glasfaser dank Gigabitförderung", "", place("Landkreis Hof"))).containsExactly("hof-glasfaser");
    }

    @Test
    void linksEachProjectOnceWithTheTitlesReasonFirstAndOrdersBySlug() {
        List<ProjectLink> links = linker.links("LoRaWAN-Netz und KL-WLAN wachsen",
                "Das LoRaWAN-Netz Kaiserslautern und das KL-WLAN erreichen alle Stadtteile.", KAISERSLAUTERN);

        assertThat(links).extracting(ProjectLink::slug, ProjectLink::reason).containsExactly(
                tuple("kl-lorawan", "Titel nennt „LoRaWAN-Netz“, Ort Kaiserslautern"),
                tuple("kl-wlan", "Titel nennt „KL-WLAN“, Ort Kaiserslautern"));
    }

    @Test
    void anEmptyCatalogueLinksNothing() {
        assertThat(new ProjectLinker(List.of()).links("KL-WLAN", "KL-WLAN", KAISERSLAUTERN)).isEmpty();
        assertThat(linker.links("", null, KAISERSLAUTERN)).isEmpty();
    }
}
