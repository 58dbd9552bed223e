package de.smartcity.catalogue.routes.tag;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A logistic regression per theme over the analysed terms of title and teaser, learned from the labelled set
 * ({@code ThemeModelFileTest} writes {@code theme-model.tsv}). It revises the rules' themes: it adds a theme the
 * rules missed when its probability reaches {@code addAbove}, with the words that weigh most for it as evidence,
 * and drops a rule theme when its probability is below {@code vetoBelow}. A rule theme that rests on one word of
 * the teaser alone needs the model as its second signal: below {@code loneWordVetoBelow} it is dropped, as such a
 * word often only brushes the theme ("Straßenbäume" beside road salt, a "Trinkwasserstelle" among proposals).
 *
 * <p>The file is data: a header line per setting ({@code add-above}, {@code veto-below},
 * {@code lone-word-veto-below}), a {@code themes} line,
 * a {@code bias} line, then one line per feature ({@code t:} title term, {@code s:} teaser term, {@code w:} term of
 * either) with a weight per theme, all separated by tabs.
 */
public final class ThemeModel {
    static final String RESOURCE = "theme-model.tsv";
    private static final double SCORE_PRECISION = 1000.0;
    /** How many words a theme the model adds shows as its evidence. */
    private static final int EVIDENCE_WORDS = 3;
    private static final String TITLE = "t:";
    private static final String SUMMARY = "s:";
    private static final String EITHER = "w:";

    private final List<String> themes;
    private final double[] bias;
    private final Map<String, float[]> weights;
    /**
     * The same weights by the bare term, one map per kind of feature: an item's terms are looked up as they are,
     * without building a key per term and field for every item.
     */
    private final Map<String, float[]> titleWeights;
    private final Map<String, float[]> summaryWeights;
    private final Map<String, float[]> eitherWeights;
    private final double addAbove;
    private final double vetoBelow;
    private final double loneWordVetoBelow;

    private ThemeModel(List<String> themes, double[] bias, Map<String, float[]> weights, double addAbove,
                       double vetoBelow, double loneWordVetoBelow) {
        this.themes = themes;
        this.bias = bias;
        this.weights = weights;
        this.titleWeights = withPrefix(weights, TITLE);
        this.summaryWeights = withPrefix(weights, SUMMARY);
        this.eitherWeights = withPrefix(weights, EITHER);
        this.addAbove = addAbove;
        this.vetoBelow = vetoBelow;
        this.loneWordVetoBelow = loneWordVetoBelow;
    }

    /** The model that comes with the catalogue, read once. */
    public static ThemeModel bundled() {
        return Bundled.MODEL;
    }

    /** The bundled model, or none when the taxonomy lacks a theme it was trained for (an editor renamed one). */
    public static ThemeModel bundledFor(Taxonomy taxonomy) {
        return bundled().fitsThemes(taxonomy.themes().stream().map(Theme::id).toList()) ? bundled() : none();
    }

    private static final class Bundled {
        static final ThemeModel MODEL = load();
    }

