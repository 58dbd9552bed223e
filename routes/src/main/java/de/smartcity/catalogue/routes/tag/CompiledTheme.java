package de.smartcity.catalogue.routes.tag;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import de.smartcity.catalogue.model.Theme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A theme's rules prepared for matching: terms analysed once, vetoes folded once. A rule of one word
 * matches a word of the item; a rule of several words ("open data", "Smart-City-Strategie") matches
 * those words in a row.
 */
record CompiledTheme(Theme theme, Map<String, Rule> wordRules, List<Rule> infixRules, List<Rule> phraseRules,
                     List<String> vetoes) {
    /** Rule terms at least this long are also found inside compounds the word list does not know. */
    private static final int MIN_INFIX_LENGTH = 6;

    /**
     * A rule as the analysis sees it.
     *
     * @param terms  the analysed words of the rule term, one for most rules
     * @param weight how strongly it signals the theme
     */
    record Rule(List<String> terms, double weight) {
        String term() {
            return terms.get(0);
        }
    }

    static CompiledTheme of(Theme theme, GermanMunicipalAnalyzer searchAnalyzer) {
        Map<String, Rule> wordRules = new HashMap<>();
        List<Rule> phraseRules = new ArrayList<>();
        theme.terms().forEach((term, weight) -> {
            List<String> terms = searchAnalyzer.analyze(term).stream().map(AnalyzedToken::term).toList();
            if (terms.size() == 1) {
                wordRules.merge(terms.get(0), new Rule(terms, weight), (a, b) -> a.weight() >= b.weight() ? a : b);
            } else if (terms.size() > 1) {
                phraseRules.add(new Rule(terms, weight));
            }
        });
        List<Rule> infixRules = wordRules.values().stream().filter(rule -> rule.term().length() >= MIN_INFIX_LENGTH).toList();
        List<String> vetoes = theme.vetoes().stream().map(ThemeTagger::fold).toList();
        return new CompiledTheme(theme, wordRules, infixRules, phraseRules, vetoes);
    }

    boolean vetoed(ThemeTagger.Word word) {
        return vetoes.stream().anyMatch(word.folded()::contains);
    }

    /** The strongest one-word rule this word satisfies: one of its terms is a rule term, or it contains a long one. */
    Optional<Rule> match(ThemeTagger.Word word) {
        Rule best = null;
        for (String term : word.terms()) {
            Rule rule = wordRules.get(term);
            if (rule != null && (best == null || rule.weight() > best.weight())) {
                best = rule;
            }
        }
        for (Rule rule : infixRules) {
            if ((best == null || rule.weight() > best.weight()) && word.folded().contains(rule.term())) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether the words from {@code start} on spell the phrase rule. */
    static boolean spells(Rule phrase, List<ThemeTagger.Word> words, int start) {
        if (start + phrase.terms().size() > words.size()) {
            return false;
        }
        for (int i = 0; i < phrase.terms().size(); i++) {
            ThemeTagger.Word word = words.get(start + i);
            if (!word.field().equals(words.get(start).field()) || !word.primaryTerm().equals(phrase.terms().get(i))) {
                return false;
            }
        }
        return true;
    }
}
