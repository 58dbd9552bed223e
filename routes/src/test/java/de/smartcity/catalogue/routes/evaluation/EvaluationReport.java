package de.smartcity.catalogue.routes.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The evaluation results as Markdown: per theme, against the targets, and the items that went wrong. */
final class EvaluationReport {

    private EvaluationReport() {
    }

    /** Prints a Markdown report and writes it to {@code target/<fileName>}, where people find it after a build. */
    static void publish(String fileName, String markdown) throws IOException {
        System.out.println(markdown);
        Path file = Path.of("target", fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
    }

    /**
     * @param themeIds the taxonomy's themes in display order
     * @param tuning   the split the rules were tuned on
     * @param heldOut  the split kept out of tuning
     * @param all      both together
     */
    static String markdown(List<String> themeIds, SplitEvaluation tuning, SplitEvaluation heldOut, SplitEvaluation all) {
        List<SplitEvaluation> splits = List.of(tuning, heldOut, all);
        StringBuilder md = new StringBuilder("# Tagging evaluation\n\n");
        md.append(splits.stream().map(s -> s.name() + ": " + s.items() + " items").collect(Collectors.joining(", ")))
                .append(".\n\n");

        md.append("## Themes (precision / recall / F1)\n\n| theme |");
        splits.forEach(s -> md.append(' ').append(s.name()).append(" P | R | F1 | n |"));
        md.append("\n| --- |");
        splits.forEach(s -> md.append(" ---: | ---: | ---: | ---: |"));
        md.append('\n');
        for (String id : themeIds) {
            themeRow(md, id, splits, split -> split.theme(id));
        }
        themeRow(md, "**micro (all themes)**", splits, SplitEvaluation::overall);

        md.append("\n## Targets\n\nAll asserted on the tuning split; the held-out split has floors just below its one"
                + " measurement; the whole set is reported (see TaggingEvaluationTest).\n\n| measure | target |");
        splits.forEach(s -> md.append(' ').append(s.name()).append(" |"));
        md.append("\n| --- | --- |");
        splits.forEach(s -> md.append(" ---: |"));
        md.append('\n');
        targetRow(md, "micro-F1", "≥ 0.90", splits, s -> number(s.overall().f1()));
        for (String id : TaggingEvaluationTest.KEY_THEMES) {
            targetRow(md, "F1 " + id, "≥ 0.90", splits, s -> number(s.theme(id).f1()));
        }
        targetRow(md, "distractor violations", "0", splits, s -> String.valueOf(s.distractorViolations().size()));
        targetRow(md, "place correct where one is named", "≥ 95 %", splits,
                s -> String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * s.placeAccuracy(), s.placesCorrect(), s.placesNamed()));
        targetRow(md, "place with AGS where none is named", "(reported)", splits,
                s -> s.placesGuessed() + "/" + s.placesUnnamed());

        for (SplitEvaluation split : List.of(tuning, heldOut)) {
            md.append("\n## Items with a wrong theme or place: ").append(split.name()).append("\n\n");
            split.distractorViolations().forEach(v -> md.append("- distractor violated: ").append(v).append('\n'));
            split.mistakes().forEach(m -> md.append("- ").append(m).append('\n'));
            if (split.mistakes().isEmpty()) {
                md.append("none\n");
            }
        }
        return md.toString();
    }

    private static void themeRow(StringBuilder md, String label, List<SplitEvaluation> splits,
                                 Function<SplitEvaluation, ThemeCounts> counts) {
        md.append("| ").append(label).append(" |");
        for (SplitEvaluation split : splits) {
            ThemeCounts c = counts.apply(split);
            md.append(' ').append(number(c.precision())).append(" | ").append(number(c.recall())).append(" | ")
                    .append(number(c.f1())).append(" | ").append(c.support()).append(" |");
        }
        md.append('\n');
    }

    private static void targetRow(StringBuilder md, String measure, String target, List<SplitEvaluation> splits,
                                  Function<SplitEvaluation, String> value) {
        md.append("| ").append(measure).append(" | ").append(target).append(" |");
        splits.forEach(s -> md.append(' ').append(value.apply(s)).append(" |"));
        md.append('\n');
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
