package de.smartcity.catalogue.routes.tag;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the nouns a title or teaser names as one item of a list: "Tempo 30, Parkgebühren und den Ausbau des
 * Radverkehrs", "das Bürgerkonto und freies WLAN", "zeigt Luftwerte, freie Parkhäuser und Elbpegel". A text that lists
 * a theme among others only brushes it.
 * Not lists: a hyphenated part that shares its ending ("Feinstaub- und Stickoxidsensoren" is one
 * compound), a pair of the same word ("Bürgerinnen und Bürger"), and "bis" before a number, a deadline or a
 * limit ("bis 2028 alle Verwaltungsleistungen").
 */
final class ListedWords {
    private static final Set<String> CONJUNCTIONS = Set.of("und", "oder", "sowie", "bis");
    private static final Set<String> ARTICLES = Set.of("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
            "einem", "einer", "eines", "zur", "zum");
    /** Words such as an article and an adjective that may stand between a list's comma or "und" and its noun. */
    private static final int MAX_WORDS_BEFORE_NOUN = 2;
    /** Letters two words must share to be the same word in two forms ("Seniorinnen und Senioren"). */
    private static final int PAIR_STEM = 5;

    private ListedWords() {
    }

    /** The positions of the listed nouns among {@code words} from {@code from} to {@code to}, the words of {@code text}. */
    static BitSet in(List<ThemeTagger.Word> words, int from, int to, String text) {
        BitSet listed = new BitSet();
        List<ThemeTagger.Word> ofText = words.subList(0, to);
        for (int i = from; i < to; i++) {
            if (isNoun(words.get(i)) && (listedAfter(ofText, i, text) || listedBefore(ofText, from, i, text))) {
                listed.set(i);
            }
        }
        return listed;
    }

    /** ", Parkgebühren und …" and ", dem neuen Mängelmelder und …": a comma or conjunction and its noun before the word. */
    private static boolean listedBefore(List<ThemeTagger.Word> words, int from, int i, String text) {
        int first = i;
        while (first > from && i - first < MAX_WORDS_BEFORE_NOUN && gap(words, first - 1, text).isBlank()
                && !isNoun(words.get(first - 1)) && !isConjunction(words, first - 1)) {
            first--;
        }
        if (first == from) {
            return false;
        }
        String gap = gap(words, first - 1, text);
        if (gap.strip().equals(",")) {
            return first == i || isArticle(words.get(first));
        }
        int conjunction = first - 1;
        return gap.isBlank() && isConjunction(words, conjunction) && conjunction > from
                && !gap(words, conjunction - 1, text).contains("-")
                && !samePair(words.get(conjunction - 1), words.get(i));
    }

    /** "Parkgebühren, …" and "Parkgebühren und den Ausbau": the word is followed by a comma and a noun, or by a conjunction. */
    private static boolean listedAfter(List<ThemeTagger.Word> words, int i, String text) {
        if (i + 1 >= words.size()) {
            return false;
        }
        String gap = gap(words, i, text);
        int next = i + 1;
        if (gap.strip().equals(",")) {
            next += isArticle(words.get(next)) ? 1 : 0;
            return next < words.size() && isNoun(words.get(next));
        }
        if (!gap.isBlank() || !isConjunction(words, next)) {
            return false;
        }
        int partner = next + 1;
        while (partner < words.size() && partner - next <= MAX_WORDS_BEFORE_NOUN && !isNoun(words.get(partner))) {
            partner++;
        }
        return partner >= words.size() || !samePair(words.get(i), words.get(partner));
    }

    /** The text between a word and the next one. */
    private static String gap(List<ThemeTagger.Word> words, int i, String text) {
        return text.substring(words.get(i).end(), words.get(i + 1).start());
    }

    private static boolean isNoun(ThemeTagger.Word word) {
        return Character.isUpperCase(word.surface().charAt(0));
    }

    private static boolean isConjunction(List<ThemeTagger.Word> words, int i) {
        String word = words.get(i).surface();
        boolean beforeNumber = i + 1 < words.size() && Character.isDigit(words.get(i + 1).surface().charAt(0));
        return CONJUNCTIONS.contains(word) && !(word.equals("bis") && beforeNumber);
    }

    private static boolean isArticle(ThemeTagger.Word word) {
        return ARTICLES.contains(word.surface().toLowerCase(Locale.GERMAN));
    }

    private static boolean samePair(ThemeTagger.Word a, ThemeTagger.Word b) {
        return a.folded().length() >= PAIR_STEM && b.folded().length() >= PAIR_STEM
                && a.folded().regionMatches(0, b.folded(), 0, PAIR_STEM);
    }
}
