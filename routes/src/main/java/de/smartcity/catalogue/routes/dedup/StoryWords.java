package de.smartcity.catalogue.routes.dedup;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;

/**
 * The words that tell one story from another of the same place: the title and the lead of the teaser through the
 * catalogue's German analysis (lower case, umlauts folded, light stemming, parts of compounds, so that
 * "Behindertenparkplätze" meets "Schwerbehindertenparkplätze"), without stop words and without the words of the
 * place's name, which every story of a block shares and which portals put in front of their titles ("Mannheim: …").
 * The numbers of title and lead are kept apart: recurring announcements of one place ("120 neue Sensoren in der
 * Nordstadt", "45 neue Sensoren in der Südstadt") share most words and differ in their figures.
 *
 * <p>The words are kept with the item ({@link #encoded()}), so a stored story is read, not analysed again, whenever a
 * new report is compared with it.
 *
 * @param terms   the analysed words
 * @param numbers the figures, without thousands separators; years are left out, since stories of one time share them
 */
public record StoryWords(Set<String> terms, Set<String> numbers) {
    /** Words of the teaser that count: the lead carries a story's facts, the rest of a full text would match anything. */
    static final int LEAD_WORDS = 60;
    private static final GermanMunicipalAnalyzer TEXT = GermanMunicipalAnalyzer.forIndexing();
    private static final GermanMunicipalAnalyzer NAME = GermanMunicipalAnalyzer.forSearch();
    /** The analysed words of each place name met: one entry per place, not per story. */
    private static final Map<String, Set<String>> PLACE_TERMS = new ConcurrentHashMap<>();
    private static final CharArraySet STOP_WORDS = GermanAnalyzer.getDefaultStopSet();
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    public StoryWords {
        terms = Set.copyOf(terms);
        numbers = Set.copyOf(numbers);
    }

    static StoryWords of(String title, String summary, String placeName) {
        return of(title, TEXT.analyze(title), summary, TEXT.analyze(summary), placeName);
    }

    /**
     * The same words from an analysis already made of title and teaser (the tagger's, see
     * {@link GermanMunicipalAnalyzer#forIndexing()}), so that an item is analysed once on its way into the store.
     */
    static StoryWords of(String title, List<AnalyzedToken> titleTokens, String summary, List<AnalyzedToken> summaryTokens,
                         String placeName) {
        int leadEnd = leadEnd(summary);
        List<AnalyzedToken> tokens = new ArrayList<>(titleTokens);
        summaryTokens.stream().filter(token -> token.startOffset() < leadEnd).forEach(tokens::add);
        return new StoryWords(terms(tokens, placeName), numbers(title + "\n" + summary.substring(0, leadEnd)));
    }

    /** Where the teaser's first {@link #LEAD_WORDS} words end. */
    private static int leadEnd(String summary) {
        // A loop over the characters, not a regular expression: it runs for every item ingested.
        int at = 0;
        int end = 0;
        for (int count = 0; count < LEAD_WORDS; count++) {
            while (at < summary.length() && isBlank(summary.charAt(at))) {
                at++;
            }
            if (at == summary.length()) {
                break;
            }
            while (at < summary.length() && !isBlank(summary.charAt(at))) {
                at++;
            }
            end = at;
        }
        return end;
    }

    /** What {@code \s} matches: the words of the lead are separated by these. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static Set<String> terms(List<AnalyzedToken> tokens, String placeName) {
        Set<String> placeTerms = PLACE_TERMS.computeIfAbsent(placeName,
                name -> NAME.analyze(name).stream().map(AnalyzedToken::term).collect(Collectors.toUnmodifiableSet()));
        Set<String> terms = new HashSet<>();
        for (AnalyzedToken token : tokens) {
            if (!STOP_WORDS.contains(token.word().toLowerCase(Locale.GERMAN)) && !placeTerms.contains(token.term())) {
                terms.add(token.term());
            }
        }
        return terms;
    }

    /** The words as the store keeps them: the terms, a line break, the figures; each separated by blanks. */
    public String encoded() {
        return String.join(" ", terms) + "\n" + String.join(" ", numbers);
    }

    /** Reads what {@link #encoded()} wrote. */
    public static StoryWords decode(String encoded) {
        int lineBreak = encoded.indexOf('\n');
        return new StoryWords(split(encoded.substring(0, lineBreak)), split(encoded.substring(lineBreak + 1)));
    }

    private static Set<String> split(String words) {
        return words.isEmpty() ? Set.of() : Set.of(BLANKS.split(words));
    }

    static Set<String> numbers(String text) {
        return NUMBER.matcher(text).results()
                .map(number -> number.group().replace(".", "").replace(",", ""))
                .filter(number -> !YEAR.matcher(number).matches())
                .collect(Collectors.toSet());
    }

    /** How many words both have, out of the words of the shorter telling, and whether their figures agree. */
    Overlap overlapWith(StoryWords other) {
        Set<String> shared = new HashSet<>(terms);
        shared.retainAll(other.terms);
        return new Overlap(shared.size(), Math.min(terms.size(), other.terms.size()), numbersAgree(other));
    }

    /**
     * A retelling may leave figures out but does not change them: when both give figures, at least half of the
     * figures of the one with fewer must occur in the other.
     */
    private boolean numbersAgree(StoryWords other) {
        Set<String> fewer = numbers.size() <= other.numbers.size() ? numbers : other.numbers;
        Set<String> more = fewer == numbers ? other.numbers : numbers;
        if (fewer.isEmpty()) {
            return true;
        }
        long found = fewer.stream().filter(more::contains).count();
        return found * 2 >= fewer.size();
    }

    /**
     * @param shared        words both tellings have
     * @param smaller       words of the shorter telling
     * @param numbersAgree  whether the figures of both tellings fit one story
     */
    record Overlap(int shared, int smaller, boolean numbersAgree) {
        /** 1 when the shorter telling's words all occur in the longer one, as with a portal's cut-down teaser. */
        double similarity() {
            return smaller == 0 ? 0 : (double) shared / smaller;
        }
    }
}
