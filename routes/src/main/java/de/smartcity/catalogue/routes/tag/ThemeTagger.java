package de.smartcity.catalogue.routes.tag;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
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
 * ("parkplatz" in "Schwerbehindertenparkplätzen"). A word containing one of a theme's vetoes
 * ("Parkinson", "Bürgerpark", "Müller") gives that theme nothing, unless it also contains a term
 * of the theme that contains the veto ("Parkplatz" despite the veto "park"). A broad term ("Verkehr",
 * "Pflege", "Handel") does not count behind another part of a compound ("Zahlungsverkehr"), where that
 * part makes the word about something else. A title word whose theme the teaser does not take up counts only
 * if it says the theme on its own ({@link Taxonomy#titleAloneWeight()}), and a noun the title or teaser lists among
 * others counts half ({@link ListedWords}). A word that is the last part of a name ("Thomas Schnee") counts
 * nothing ({@link NameWords}), nor does a term whose other sense a word of the item shows ("Messe" beside
 * "Bischof", {@link Theme#senses()}). A {@link ThemeModel} learned from the labelled set then adds themes the rules
 * missed when it is sure of them.
 */
public final class ThemeTagger {
    private static final double SCORE_PRECISION = 1000.0;
    /** The share of its weight a term gets as one item of a list in title or teaser (see {@link ListedWords}). */
    private static final double LISTED_SHARE = 0.5;

    private final Taxonomy taxonomy;
    private final ThemeModel model;
    private final GermanMunicipalAnalyzer indexAnalyzer = GermanMunicipalAnalyzer.forIndexing();
    private final List<CompiledTheme> themes;
    private final SubstringIndex substrings;
    /** Theme positions by the analysed terms that can start a match for them: word rules and phrases' first words. */
    private final Map<String, BitSet> themesByTerm = new HashMap<>();
    /** Theme positions by the spellings of their infix rules. */
    private final Map<String, BitSet> themesByInfix = new HashMap<>();
    private final Map<String, String> fieldByTheme = new HashMap<>();

    /** Rules and the bundled model; the rules alone for a taxonomy whose themes the model was not trained for. */
    public ThemeTagger(Taxonomy taxonomy) {
        this(taxonomy, ThemeModel.bundledFor(taxonomy));
    }

    public ThemeTagger(Taxonomy taxonomy, ThemeModel model) {
        if (!model.fitsThemes(taxonomy.themes().stream().map(Theme::id).toList())) {
            throw new IllegalArgumentException("The theme model knows themes the taxonomy lacks: " + model.themes());
        }
        this.taxonomy = taxonomy;
        this.model = model;
        GermanMunicipalAnalyzer searchAnalyzer = GermanMunicipalAnalyzer.forSearch();
        this.themes = taxonomy.themes().stream().map(theme -> CompiledTheme.of(theme, searchAnalyzer)).toList();
        taxonomy.themes().forEach(theme -> fieldByTheme.put(theme.id(), theme.field()));
        this.substrings = new SubstringIndex(themes.stream().flatMap(CompiledTheme::substrings).toList());
        for (int position = 0; position < themes.size(); position++) {
            CompiledTheme theme = themes.get(position);
            int at = position;
            theme.wordRules().keySet().forEach(term -> themesByTerm.computeIfAbsent(term, key -> new BitSet()).set(at));
            theme.phraseRules().keySet().forEach(term -> themesByTerm.computeIfAbsent(term, key -> new BitSet()).set(at));
            theme.infixRules().keySet().forEach(infix -> themesByInfix.computeIfAbsent(infix, key -> new BitSet()).set(at));
        }
    }

    /** The item with its themes and fields of action set. */
    public NewsItem tag(NewsItem item) {
        return tagAnalysed(item).item();
    }

    /**
     * The item with its themes and fields of action set, and the analysis of title and teaser they were found in,
     * for later steps that need the same analysis (finding near-duplicates).
     */
    public Tagged tagAnalysed(NewsItem item) {
        List<AnalyzedToken> titleTokens = analyze(item.title());
        List<AnalyzedToken> summaryTokens = analyze(item.summary());
        TagResult result = tag(item.title(), titleTokens, item.summary(), summaryTokens);
        return new Tagged(item.withThemes(result.themes(), result.fields()), titleTokens, summaryTokens);
    }

    public TagResult tag(String title, String summary) {
        return tag(title, analyze(title), summary, analyze(summary));
    }

    private List<AnalyzedToken> analyze(String text) {
        return indexAnalyzer.analyze(text == null ? "" : text);
    }

    private TagResult tag(String title, List<AnalyzedToken> titleTokens, String summary, List<AnalyzedToken> summaryTokens) {
        List<Word> words = new ArrayList<>();
        collect(title, titleTokens, "title", words);
        int teaserStart = words.size();
        collect(summary, summaryTokens, "summary", words);
        BitSet listed = ListedWords.in(words, teaserStart, words.size(), summary);
        listed.or(ListedWords.in(words, 0, teaserStart, title));
        BitSet names = new BitSet();
        NameWords.mark(words, 0, teaserStart, title, names);
        NameWords.mark(words, teaserStart, words.size(), summary, names);
        NameWords.spread(words, names);
        boolean teaserless = summary == null || summary.isBlank();
        List<ThemeAssignment> byRules = new ArrayList<>();
        List<BitSet> themesOfWords = words.stream().map(this::themesOf).toList();
        BitSet candidates = new BitSet(themes.size());
        themesOfWords.forEach(candidates::or);
        Set<String> termsOfItem = HashSet.newHashSet(words.stream().mapToInt(word -> word.terms().size()).sum());
        words.forEach(word -> termsOfItem.addAll(word.terms()));
        for (int position = candidates.nextSetBit(0); position >= 0; position = candidates.nextSetBit(position + 1)) {
            CompiledTheme theme = themes.get(position);
            ThemeScore score = new ThemeScore();
            Set<String> otherSenses = theme.otherSensesIn(termsOfItem);
            for (int i = 0; i < words.size(); i++) {
                if (!themesOfWords.get(i).get(position)) {
                    continue;
                }
                Word word = words.get(i);
                if (!theme.vetoed(word) && !theme.endsIdiom(words, i) && !names.get(i)) {
                    double share = listed.get(i) ? LISTED_SHARE : 1.0;
                    theme.match(word).filter(rule -> !otherSenses.contains(rule.spelled()))
                            .ifPresent(rule -> score.add(rule, share, word.surface(), word.field()));
                }
                for (CompiledTheme.Rule phrase : theme.phrasesStartingWith(word)) {
                    if (CompiledTheme.spells(phrase, words, i)) {
                        Word last = words.get(i + phrase.terms().size() - 1);
                        String text = word.field().equals("title") ? title : summary;
                        score.add(phrase, 1.0, text.substring(word.start(), last.end()), word.field());
                    }
                }
            }
            if (score.value() >= taxonomy.threshold() && (teaserless || score.corroborated())) {
                byRules.add(new ThemeAssignment(theme.theme().id(), score.value(), List.copyOf(score.evidence)));
            }
        }
        List<ThemeAssignment> assigned = model.revise(byRules, titleTokens, summaryTokens);
        Set<String> used = new HashSet<>();
        assigned.forEach(assignment -> used.add(fieldByTheme.get(assignment.id())));
        List<String> fields = taxonomy.fields().stream().filter(used::contains).distinct().toList();
        return new TagResult(assigned, fields);
    }

    /**
     * The themes this word could match: most words match no rule at all, so a theme is scored only on the words that
     * may match it. Vetoes and idioms only take away, so they need no place here.
     */
    private BitSet themesOf(Word word) {
        BitSet found = new BitSet(themes.size());
        word.terms().forEach(term -> orInto(found, themesByTerm.get(term)));
        word.inWord().forEach(substring -> orInto(found, themesByInfix.get(substring)));
        return found;
    }

    private static void orInto(BitSet target, BitSet themes) {
        if (themes != null) {
            target.or(themes);
        }
    }

    /**
     * A tagged item and the analysis ({@link GermanMunicipalAnalyzer#forIndexing()}) of its title and teaser.
     *
     * @param item          the item with its themes and fields of action
     * @param titleTokens   its title's tokens
     * @param summaryTokens its teaser's tokens
     */
    public record Tagged(NewsItem item, List<AnalyzedToken> titleTokens, List<AnalyzedToken> summaryTokens) {
    }

    /** What one theme has found in an item: its rules' weights and the words that matched them. */
    private final class ThemeScore {
        private final Map<String, Double> weightByMatch = new HashMap<>();
        private final Set<Evidence> evidence = new LinkedHashSet<>();
        private boolean inSummary;
        private double strongestInTitle;

        /**
         * Adds a matched rule, with the share of its weight the word gets; the same rule counts once per field,
         * however often it is repeated.
         */
        void add(CompiledTheme.Rule rule, double share, String surface, String field) {
            boolean title = field.equals("title");
            double weight = rule.weight() * share * (title ? taxonomy.titleWeight() : 1.0);
            weightByMatch.merge(rule.key() + "@" + field, weight, Math::max);
            evidence.add(new Evidence(surface, field));
            inSummary |= !title;
            strongestInTitle = title ? Math.max(strongestInTitle, rule.weight()) : strongestInTitle;
        }

        double value() {
            double sum = weightByMatch.values().stream().mapToDouble(Double::doubleValue).sum();
            return Math.round((1 - Math.exp(-sum)) * SCORE_PRECISION) / SCORE_PRECISION;
        }

        /**
         * Whether the teaser takes the theme up, or a title word says it on its own: a title word whose theme
         * the teaser never mentions was often meant in another sense ("eine Abfuhr erteilen", "mit neuer Energie").
         */
        boolean corroborated() {
            return inSummary || taxonomy.titleAloneWeight().map(needed -> strongestInTitle >= needed).orElse(true);
        }
    }

    /** Groups the analysed terms by the word of the text they came from. */
    private void collect(String text, List<AnalyzedToken> tokens, String field, List<Word> words) {
        Map<Integer, Word> byStart = new LinkedHashMap<>();
        for (AnalyzedToken token : tokens) {
            Set<String> terms = byStart.computeIfAbsent(token.startOffset(), start -> word(text, token, field)).terms();
            terms.add(token.term());
            if (isVowelPlural(token.term())) {
                terms.add(token.term().substring(0, token.term().length() - 1));
            }
        }
        words.addAll(byStart.values());
    }

    /** Whether the term may be a plural in -s that the light stemmer keeps: "kameras", "kitas", "autos". */
    private static boolean isVowelPlural(String term) {
        int length = term.length();
        return length > 3 && term.charAt(length - 1) == 's' && "aiouy".indexOf(term.charAt(length - 2)) >= 0;
    }

    private Word word(String text, AnalyzedToken token, String field) {
        String folded = fold(token.word());
        String around = compoundAround(text, token.startOffset(), token.endOffset());
        String compound = around.equals(token.word()) ? folded : fold(around);
        Set<String> inWord = substrings.foundIn(folded);
        Set<String> inCompound = compound.equals(folded) ? inWord : substrings.foundIn(compound);
        return new Word(token.word(), field, token.startOffset(), token.endOffset(), new LinkedHashSet<>(), folded, compound,
                inWord, inCompound);
    }

    /**
     * The hyphenated compound a word belongs to, e.g. "CO2-Ampeln" for "Ampeln": the text around it up to
     * the next blank, without the punctuation at either end. The tokenizer splits such compounds into words.
     */
    private static String compoundAround(String text, int start, int end) {
        int from = start;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        while (from < start && !Character.isLetterOrDigit(text.charAt(from))) {
            from++;
        }
        while (to > end && !Character.isLetterOrDigit(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Lower case with umlauts and ß folded, as the analysis does, for infix and veto checks. */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.GERMAN);
        if (!hasUmlautOrSharpS(lower)) {
            return lower;
        }
        // One pass instead of four replacements: every word of every item is folded.
        StringBuilder folded = new StringBuilder(lower.length() + 1);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ä' -> folded.append('a');
                case 'ö' -> folded.append('o');
                case 'ü' -> folded.append('u');
                case 'ß' -> folded.append("ss");
                default -> folded.append(c);
            }
        }
        return folded.toString();
    }

    /** Whether there is anything to fold after lower-casing: most words have no umlaut, and need no copy. */
    private static boolean hasUmlautOrSharpS(String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == 'ä' || c == 'ö' || c == 'ü' || c == 'ß') {
                return true;
            }
        }
        return false;
    }

    /**
     * One word of an item's text with every term the analysis made of it, the whole word's term first.
     *
     * @param start      index of the word's first character in its field's text
     * @param end        index after the word's last character
     * @param folded     the word, folded
     * @param compound   the hyphenated compound the word belongs to, folded ("co2-ampeln" for "Ampeln"), else the word
     * @param inWord     what the word, folded, contains of the strings the themes search for: infix rules,
     *                   vetoes and the terms that outweigh vetoes
     * @param inCompound the same for the hyphenated compound the word belongs to
     */
    record Word(String surface, String field, int start, int end, Set<String> terms, String folded, String compound,
                Set<String> inWord, Set<String> inCompound) {
        String primaryTerm() {
            return terms.iterator().next();
        }

        /** Whether the word, and the hyphenated compound it belongs to, start with the folded spelling. */
        boolean begins(String spelled) {
            return folded.startsWith(spelled) && compound.startsWith(spelled);
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
