package de.smartcity.catalogue.routes.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.tag.ThemeModel;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leave-one-batch-out on the tuning split: for each batch the labelled set was written in, a {@link ThemeModel} is
 * trained on the other batches and scored on that one, alone and combined with the rules. This is the yardstick for
 * the learned part that costs no blind batch; it chooses the model's settings ({@link #CHOSEN}). The rules cannot be
 * scored this way: they were written with every tuning batch in view, so their column is what they do on text they
 * were tuned on, an upper bound for unseen text.
 *
 * <p>The study goes to standard output and {@code target/leave-one-batch-out.md}.
 */
class LeaveOneBatchOutTest {
    private static final int ITERATIONS = 300;
    private static final List<Double> L2 = List.of(0.0001, 0.0003, 0.001);
    /** From the taxonomy's threshold (0.6) up: a theme the model adds gets p as its score, which must reach it. */
    private static final List<Double> ADD_ABOVE = List.of(0.6, 0.7, 0.8, 0.9, 0.95);
    private static final List<Double> VETO_BELOW = List.of(0.0, 0.01, 0.03, 0.1);
    /** Where one teaser word is all the rules found, the model as second signal (see {@link ThemeModel}). */
    private static final List<Double> LONE_WORD_VETO_BELOW = List.of(0.0, 0.003, 0.01, 0.03, 0.1, 0.2);
    /** The settings this study chooses; {@link ThemeModelFileTest} trains the bundled model with them. */
    static final ThemeModelTrainer.Settings CHOSEN = new ThemeModelTrainer.Settings(0.0001, ITERATIONS, 0.7, 0.01, 0.1);
    private static final double MODEL_ALONE_ABOVE = 0.5;
    /**
     * The model may add at most one violated distractor per this many distractors, pooled. The bound is on the
     * model's own share because the rules' column is in-sample: written from these batches, the rules violate next to
     * none of them by construction, and "no more than the rules" banned the model from adding anything below p 0.95
     * (round 16: recall on blind batch 21 fell from 0.91 to 0.87). A blind batch holds about 35 distractors and its
     * target is none violated; one in 200 keeps the model's expected share below 0.2 a batch.
     */
    private static final int DISTRACTORS_PER_ADDED_VIOLATION = 200;
    /** Batch of an item: "b5" for "b5-012"; the oldest batches have a letter per batch ("t001", "h012"). */
    private static final Pattern BATCH = Pattern.compile("^(b\\d+|[a-z]+)");

    private static final Map<String, Map<String, Outcome>> BY_SYSTEM = new LinkedHashMap<>();
    private static Map<String, Integer> batchSizes;
    private static long distractors;

    /** One system's counts on one batch. */
    record Outcome(Map<String, ThemeCounts> themes, int violations) {
        Outcome plus(Outcome other) {
            Map<String, ThemeCounts> sum = new TreeMap<>(themes);
            other.themes.forEach((id, counts) -> sum.merge(id, counts, ThemeCounts::plus));
            return new Outcome(sum, violations + other.violations);
        }

        ThemeCounts overall() {
            return themes.values().stream().reduce(ThemeCounts.NONE, ThemeCounts::plus);
        }

        ThemeCounts theme(String id) {
            return themes.getOrDefault(id, ThemeCounts.NONE);
        }
    }

    @BeforeAll
    static void study() throws IOException {
        Taxonomy taxonomy = Taxonomy.bundled();
        List<String> themeIds = taxonomy.themes().stream().map(Theme::id).toList();
        ThemeTagger rules = new ThemeTagger(taxonomy, ThemeModel.none());
        GermanMunicipalAnalyzer analyzer = GermanMunicipalAnalyzer.forIndexing();
        Map<String, List<LabelledItem>> byBatch = LabelledItem.load("evaluation/tuning.jsonl").stream()
                .collect(Collectors.groupingBy(LeaveOneBatchOutTest::batch, LinkedHashMap::new, Collectors.toList()));
        batchSizes = new LinkedHashMap<>();
        distractors = byBatch.values().stream().flatMap(List::stream).filter(item -> item.distractor() != null).count();
        byBatch.forEach((batch, items) -> batchSizes.put(batch, items.size()));

        for (String batch : batchSizes.keySet()) {
            List<LabelledItem> test = byBatch.get(batch);
            List<LabelledItem> train = byBatch.entrySet().stream().filter(entry -> !entry.getKey().equals(batch))
                    .flatMap(entry -> entry.getValue().stream()).toList();
            List<List<ThemeAssignment>> byRules = test.stream()
                    .map(item -> rules.tag(item.title(), item.summary()).themes()).toList();
            List<List<AnalyzedToken>> titles = test.stream().map(item -> analyzer.analyze(item.title())).toList();
            List<List<AnalyzedToken>> summaries = test.stream()
                    .map(item -> analyzer.analyze(item.summary() == null ? "" : item.summary())).toList();
            record(rulesName(), batch, score(test, i -> ids(byRules.get(i))));
            for (double l2 : L2) {
                ThemeModelTrainer.Settings settings = new ThemeModelTrainer.Settings(l2, ITERATIONS, 1.1, 0, 0);
                ThemeModel model = ThemeModelTrainer.model(ThemeModelTrainer.train(train, themeIds, settings));
                record(modelAloneName(l2), batch, score(test, i -> likely(model, titles.get(i), summaries.get(i))));
                for (double add : ADD_ABOVE) {
                    for (double veto : VETO_BELOW) {
                        for (double loneWordVeto : LONE_WORD_VETO_BELOW) {
                            ThemeModel hybrid = model.combined(add, veto, loneWordVeto);
                            record(hybridName(settings.withCombination(add, veto, loneWordVeto)), batch, score(test,
                                    i -> ids(hybrid.revise(byRules.get(i), titles.get(i), summaries.get(i)))));
                        }
                    }
                }
            }
        }
        EvaluationReport.publish("leave-one-batch-out.md", report());
    }

