package de.smartcity.catalogue.routes.dedup;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;

/**
 * The words that tell one story from another of the same place: the title and the lead of the teaser through the
 * catalogue's German analysis (lower case, umlauts folded, light stemming, parts of compounds, so that
 * "Behindertenparkplätze" meets "Schwerbehindertenparkplätze"), without stop words and without the words of the
 * place's name, which every story of a block shares and which portals put in front of their titles ("Mannheim: …").
 *
 * @param terms the analysed words
 */
record StoryWords(Set<String> terms) {
    /** Words of the teaser that count: the lead carries a story's facts, the rest of a full text would match anything. */
    static final int LEAD_WORDS = 60;
    private static final GermanMunicipalAnalyzer TEXT = GermanMunicipalAnalyzer.forIndexing();
    private static final GermanMunicipalAnalyzer NAME = GermanMunicipalAnalyzer.forSearch();
    private static final CharArraySet STOP_WORDS = GermanAnalyzer.getDefaultStopSet();

    StoryWords {
        terms = Set.copyOf(terms);
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
        return new StoryWords(terms);
    }

    /** How many words both have, out of the words of the shorter telling. */
    Overlap overlapWith(StoryWords other) {
        Set<String> shared = new HashSet<>(terms);
        shared.retainAll(other.terms);
        return new Overlap(shared.size(), Math.min(terms.size(), other.terms.size()));
    }

    /**
     * @param shared  words both tellings have
     * @param smaller words of the shorter telling
     */
    record Overlap(int shared, int smaller) {
        /** 1 when the shorter telling's words all occur in the longer one, as with a portal's cut-down teaser. */
        double similarity() {
            return smaller == 0 ? 0 : (double) shared / smaller;
        }
    }
}
