package de.smartcity.catalogue.routes.tag;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import de.smartcity.catalogue.model.Theme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A theme's rules prepared for matching: terms analysed once, vetoes folded once. A rule of one word
 * matches a word of the item; a rule of several words ("open data", "Smart-City-Strategie") matches
 * those words in a row.
 *
 * @param wordRules   one-word rules by their analysed term, strongest first: "schule" and "schüler" share "schul"
 * @param infixRules  one-word rules written at least {@value #MIN_INFIX_LENGTH} letters long, by their folded
 *                    spelling: they also count inside longer words ("ladesäule" in "Ladesäulenstandorte")
 * @param phraseRules rules of several words, by their first analysed word
 * @param vetoes      one-word vetoes by their folded spelling
 * @param idioms      vetoes of several words ("mit viel Energie"), read as phrases: their last word means
 *                    something else there
 * @param senses      rule terms with another sense, by their folded spelling, with the analysed words that show it
 */
record CompiledTheme(Theme theme, Map<String, List<Rule>> wordRules, Map<String, Rule> infixRules,
                     Map<String, List<Rule>> phraseRules, Map<String, Veto> vetoes, List<Rule> idioms,
                     Map<String, List<String>> senses) {
    /** Rule terms written at least this long are also found inside compounds the word list does not know. */
    private static final int MIN_INFIX_LENGTH = 7;

    /** What turns a verb into a noun: a term followed only by it is another word ("Unterrichtung"). */
    private static final Set<String> VERBAL_NOUN_ENDINGS = Set.of("ung", "ungen");

    /**
     * A rule as the analysis sees it.
     *
     * @param terms   the analysed words of the rule term, one for most rules
     * @param weight  how strongly it signals the theme
     * @param spelled the rule term as written, folded
     * @param broad   whether it counts only where no other word part stands in front of it (see {@link Theme#broad()})
     */
    record Rule(List<String> terms, double weight, String spelled, boolean broad) {
        /** The key under which the rule counts once per field, whichever word matched it. */
        String key() {
            return String.join(" ", terms);
        }
    }

    /**
     * A veto of the theme, folded.
     *
     * @param word         what a word must contain to be vetoed
     * @param overriddenBy the theme's terms, folded, that contain the veto and win where they occur:
     *                     "parkplatz" for the veto "park"
     */
    record Veto(String word, List<String> overriddenBy) {
    }

    static CompiledTheme of(Theme theme, GermanMunicipalAnalyzer searchAnalyzer) {
        Map<String, List<Rule>> wordRules = new HashMap<>();
        Map<String, Rule> infixRules = new HashMap<>();
        Map<String, List<Rule>> phraseRules = new HashMap<>();
        theme.terms().forEach((term, weight) -> {
            List<String> terms = searchAnalyzer.analyze(term).stream().map(AnalyzedToken::term).toList();
            Rule rule = new Rule(terms, weight, ThemeTagger.fold(term), theme.broad().contains(term));
            if (terms.size() == 1) {
                wordRules.computeIfAbsent(terms.get(0), first -> new ArrayList<>()).add(rule);
                if (rule.spelled().length() >= MIN_INFIX_LENGTH) {
                    infixRules.merge(rule.spelled(), rule, CompiledTheme::stronger);
                }
            } else if (terms.size() > 1) {
                phraseRules.computeIfAbsent(terms.get(0), first -> new ArrayList<>()).add(rule);
            }
        });
        wordRules.values().forEach(rules -> rules.sort(Comparator.comparingDouble(Rule::weight).reversed()));
        List<String> spelledTerms = theme.terms().keySet().stream().map(ThemeTagger::fold).toList();
        Map<String, Veto> vetoes = new HashMap<>();
        List<Rule> idioms = new ArrayList<>();
        for (String veto : theme.vetoes()) {
            String folded = ThemeTagger.fold(veto);
            if (folded.contains(" ")) {
                List<String> terms = searchAnalyzer.analyze(veto).stream().map(AnalyzedToken::term).toList();
                idioms.add(new Rule(terms, 0, folded, false));
            } else {
                vetoes.put(folded, new Veto(folded, spelledTerms.stream().filter(term -> term.contains(folded)).toList()));
            }
        }
        Map<String, List<String>> senses = new HashMap<>();
        theme.senses().forEach((term, clues) -> senses.put(ThemeTagger.fold(term), clues.stream()
                .flatMap(clue -> searchAnalyzer.analyze(clue).stream().map(AnalyzedToken::term))
                .toList()));
        return new CompiledTheme(theme, wordRules, infixRules, phraseRules, vetoes, List.copyOf(idioms), senses);
    }

    /**
     * The rule terms, by their folded spelling, that a word of the item shows in their other sense: "Messe" where
     * "Bischof" stands, also as a part of a compound ("Tanzmariechen" for the "Funken" of a carnival guard).
     *
     * @param termsOfItem the analysed terms of all the item's words, gathered once per item: a scan of every word
     *                    for every clue of every sense was a third of the tagging time
     */
    Set<String> otherSensesIn(Set<String> termsOfItem) {
        if (senses.isEmpty()) {
            return Set.of();
        }
        Set<String> shown = new HashSet<>();
        senses.forEach((spelled, clues) -> {
            if (clues.stream().anyMatch(termsOfItem::contains)) {
                shown.add(spelled);
            }
        });
        return shown;
    }

    /** The rule with the higher weight, the first on a tie; either may be null. */
    private static Rule stronger(Rule a, Rule b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.weight() >= b.weight() ? a : b;
    }

    /** What words are searched for: the spellings of infix rules and vetoes and of the terms that outweigh vetoes. */
    Stream<String> substrings() {
        return Stream.of(infixRules.keySet().stream(), vetoes.keySet().stream(),
                vetoes.values().stream().flatMap(veto -> veto.overriddenBy().stream())).flatMap(strings -> strings);
    }

    /**
     * Whether a veto tells that the word means something else: the word, or the hyphenated compound it
     * belongs to, contains a veto ("Bürgerparks", "Landschaftspflegeverband", "CO2-Ampeln"), and no term of the
     * theme that contains the veto as well ("Parkplatz" and "parken" stay parking words despite the veto "park").
     */
    boolean vetoed(ThemeTagger.Word word) {
        return vetoedBy(word.inWord()) || word.inCompound() != word.inWord() && vetoedBy(word.inCompound());
    }

    /** Whether the word at {@code end} ends one of the theme's idioms ("mit viel Energie"), spelled as a phrase rule is. */
    boolean endsIdiom(List<ThemeTagger.Word> words, int end) {
        for (Rule idiom : idioms) {
            int start = end - idiom.terms().size() + 1;
            if (start >= 0 && spells(idiom, words, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean vetoedBy(Set<String> substrings) {
        for (String substring : substrings) {
            Veto veto = vetoes.get(substring);
            if (veto != null && veto.overriddenBy().stream().noneMatch(substrings::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The phrase rules that may start with this word. */
    List<Rule> phrasesStartingWith(ThemeTagger.Word word) {
        return phraseRules.getOrDefault(word.primaryTerm(), List.of());
    }

    /**
     * The strongest one-word rule this word satisfies: its own term is a rule term, or one of its parts (from
     * the word list, or an infix rule written long) is a rule term where that part {@linkplain #countsAsPart counts}.
     */
    Optional<Rule> match(ThemeTagger.Word word) {
        Rule best = null;
        for (String term : word.terms()) {
            for (Rule rule : wordRules.getOrDefault(term, List.of())) {
                if (term.equals(word.primaryTerm()) ? countsAsWord(rule, word) : countsAsPart(rule, word)) {
                    best = stronger(best, rule);
                    break;
                }
            }
        }
        for (String substring : word.inWord()) {
            Rule rule = infixRules.get(substring);
            if (rule != null && countsAsPart(rule, word)) {
                best = stronger(best, rule);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A broad term counts only where no other part stands in front of it, also across a hyphen ("E-Mail-Verkehr"). */
    private static boolean countsAsWord(Rule rule, ThemeTagger.Word word) {
        return !rule.broad() || word.begins(rule.spelled());
    }

    /**
     * Whether a rule term found as a part of a longer word counts. The word must contain the term as written:
     * "Tanzschule" stems to "schul" as "Schüler" does, but is no "Schüler". A term with only "-ung" behind it
     * is the noun of a verb and means something else ("Unterrichtung" is no "Unterricht"). A broad term
     * counts only at the start.
     */
    private static boolean countsAsPart(Rule rule, ThemeTagger.Word word) {
        int at = word.folded().indexOf(rule.spelled());
        return at >= 0 && countsAsWord(rule, word)
                && !VERBAL_NOUN_ENDINGS.contains(word.folded().substring(at + rule.spelled().length()));
    }

    /**
     * Whether the words from {@code start} on spell the phrase rule. The last word may also be a compound
     * containing the rule's last word ("offene Verkehrsdaten" spells "offene Daten"), and, as for one-word
     * rules, a last word written long is also found inside a longer word ("KI-Kameras" spells "KI-Kamera",
     * although the light stemmer leaves "kameras" as it is).
     */
    static boolean spells(Rule phrase, List<ThemeTagger.Word> words, int start) {
        int last = phrase.terms().size() - 1;
        if (start + last >= words.size()) {
            return false;
        }
        String lastSpelled = phrase.spelled().substring(lastWordStart(phrase.spelled()));
        for (int i = 0; i <= last; i++) {
            ThemeTagger.Word word = words.get(start + i);
            String term = phrase.terms().get(i);
            boolean spelled = i == last
                    ? word.terms().contains(term) || word.primaryTerm().endsWith(term)
                            || lastSpelled.length() >= MIN_INFIX_LENGTH && word.folded().contains(lastSpelled)
                    : word.primaryTerm().equals(term);
            if (!spelled || !word.field().equals(words.get(start).field())) {
                return false;
            }
        }
        return true;
    }

    private static int lastWordStart(String spelled) {
        int start = spelled.length();
        while (start > 0 && Character.isLetterOrDigit(spelled.charAt(start - 1))) {
            start--;
        }
        return start;
    }
}
