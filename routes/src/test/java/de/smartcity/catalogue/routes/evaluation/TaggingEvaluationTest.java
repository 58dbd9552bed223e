package de.smartcity.catalogue.routes.evaluation;

import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the bundled taxonomy and gazetteer against the labelled evaluation set and fails below the
 * targets of the catalogue: micro-F1 ≥ 0.90, F1 ≥ 0.90 for parking, waste and winter service, no
 * distractor given the theme of its false friend, and the right place on ≥ 95 % of the items that name one.
 *
 * <p>The set has two splits. Rules are tuned on {@code tuning.jsonl} only; {@code heldout.jsonl} shows how
 * the rules do on items they were not tuned on. Every target is asserted on the tuning split. On the whole
 * set the F1 and place targets are asserted; there one held-out miss cannot sink a target on its own. The
 * held-out split alone is reported, not asserted: with 79 items one miss moves a theme's F1 by several
 * points, and asserting it would invite tuning the rules on it. For the same reason "no distractor gets
 * its false friend's theme" is asserted on the tuning split only: asserting a count of zero on the whole
 * set would be asserting it on the held-out split. The report shows the held-out and whole-set counts.
 *
 * <p>The report (a Markdown table per theme and against the targets, plus every item with a wrong theme
 * or place) goes to standard output and to {@code target/evaluation-report.md}.
 */
class TaggingEvaluationTest {

    static final List<String> KEY_THEMES = List.of("parking", "waste", "winter-service");
    private static final double MIN_MICRO_F1 = 0.90;
    private static final double MIN_KEY_THEME_F1 = 0.90;
    private static final double MIN_PLACE_ACCURACY = 0.95;

    private static Taxonomy taxonomy;
    private static ThemeTagger tagger;
    private static List<LabelledItem> allItems;
    private static SplitEvaluation tuning;
    private static SplitEvaluation all;

    @BeforeAll
    static void evaluate() throws IOException {
        taxonomy = Taxonomy.bundled();
        tagger = new ThemeTagger(taxonomy);
        PlaceRecognizer places = PlaceRecognizer.withBundledGazetteer();
        List<LabelledItem> tuningItems = LabelledItem.load("evaluation/tuning.jsonl");
        List<LabelledItem> heldOutItems = LabelledItem.load("evaluation/heldout.jsonl");
        allItems = new ArrayList<>(tuningItems);
        allItems.addAll(heldOutItems);

        tuning = SplitEvaluation.of("tuning", tuningItems, tagger, places);
        SplitEvaluation heldOut = SplitEvaluation.of("held-out", heldOutItems, tagger, places);
        all = SplitEvaluation.of("all", allItems, tagger, places);

        String report = EvaluationReport.markdown(taxonomy.themes().stream().map(Theme::id).toList(), tuning, heldOut, all);
        System.out.println(report);
        Path file = Path.of("target", "evaluation-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
    }

    @Test
    void tuningSplitMeetsEveryTarget() {
        SoftAssertions softly = new SoftAssertions();
        checkQualityTargets(tuning, softly);
        softly.assertThat(tuning.distractorViolations()).as("tuning distractors given their false friend's theme")
                .isEmpty();
        softly.assertAll();
    }

    @Test
    void wholeSetMeetsTheQualityTargets() {
        SoftAssertions softly = new SoftAssertions();
        checkQualityTargets(all, softly);
        softly.assertAll();
    }

    @Test
    void everyAssignedThemeCarriesItsScoreAndTheWordsThatMadeIt() {
        SoftAssertions softly = new SoftAssertions();
        for (LabelledItem item : allItems) {
            for (ThemeAssignment theme : tagger.tag(item.title(), item.summary()).themes()) {
                String where = item.id() + " " + theme.id();
                softly.assertThat(theme.score()).as(where + " score").isBetween(taxonomy.threshold(), 1.0);
                softly.assertThat(theme.evidence()).as(where + " evidence").isNotEmpty();
                for (Evidence evidence : theme.evidence()) {
                    String text = evidence.field().equals("title") ? item.title() : item.summary();
                    softly.assertThat(evidence.field()).as(where + " evidence field").isIn("title", "summary");
                    softly.assertThat(text).as(where + " text of the evidence").contains(evidence.term());
                }
            }
        }
        softly.assertAll();
    }

    private static void checkQualityTargets(SplitEvaluation split, SoftAssertions softly) {
        softly.assertThat(split.overall().f1()).as(split.name() + " micro-F1").isGreaterThanOrEqualTo(MIN_MICRO_F1);
        for (String theme : KEY_THEMES) {
            softly.assertThat(split.theme(theme).f1()).as(split.name() + " F1 of " + theme)
                    .isGreaterThanOrEqualTo(MIN_KEY_THEME_F1);
        }
        softly.assertThat(split.placeAccuracy()).as(split.name() + " share of named places recognised")
                .isGreaterThanOrEqualTo(MIN_PLACE_ACCURACY);
    }
}
