package de.smartcity.catalogue.routes.evaluation;

import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import de.smartcity.catalogue.routes.tag.ThemeModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns a {@link ThemeModel} from labelled items: one L2-regularised logistic regression per theme over the
 * features {@link ThemeModel#features} makes, fitted by full-batch gradient descent with AdaGrad steps. Features
 * and items are visited in a fixed order, so the same items give the same file, byte for byte.
 */
final class ThemeModelTrainer {
    /** A feature seen in fewer training items than this is left out: one item's wording is no evidence. */
    private static final int MIN_ITEMS = 2;
    private static final double LEARNING_RATE = 0.5;
    /** Weights smaller than this are not written: they change no probability in the second decimal. */
    private static final double SMALLEST_WEIGHT = 0.0005;

    private static final GermanMunicipalAnalyzer ANALYZER = GermanMunicipalAnalyzer.forIndexing();

    /**
     * @param l2         regularisation strength on the mean log loss
     * @param iterations gradient steps
     * @param addAbove   probability from which the model adds a theme the rules missed
     * @param vetoBelow  probability under which the model drops a rule theme
     * @param loneWordVetoBelow probability under which the model drops a rule theme found in one teaser word alone
     */
    record Settings(double l2, int iterations, double addAbove, double vetoBelow, double loneWordVetoBelow) {
        Settings withCombination(double add, double veto, double loneWordVeto) {
            return new Settings(l2, iterations, add, veto, loneWordVeto);
        }
    }

    private ThemeModelTrainer() {
    }

    /** The features of a labelled item, as the tagger makes them. */
    static Set<String> features(LabelledItem item) {
        return ThemeModel.features(ANALYZER.analyze(item.title()),
                ANALYZER.analyze(item.summary() == null ? "" : item.summary())).keySet();
    }

    /** The model file learned from the items, for the themes in this order. */
    static String train(List<LabelledItem> items, List<String> themes, Settings settings) {
        List<Set<String>> itemFeatures = items.stream().map(ThemeModelTrainer::features).toList();
        Map<String, Integer> itemsWith = new TreeMap<>();
        itemFeatures.forEach(features -> features.forEach(feature -> itemsWith.merge(feature, 1, Integer::sum)));
        itemsWith.values().removeIf(count -> count < MIN_ITEMS);
        List<String> vocabulary = List.copyOf(itemsWith.keySet());
        Map<String, Integer> index = new TreeMap<>();
        vocabulary.forEach(feature -> index.put(feature, index.size()));

        int[][] rows = itemFeatures.stream()
                .map(features -> features.stream().filter(index::containsKey).mapToInt(index::get).toArray())
                .toArray(int[][]::new);
        int themeCount = themes.size();
        double[][] labels = new double[items.size()][themeCount];
        for (int i = 0; i < items.size(); i++) {
            for (int t = 0; t < themeCount; t++) {
                labels[i][t] = items.get(i).themes().contains(themes.get(t)) ? 1 : 0;
            }
        }
        double[] weights = new double[(vocabulary.size() + 1) * themeCount];
        fit(rows, labels, weights, themeCount, settings);
        return write(themes, vocabulary, weights, settings);
    }

    /** Gradient descent on the mean log loss; the last block of {@code weights} is the bias, not regularised. */
    private static void fit(int[][] rows, double[][] labels, double[] weights, int themes, Settings settings) {
        int biasAt = weights.length - themes;
        double[] squaredGradients = new double[weights.length];
        double[] gradient = new double[weights.length];
        double[] sums = new double[themes];
        for (int step = 0; step < settings.iterations(); step++) {
            Arrays.fill(gradient, 0);
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(weights, biasAt, sums, 0, themes);
                for (int feature : rows[i]) {
                    for (int t = 0; t < themes; t++) {
                        sums[t] += weights[feature * themes + t];
                    }
                }
                for (int t = 0; t < themes; t++) {
                    double error = 1 / (1 + Math.exp(-sums[t])) - labels[i][t];
                    gradient[biasAt + t] += error;
                    for (int feature : rows[i]) {
                        gradient[feature * themes + t] += error;
                    }
                }
            }
            for (int w = 0; w < weights.length; w++) {
                double g = gradient[w] / rows.length + (w < biasAt ? settings.l2() * weights[w] : 0);
                squaredGradients[w] += g * g;
                if (squaredGradients[w] > 0) {
                    weights[w] -= LEARNING_RATE * g / Math.sqrt(squaredGradients[w]);
                }
            }
        }
    }

    private static String write(List<String> themes, List<String> vocabulary, double[] weights, Settings settings) {
        int count = themes.size();
        StringBuilder file = new StringBuilder()
                .append("# Learned by ThemeModelFileTest from the tuning split; do not edit by hand.\n")
                .append(String.format(Locale.ROOT, "# l2 %s, %d iterations, features seen in >= %d items%n",
                        settings.l2(), settings.iterations(), MIN_ITEMS))
                .append(String.format(Locale.ROOT, "add-above\t%s%nveto-below\t%s%nlone-word-veto-below\t%s%n",
                        settings.addAbove(), settings.vetoBelow(), settings.loneWordVetoBelow()))
                .append("themes\t").append(String.join("\t", themes)).append('\n');
        row(file, "bias", weights, vocabulary.size() * count, count);
        for (int f = 0; f < vocabulary.size(); f++) {
            boolean weighs = false;
            for (int t = 0; t < count; t++) {
                weighs |= Math.abs(weights[f * count + t]) >= SMALLEST_WEIGHT;
            }
            if (weighs) {
                row(file, vocabulary.get(f), weights, f * count, count);
            }
        }
        return file.toString();
    }

    private static void row(StringBuilder file, String key, double[] weights, int from, int count) {
        file.append(key);
        for (int t = 0; t < count; t++) {
            file.append('\t').append(String.format(Locale.ROOT, "%.3f", weights[from + t]));
        }
        file.append('\n');
    }

    /** Reads a model file written by {@link #train}. */
    static ThemeModel model(String file) {
        try {
            return ThemeModel.read(new BufferedReader(new StringReader(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
