package de.smartcity.catalogue.analysis.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerFactoryTest {

    @Test
    void indexAnalyzerSplitsCompounds() {
        try (GermanMunicipalAnalyzer analyzer = new MunicipalIndexAnalyzerFactory().create()) {
            assertThat(terms(analyzer, "Parkhausbelegungen"))
                    .containsExactly("parkhausbelegung", "parkhaus", "belegung");
        }
    }

    @Test
    void searchAnalyzerKeepsCompoundsWhole() {
        try (GermanMunicipalAnalyzer analyzer = new MunicipalSearchAnalyzerFactory().create()) {
            assertThat(terms(analyzer, "Parkhausbelegungen")).containsExactly("parkhausbelegung");
        }
    }

    private static List<String> terms(GermanMunicipalAnalyzer analyzer, String text) {
        return analyzer.analyze(text).stream().map(AnalyzedToken::term).toList();
    }
}
