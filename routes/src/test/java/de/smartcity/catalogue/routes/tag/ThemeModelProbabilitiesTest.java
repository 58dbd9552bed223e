package de.smartcity.catalogue.routes.tag;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import de.smartcity.catalogue.routes.evaluation.LabelledItem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tagger sums the model's weights by term, without building the features the model was trained on; both ways
 * must give the same probabilities to the last bit, or a theme near a threshold could come and go.
 */
class ThemeModelProbabilitiesTest {
    @Test
    void termsGiveTheSameProbabilitiesAsTheFeaturesOnTheWholeEvaluationSet() {
        GermanMunicipalAnalyzer analyzer = GermanMunicipalAnalyzer.forIndexing();
        ThemeModel model = ThemeModel.bundled();
        List<LabelledItem> items = Stream.of("evaluation/tuning.jsonl", "evaluation/heldout.jsonl")
                .flatMap(resource -> LabelledItem.load(resource).stream()).toList();

        assertThat(items).hasSizeGreaterThan(1000);
        for (LabelledItem item : items) {
            List<AnalyzedToken> title = analyzer.analyze(item.title());
            List<AnalyzedToken> summary = analyzer.analyze(item.summary());

            assertThat(model.probabilities(title, summary)).as(item.id())
                    .containsExactly(model.probabilities(ThemeModel.features(title, summary).keySet()));
        }
    }
}
