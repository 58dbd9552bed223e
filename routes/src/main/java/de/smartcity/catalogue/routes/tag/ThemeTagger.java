package de.smartcity.catalogue.routes.tag;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tags items with the themes of the taxonomy and says why. Text runs through the same German
 * analysis as the search index, so inflections, umlauts and compound parts count; a rule term is
 * matched against every term of the item, and long rule terms also inside longer compounds
 * ("parkplatz" in "Schwerbehindertenparkplätzen"). A word that is, or contains, one of a theme's
 * vetoes ("Parkinson", "Bürgerpark") gives that theme nothing.
 */
public final class ThemeTagger {
    private static final double SCORE_PRECISION = 1000.0;

    private final Taxonomy taxonomy;
    private final GermanMunicipalAnalyzer indexAnalyzer = GermanMunicipalAnalyzer.forIndexing();
    private final List<CompiledTheme> themes;

    public ThemeTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        GermanMunicipalAnalyzer searchAnalyzer = GermanMunicipalAnalyzer.forSearch();
        this.themes = taxonomy.themes().stream().map(theme -> CompiledTheme.of(theme, searchAnalyzer)).toList();
    }

    /** The item with its themes and fields of action set. */
    public NewsItem tag(NewsItem item) {
        TagResult result = tag(item.title(), item.summary());
        return item.withThemes(result.themes(), result.fields());
    }

    public TagResult tag(String title, String summary) {
        List<Word> words = new ArrayList<>();
        collect(title, "title", words);
        collect(summary, "summary", words);
        List<ThemeAssignment> assigned = new ArrayList<>();
        for (CompiledTheme theme : themes) {
            Map<String, Double> weightByMatch = new HashMap<>();
            Set<Evidence> evidence = new LinkedHashSet<>();
            for (int i = 0; i < words.size(); i++) {
                Word word = words.get(i);
                if (theme.vetoed(word)) {
                    continue;
                }
                theme.match(word).ifPresent(rule -> count(rule, word.surface(), word.field(), weightByMatch, evidence));
                for (CompiledTheme.Rule phrase : theme.phraseRules()) {
                    if (CompiledTheme.spells(phrase, words, i)) {
                        String surface = String.join(" ", words.subList(i, i + phrase.terms().size()).stream().map(Word::surface).toList());
                        count(phrase, surface, word.field(), weightByMatch, evidence);
                    }
                }
            }
            double sum = weightByMatch.values().stream().mapToDouble(Double::doubleValue).sum();
            double score = Math.round((1 - Math.exp(-sum)) * SCORE_PRECISION) / SCORE_PRECISION;
            if (score >= taxonomy.threshold()) {
                assigned.add(new ThemeAssignment(theme.theme().id(), score, List.copyOf(evidence)));
            }
        }
        assigned.sort((a, b) -> Double.compare(b.score(), a.score()));
        Set<String> fields = new LinkedHashSet<>();
        taxonomy.fields().forEach(field -> {
            boolean used = assigned.stream().anyMatch(a -> taxonomy.theme(a.id()).map(Theme::field).orElse("").equals(field));
            if (used) {
                fields.add(field);
            }
        });
        return new TagResult(assigned, List.copyOf(fields));
    }

    /** Adds a matched rule; the same rule counts once per field, however often it is repeated. */
    private void count(CompiledTheme.Rule rule, String surface, String field, Map<String, Double> weightByMatch,
                       Set<Evidence> evidence) {
        double weight = rule.weight() * (field.equals("title") ? taxonomy.titleWeight() : 1.0);
        weightByMatch.merge(String.join(" ", rule.terms()) + "@" + field, weight, Math::max);
        evidence.add(new Evidence(surface, field));
    }

    /** Groups the analysed terms by the word of the text they came from. */
    private void collect(String text, String field, List<Word> words) {
        Map<Integer, Word> byStart = new LinkedHashMap<>();
        for (AnalyzedToken token : indexAnalyzer.analyze(text == null ? "" : text)) {
            byStart.computeIfAbsent(token.startOffset(), start -> new Word(token.word(), fold(token.word()), field, new LinkedHashSet<>()))
                    .terms().add(token.term());
        }
        words.addAll(byStart.values());
    }

    /** Lower case with umlauts and ß folded, as the analysis does, for infix and veto checks. */
    static String fold(String word) {
        return word.toLowerCase(Locale.GERMAN)
                .replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss");
    }

    /** One word of an item's text with every term the analysis made of it, the whole word's term first. */
    record Word(String surface, String folded, String field, Set<String> terms) {
        String primaryTerm() {
            return terms.iterator().next();
        }
    }

    /**
     * The themes and fields an item gets.
     *
     * @param themes strongest first
     * @param fields the fields of action of those themes, in taxonomy order
     */
    public record TagResult(List<ThemeAssignment> themes, List<String> fields) {
    }
}
