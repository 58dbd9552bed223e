package de.smartcity.catalogue.routes.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.IOException;
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
 * <p>The set has two splits. Rules are tuned on {@code tuning.jsonl} only. {@code heldout.jsonl} is a batch
 * written for the project that no rule was changed for: it shows how the rules do on text they were not
 * tuned on. A batch is measured once; whoever looks at its errors to change the rules moves it to the
 * tuning split and writes a fresh batch (README, "Tagging quality").
 *
 * <p>Every target is asserted on the tuning split, none of its distractors given its false friend's theme. The
 * held-out split is reported, with floors just below its one measurement, so that a change that makes unseen
 * text worse fails; asserting the targets there would force tuning on it. Its per-theme F1 (a handful of items each) is too coarse for a floor. The whole set is
 * reported only: it moves with the held-out split.
 *
 * <p>The report (a Markdown table per theme and against the targets, plus every item with a wrong theme
 * or place) goes to standard output and to {@code target/evaluation-report.md}.
 */
class TaggingEvaluationTest {

    static final List<String> KEY_THEMES = List.of("parking", "waste", "winter-service");
    private static final double MIN_MICRO_F1 = 0.90;
    private static final double MIN_KEY_THEME_F1 = 0.90;
    private static final double MIN_PLACE_ACCURACY = 0.95;
    /** The target itself: word senses, vetoes and names cover the distractors batches 8 to 24 brought with them. */
    private static final int TUNING_MAX_DISTRACTOR_VIOLATIONS = 0;
    /**
     * Floors of the held-out split (batch 23), just below its measurement with the final system (rules and learned
     * model) at 45cb8ce: micro-F1 0.936, no violation, places 97.5 %; its baseline at c7d1a9e was 0.93, 0, 97.5 %.
     */
    private static final double HELD_OUT_MIN_MICRO_F1 = 0.93;
    private static final int HELD_OUT_MAX_DISTRACTOR_VIOLATIONS = 0;
    private static final double HELD_OUT_MIN_PLACE_ACCURACY = 0.97;

    private static Taxonomy taxonomy;
    private static ThemeTagger tagger;
    private static List<LabelledItem> allItems;
    private static SplitEvaluation tuning;
    private static SplitEvaluation heldOut;
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
        heldOut = SplitEvaluation.of("held-out", heldOutItems, tagger, places);
        all = SplitEvaluation.of("all", allItems, tagger, places);

        EvaluationReport.publish("evaluation-report.md",
                EvaluationReport.markdown(taxonomy.themes().stream().map(Theme::id).toList(), tuning, heldOut, all));
    }

    @Test
    void setIsLargeAndHardEnough() {
        assertThat(all.items()).as("labelled items").isGreaterThanOrEqualTo(200);
        assertThat(allItems.stream().filter(item -> item.distractor() != null)).as("false-friend distractors")
                .hasSizeGreaterThanOrEqualTo(30);
        assertThat(heldOut.items()).as("held-out items").isGreaterThanOrEqualTo(60);
    }

    @Test
    void tuningSplitMeetsEveryTarget() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(tuning.overall().f1()).as("tuning micro-F1").isGreaterThanOrEqualTo(MIN_MICRO_F1);
        checkKeyThemesAndPlaces(tuning, softly);
        softly.assertThat(tuning.distractorViolations()).as("tuning distractors given their false friend's theme")
                .hasSizeLessThanOrEqualTo(TUNING_MAX_DISTRACTOR_VIOLATIONS);
        softly.assertAll();
    }

    @Test
    void heldOutSplitStaysAboveItsFloors() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(heldOut.overall().f1()).as("held-out micro-F1").isGreaterThanOrEqualTo(HELD_OUT_MIN_MICRO_F1);
        softly.assertThat(heldOut.distractorViolations()).as("held-out distractors given their false friend's theme")
                .hasSizeLessThanOrEqualTo(HELD_OUT_MAX_DISTRACTOR_VIOLATIONS);
        softly.assertThat(heldOut.placeAccuracy()).as("held-out share of named places recognised")
                .isGreaterThanOrEqualTo(HELD_OUT_MIN_PLACE_ACCURACY);
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

    private static void checkKeyThemesAndPlaces(SplitEvaluation split, SoftAssertions softly) {
        for (String theme : KEY_THEMES) {
            softly.assertThat(split.theme(theme).f1()).as(split.name() + " F1 of " + theme)
                    .isGreaterThanOrEqualTo(MIN_KEY_THEME_F1);
        }
        softly.assertThat(split.placeAccuracy()).as(split.name() + " share of named places recognised")
                .isGreaterThanOrEqualTo(MIN_PLACE_ACCURACY);
    }
}
