package de.smartcity.catalogue.routes.dedup;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
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
 * @param terms   the analysed words
 * @param numbers the figures, without thousands separators; years are left out, since stories of one time share them
 */
record StoryWords(Set<String> terms, Set<String> numbers) {
    /** Words of the teaser that count: the lead carries a story's facts, the rest of a full text would match anything. */
    static final int LEAD_WORDS = 60;
    private static final GermanMunicipalAnalyzer TEXT = GermanMunicipalAnalyzer.forIndexing();
    private static final GermanMunicipalAnalyzer NAME = GermanMunicipalAnalyzer.forSearch();
    private static final CharArraySet STOP_WORDS = GermanAnalyzer.getDefaultStopSet();
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    StoryWords {
        terms = Set.copyOf(terms);
        numbers = Set.copyOf(numbers);
    }

    static StoryWords of(String title, String summary, String placeName) {
        Set<String> placeTerms = NAME.analyze(placeName).stream().map(AnalyzedToken::term).collect(Collectors.toSet());
        String lead = Arrays.stream(summary.strip().split("\\s+")).limit(LEAD_WORDS).collect(Collectors.joining(" "));
        Set<String> terms = new HashSet<>();
        for (AnalyzedToken token : TEXT.analyze(title + "\n" + lead)) {
            if (!STOP_WORDS.contains(token.word().toLowerCase(Locale.GERMAN)) && !placeTerms.contains(token.term())) {
                terms.add(token.term());
            }
        }
        return new StoryWords(terms, numbers(title + "\n" + lead));
    }

    private static Set<String> numbers(String text) {
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
