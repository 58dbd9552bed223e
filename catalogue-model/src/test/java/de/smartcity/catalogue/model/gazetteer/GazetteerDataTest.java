package de.smartcity.catalogue.model.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.PlaceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GazetteerDataTest {

    private static final List<GazetteerEntry> ENTRIES = GazetteerFile.readEntries();

    @Test
    void holdsSixteenStatesAndAllKreise() {
        Map<PlaceKind, Long> counts = ENTRIES.stream()
                .collect(Collectors.groupingBy(GazetteerEntry::kind, Collectors.counting()));

        assertThat(counts).containsEntry(PlaceKind.STATE, 16L).containsEntry(PlaceKind.KREIS, 401L);
        assertThat(counts.get(PlaceKind.MUNICIPALITY)).isBetween(10_700L, 11_000L);
    }

    @Test
    void keysHaveTheLengthOfTheirLevel() {
        Map<PlaceKind, Integer> lengths = Map.of(PlaceKind.STATE, 2, PlaceKind.KREIS, 5, PlaceKind.MUNICIPALITY, 8);

        assertThat(ENTRIES).allSatisfy(e -> assertThat(e.key()).hasSize(lengths.get(e.kind())).containsOnlyDigits());
        assertThat(ENTRIES.stream().map(GazetteerEntry::key).distinct().count()).isEqualTo(ENTRIES.size());
    }

    @Test
    void everyMunicipalityHasCoordinatesInGermanyAndInhabitants() {
        assertThat(ENTRIES.stream().filter(e -> e.kind() == PlaceKind.MUNICIPALITY)).allSatisfy(e -> {
            assertThat(e.latitude()).isBetween(47.2, 55.1);
            assertThat(e.longitude()).isBetween(5.8, 15.1);
            assertThat(e.population()).isPositive();
            assertThat(e.kreis()).isNotBlank();
        });
    }

    @Test
    void displayNamesCarryNoOfficialSuffix() {
        assertThat(ENTRIES).allSatisfy(e -> assertThat(e.name()).doesNotContain(",").doesNotContain(" / "));
    }

    @Test
    void knowsTheReferenceKeys() {
        Map<String, GazetteerEntry> byKey = ENTRIES.stream()
                .collect(Collectors.toMap(GazetteerEntry::key, Function.identity()));

        assertThat(byKey.get("06412000").name()).isEqualTo("Frankfurt am Main");
        assertThat(byKey.get("08222000").name()).isEqualTo("Mannheim");
        assertThat(byKey.get("07312000").name()).isEqualTo("Kaiserslautern");
        assertThat(byKey.get("05362028").name()).isEqualTo("Hürth");
        assertThat(byKey.get("09464000").name()).isEqualTo("Hof");
        assertThat(byKey.get("09475").name()).isEqualTo("Landkreis Hof");
        assertThat(byKey.get("12052000").name()).isEqualTo("Cottbus");
        assertThat(byKey.get("14625020").name()).isEqualTo("Bautzen");
        assertThat(byKey.get("09").population()).isGreaterThan(13_000_000L);
    }

    @Test
    void everyCommonWordIsAKnownName() {
        NameIndex index = new NameIndex(ENTRIES, GazetteerFile.readDistricts());

        assertThat(GazetteerFile.readLines(GazetteerFile.COMMON_WORDS))
                .allSatisfy(word -> assertThat(index.lookup(NameKey.of(word))).as(word).isNotEmpty());
    }

    @Test
    void curatedDistrictsOnlyFillGapsOfTheGazetteer() {
        assertThat(GazetteerFile.readDistricts()).containsEntry("Pankow", "11000000");
        assertThatThrownBy(() -> new NameIndex(ENTRIES, Map.of("Hof", "09464000")))
                .hasMessageContaining("district Hof: the gazetteer already has this name");
        assertThatThrownBy(() -> new NameIndex(ENTRIES, Map.of("Pankow", "09475")))
                .hasMessageContaining("names no municipality");
    }

    @Test
    void resourceNamesSourceAndLicence() throws IOException {
        try (InputStream in = GazetteerFile.class.getResourceAsStream(GazetteerFile.ENTRIES)) {
            String header = new String(in.readNBytes(1000), StandardCharsets.UTF_8);

            assertThat(header).contains("© Statistisches Bundesamt (Destatis)").contains("dl-de/by-2-0");
        }
    }
}