    @Test
    void chosenSettingsAreTheBestHybridWhoseModelAddsFewViolations() {
        int rulesViolations = pooled(rulesName()).violations();
        String best = BY_SYSTEM.keySet().stream().filter(name -> name.startsWith("hybrid"))
                .filter(name -> (pooled(name).violations() - rulesViolations) * DISTRACTORS_PER_ADDED_VIOLATION
                        <= distractors)
                .max((a, b) -> Double.compare(pooled(a).overall().f1(), pooled(b).overall().f1()))
                .orElseThrow();
        assertThat(hybridName(CHOSEN)).as("settings with the best pooled micro-F1").isEqualTo(best);
    }

    @Test
    void chosenHybridBeatsTheRulesAlone() {
        assertThat(pooled(hybridName(CHOSEN)).overall().f1()).as("pooled micro-F1 of the hybrid")
                .isGreaterThan(pooled(rulesName()).overall().f1());
    }

    private static String batch(LabelledItem item) {
        Matcher matcher = BATCH.matcher(item.id());
        return matcher.find() ? matcher.group(1) : item.id();
    }

    private static Outcome score(List<LabelledItem> items, Function<Integer, Set<String>> assigned) {
        Map<String, ThemeCounts> themes = new TreeMap<>();
        int violations = 0;
        for (int i = 0; i < items.size(); i++) {
            Set<String> got = assigned.apply(i);
            SplitEvaluation.count(got, Set.copyOf(items.get(i).themes()), themes);
            violations += items.get(i).distractor() != null && got.contains(items.get(i).distractor()) ? 1 : 0;
        }
        return new Outcome(themes, violations);
    }

    private static Set<String> ids(List<ThemeAssignment> themes) {
        return themes.stream().map(ThemeAssignment::id).collect(Collectors.toSet());
    }

    private static Set<String> likely(ThemeModel model, List<AnalyzedToken> title, List<AnalyzedToken> summary) {
        double[] probabilities = model.probabilities(ThemeModel.features(title, summary).keySet());
        Set<String> likely = new HashSet<>();
        for (int t = 0; t < probabilities.length; t++) {
            if (probabilities[t] >= MODEL_ALONE_ABOVE) {
                likely.add(model.themes().get(t));
            }
        }
        return likely;
    }

    private static void record(String system, String batch, Outcome outcome) {
        BY_SYSTEM.computeIfAbsent(system, name -> new LinkedHashMap<>()).put(batch, outcome);
    }

    private static Outcome pooled(String system) {
        return BY_SYSTEM.get(system).values().stream()
                .reduce(new Outcome(Map.of(), 0), Outcome::plus);
    }

    private static String rulesName() {
        return "rules (seen every batch)";
    }

    private static String modelAloneName(double l2) {
        return String.format(Locale.ROOT, "model alone, l2 %s, p >= %s", l2, MODEL_ALONE_ABOVE);
    }

    private static String hybridName(ThemeModelTrainer.Settings settings) {
        return String.format(Locale.ROOT, "hybrid, l2 %s, add >= %s, veto < %s, lone teaser word < %s", settings.l2(),
                settings.addAbove(), settings.vetoBelow(), settings.loneWordVetoBelow());
    }

    private static String report() {
        StringBuilder md = new StringBuilder("# Leave one batch out\n\nPer held-out batch: micro-F1, F1 parking / waste /"
                + " winter service, distractors given their false friend's theme.\n\n| batch | items |");
        List<String> shown = List.of(rulesName(), modelAloneName(CHOSEN.l2()), hybridName(CHOSEN));
        shown.forEach(name -> md.append(' ').append(name).append(" |"));
        md.append("\n| --- | ---: |").append(" --- |".repeat(shown.size())).append('\n');
        for (String batch : batchSizes.keySet()) {
            md.append("| ").append(batch).append(" | ").append(batchSizes.get(batch)).append(" |");
            shown.forEach(name -> md.append(' ').append(cell(BY_SYSTEM.get(name).get(batch))).append(" |"));
            md.append('\n');
        }
        md.append("| **pooled** | |");
        shown.forEach(name -> md.append(' ').append(cell(pooled(name))).append(" |"));
        md.append("\n\n## Every setting, pooled\n\n| system | precision | recall | micro-F1 | key themes | violations |\n"
                + "| --- | ---: | ---: | ---: | --- | ---: |\n");
        for (String name : BY_SYSTEM.keySet()) {
            Outcome outcome = pooled(name);
            ThemeCounts overall = outcome.overall();
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s | %d |%n", name, overall.precision(),
                    overall.recall(), overall.f1(), keyThemes(outcome), outcome.violations()));
        }
        return md.toString();
    }

    private static String cell(Outcome outcome) {
        return String.format(Locale.ROOT, "%.3f; %s; %d", outcome.overall().f1(), keyThemes(outcome), outcome.violations());
    }

    private static String keyThemes(Outcome outcome) {
        List<String> f1 = new ArrayList<>();
        TaggingEvaluationTest.KEY_THEMES.forEach(id -> f1.add(String.format(Locale.ROOT, "%.2f", outcome.theme(id).f1())));
        return String.join(" / ", f1);
    }
}
