package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareQueryTest {
    private static final Taxonomy TAXONOMY = Taxonomy.bundled();
    private static final Vocabulary VOCABULARY = Vocabulary.of(TAXONOMY);

    @Test
    void withoutThemeOrFieldComparesEveryThemeByCount() {
        CompareQuery query = CompareQuery.parse(Map.of(), VOCABULARY);

        assertThat(query.columns()).isEqualTo(TAXONOMY.themes());
        assertThat(query.sort()).isEqualTo(CompareQuery.Sort.COUNT);
        assertThat(query.state()).isEmpty();
    }

    @Test
    void aFieldComparesItsThemesAndAThemeItself() {
        CompareQuery field = CompareQuery.parse(Map.of("field", "Mobilität"), VOCABULARY);
        CompareQuery theme = CompareQuery.parse(Map.of("theme", "parking", "sort", "name"), VOCABULARY);

        assertThat(field.themeIds()).contains("parking", "winter-service", "mobility")
                .hasSize((int) TAXONOMY.themes().stream().filter(t -> t.field().equals("Mobilität")).count());
        assertThat(theme.themeIds()).containsExactly("parking");
        assertThat(theme.sort()).isEqualTo(CompareQuery.Sort.NAME);
    }

    @Test
    void readsStateAndPeriod() {
        CompareQuery query = CompareQuery.parse(Map.of("state", "Hessen", "from", "2026-11-01", "to", "2026-11-30"), VOCABULARY);

        assertThat(query.state()).contains("Hessen");
        assertThat(query.from()).contains(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(query.to()).contains(Instant.parse("2026-11-30T22:59:59.999Z"));
    }

    @Test
    void themeAndFieldTogetherAreRefused() {
        assertThatThrownBy(() -> CompareQuery.parse(Map.of("theme", "parking", "field", "Mobilität"), VOCABULARY))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("Parameter 'field': give either 'theme' or 'field'");
    }

    @Test
    void unknownValuesAreRefusedNamingTheirParameter() {
        assertThatThrownBy(() -> CompareQuery.parse(Map.of("theme", "parken"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'theme': unknown theme 'parken'");
        assertThatThrownBy(() -> CompareQuery.parse(Map.of("field", "Verkehr"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'field': unknown field of action 'Verkehr'");
        assertThatThrownBy(() -> CompareQuery.parse(Map.of("state", "Hesse"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'state': unknown state 'Hesse'");
        assertThatThrownBy(() -> CompareQuery.parse(Map.of("sort", "items"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'sort': must be 'count' or 'name'");
        assertThatThrownBy(() -> CompareQuery.parse(Map.of("from", "2026-12-01", "to", "2026-11-01"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'from'");
    }

    @Test
    void namesSortInGermanOrderWithUmlautsBesideTheirVowel() {
        List<CompareResult.Row> rows = new ArrayList<>(List.of(row("Zwickau", 1), row("Ärzen", 1), row("Offenburg", 1),
                row("Öhringen", 1), row("Aachen", 1)));

        rows.sort(CompareService.rowOrder(CompareQuery.Sort.NAME));

        assertThat(rows).extracting(CompareResult.Row::name)
                .containsExactly("Aachen", "Ärzen", "Offenburg", "Öhringen", "Zwickau");
    }

    @Test
    void countsSortByItemsThenProjectsThenName() {
        List<CompareResult.Row> rows = new ArrayList<>(List.of(row("Bamberg", 2), row("Ulm", 5), row("Essen", 2),
                new CompareResult.Row("01", "Aalen", null, 2, 3, Map.of())));

        rows.sort(CompareService.rowOrder(CompareQuery.Sort.COUNT));

        assertThat(rows).extracting(CompareResult.Row::name).containsExactly("Ulm", "Aalen", "Bamberg", "Essen");
    }

    @Test
    void columnsSortByTheirGermanLabel() {
        List<CompareResult.Column> columns = new ArrayList<>();
        for (Theme theme : TAXONOMY.themes()) {
            columns.add(new CompareResult.Column(theme.id(), theme.de(), theme.field(), 0, 0, List.of()));
        }

        columns.sort(CompareService.columnOrder(CompareQuery.Sort.NAME));

        assertThat(columns.getFirst().label()).startsWith("A");
        assertThat(columns.getLast().label()).startsWith("W");
    }

    private static CompareResult.Row row(String name, long items) {
        return new CompareResult.Row("00000000", name, null, items, 0, Map.of());
    }
}