    private static ThemeModel load() {
        try (InputStream in = ThemeModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE + " failed", e);
        }
    }

    /** A model that leaves the rules' themes as they are: the rules alone. */
    public static ThemeModel none() {
        return new ThemeModel(List.of(), new double[0], Map.of(), 1.1, 0, 0);
    }

    /** Reads a model file; a malformed one is rejected with its line and reason. */
    public static ThemeModel read(BufferedReader reader) throws IOException {
        Map<String, String> settings = new HashMap<>();
        List<String> themes = List.of();
        double[] bias = new double[0];
        Map<String, float[]> weights = new HashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            try {
                switch (cells[0]) {
                    case "add-above", "veto-below", "lone-word-veto-below" -> settings.put(cells[0], cells[1]);
                    case "themes" -> themes = List.of(Arrays.copyOfRange(cells, 1, cells.length));
                    case "bias" -> bias = numbers(cells, themes.size());
                    default -> weights.put(cells[0], floats(numbers(cells, themes.size())));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
            }
        }
        boolean complete = settings.keySet().containsAll(List.of("add-above", "veto-below", "lone-word-veto-below"));
        if (!complete || themes.isEmpty() || bias.length != themes.size()) {
            throw new IllegalArgumentException(
                    RESOURCE + ": needs add-above, veto-below, lone-word-veto-below, themes and bias lines");
        }
        return new ThemeModel(themes, bias, weights, Double.parseDouble(settings.get("add-above")),
                Double.parseDouble(settings.get("veto-below")), Double.parseDouble(settings.get("lone-word-veto-below")));
    }

    private static double[] numbers(String[] cells, int themes) {
        if (cells.length != themes + 1) {
            throw new IllegalArgumentException("expected " + themes + " weights after '" + cells[0] + "', found "
                    + (cells.length - 1));
        }
        return Arrays.stream(cells, 1, cells.length).mapToDouble(Double::parseDouble).toArray();
    }

    /** The weights of the features of one kind, by their term. */
    private static Map<String, float[]> withPrefix(Map<String, float[]> weights, String prefix) {
        Map<String, float[]> byTerm = new HashMap<>();
        weights.forEach((feature, row) -> {
            if (feature.startsWith(prefix)) {
                byTerm.put(feature.substring(prefix.length()), row);
            }
        });
        return byTerm;
    }

    private static float[] floats(double[] numbers) {
        float[] floats = new float[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            floats[i] = (float) numbers[i];
        }
        return floats;
    }

    /** The same weights combined with the rules at other probabilities, to choose them by study. */
    public ThemeModel combined(double addAbove, double vetoBelow, double loneWordVetoBelow) {
        return new ThemeModel(themes, bias, weights, addAbove, vetoBelow, loneWordVetoBelow);
    }

    /** Whether every theme the model knows is one of these. */
    public boolean fitsThemes(List<String> taxonomyThemes) {
        return taxonomyThemes.containsAll(themes);
    }

    /** The theme ids the model knows. */
    public List<String> themes() {
        return themes;
    }

    /**
     * The features of an item: each analysed term once per field and once for either, with the word it stands for.
     *
     * @return feature keys ({@code t:parkplatz}, {@code s:winterdienst}, {@code w:parkplatz}) to the first word that
     *         made them
     */
    public static Map<String, Evidence> features(List<AnalyzedToken> title, List<AnalyzedToken> summary) {
        Map<String, Evidence> features = new LinkedHashMap<>();
        title.forEach(token -> features.putIfAbsent(TITLE + token.term(), new Evidence(token.word(), "title")));
        summary.forEach(token -> features.putIfAbsent(SUMMARY + token.term(), new Evidence(token.word(), "summary")));
        title.forEach(token -> features.putIfAbsent(EITHER + token.term(), new Evidence(token.word(), "title")));
        summary.forEach(token -> features.putIfAbsent(EITHER + token.term(), new Evidence(token.word(), "summary")));
        return features;
    }

    /** The probability of each of {@link #themes()} for an item with these features. */
    public double[] probabilities(Set<String> features) {
        double[] sums = bias.clone();
        features.forEach(feature -> add(sums, weights.get(feature)));
        return logistic(sums);
    }

    /**
     * The same probabilities for an item's analysed title and teaser, without building its features: the weights are
     * added in the order of {@link #features}, title terms, teaser terms, then the terms of either, so that the sums
     * come out the same to the last bit.
     */
    double[] probabilities(List<AnalyzedToken> title, List<AnalyzedToken> summary) {
        Set<String> titleTerms = distinctTerms(title);
        Set<String> summaryTerms = distinctTerms(summary);
        double[] sums = bias.clone();
        titleTerms.forEach(term -> add(sums, titleWeights.get(term)));
        summaryTerms.forEach(term -> add(sums, summaryWeights.get(term)));
        titleTerms.forEach(term -> add(sums, eitherWeights.get(term)));
        summaryTerms.stream().filter(term -> !titleTerms.contains(term)).forEach(term -> add(sums, eitherWeights.get(term)));
        return logistic(sums);
    }

    private static Set<String> distinctTerms(List<AnalyzedToken> tokens) {
        Set<String> terms = new LinkedHashSet<>();
        tokens.forEach(token -> terms.add(token.term()));
        return terms;
    }

    /** Adds a feature's weights, if the model has any for it, to the sums. */
    private static void add(double[] sums, float[] row) {
        if (row != null) {
            for (int t = 0; t < sums.length; t++) {
                sums[t] += row[t];
            }
        }
    }

    private static double[] logistic(double[] sums) {
        for (int t = 0; t < sums.length; t++) {
            sums[t] = 1 / (1 + Math.exp(-sums[t]));
        }
        return sums;
    }

    /**
     * The rules' themes, less those the model finds very unlikely (or unlikely, where one teaser word is all the
     * rules found), plus those it finds likely that the rules missed, strongest first.
     */
    public List<ThemeAssignment> revise(List<ThemeAssignment> byRules, List<AnalyzedToken> title,
                                        List<AnalyzedToken> summary) {
        if (themes.isEmpty()) {
            return strongestFirst(new ArrayList<>(byRules));
        }
        double[] probabilities = probabilities(title, summary);
        List<ThemeAssignment> revised = new ArrayList<>();
        Set<String> fromRules = new LinkedHashSet<>();
        for (ThemeAssignment rule : byRules) {
            fromRules.add(rule.id());
            int t = themes.indexOf(rule.id());
            double needed = restsOnOneTeaserWord(rule) ? Math.max(vetoBelow, loneWordVetoBelow) : vetoBelow;
            if (t < 0 || probabilities[t] >= needed) {
                revised.add(rule);
            }
        }
        for (int t = 0; t < themes.size(); t++) {
            if (probabilities[t] >= addAbove && !fromRules.contains(themes.get(t))) {
                // The features with their words are built only for the rare theme the model adds.
                List<Evidence> evidence = strongest(features(title, summary), t);
                if (!evidence.isEmpty()) {
                    double score = Math.round(probabilities[t] * SCORE_PRECISION) / SCORE_PRECISION;
                    revised.add(new ThemeAssignment(themes.get(t), score, evidence));
                }
            }
        }
        return strongestFirst(revised);
    }

    /** Whether the rules found the theme in one word of the teaser and nowhere else. */
    private static boolean restsOnOneTeaserWord(ThemeAssignment rule) {
        return rule.evidence().stream().allMatch(evidence -> evidence.field().equals("summary"))
                && rule.evidence().stream().map(Evidence::term).distinct().count() == 1;
    }

    private static List<ThemeAssignment> strongestFirst(List<ThemeAssignment> themes) {
        themes.sort(Comparator.comparingDouble(ThemeAssignment::score).reversed());
        return List.copyOf(themes);
    }

    /** The words whose features weigh most for the theme, each word once. */
    private List<Evidence> strongest(Map<String, Evidence> features, int theme) {
        return features.entrySet().stream()
                .filter(feature -> weight(feature.getKey(), theme) > 0)
                .sorted(Comparator.comparingDouble(
                        (Map.Entry<String, Evidence> feature) -> weight(feature.getKey(), theme)).reversed())
                .map(Map.Entry::getValue).distinct().limit(EVIDENCE_WORDS).toList();
    }

    private float weight(String feature, int theme) {
        float[] row = weights.get(feature);
        return row == null ? 0 : row[theme];
    }
}
