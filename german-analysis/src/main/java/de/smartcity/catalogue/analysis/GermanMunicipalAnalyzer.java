package de.smartcity.catalogue.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ProtectedTermFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * German analysis for municipal and smart-city news.
 *
 * <p>Both modes tokenise with {@link StandardTokenizer}, lower-case, fold umlauts and ß ({@link
 * GermanNormalizationFilter}: "Plätzen" becomes "platzen") and stem lightly ({@link
 * GermanLightStemFilter}). The {@linkplain #forIndexing() indexing} mode also keeps every word and
 * adds the parts of compounds found in the bundled word list, so that "Parkhausbelegungen" is also
 * indexed as "parkhaus" and "belegung". The {@linkplain #forSearch() search} mode never splits, so
 * a query for "Parkhaus" is not broadened to every word containing a listed part.
 *
 * <p>Instances are thread-safe: Lucene keeps one token stream per thread and analyzer.
 */
public final class GermanMunicipalAnalyzer extends Analyzer {

    /** Shortest part the word list may contain; shorter parts match inside too many words. */
    static final int MIN_PART_LENGTH = 4;

    /** Only a word longer than a part can contain a part besides itself. */
    static final int MIN_COMPOUND_LENGTH = MIN_PART_LENGTH + 1;

    /** Longest part the word list may contain. */
    static final int MAX_PART_LENGTH = 25;

    private static final CharArraySet COMPOUND_PARTS = WordList.load(WordList.COMPOUND_PARTS);
    private static final CharArraySet UNDIVIDED_WORDS = WordList.load(WordList.UNDIVIDED_WORDS);

    private final boolean splitCompounds;

    private GermanMunicipalAnalyzer(boolean splitCompounds) {
        this.splitCompounds = splitCompounds;
    }

    /** The chain for indexed text: words plus the listed parts of compounds. */
    public static GermanMunicipalAnalyzer forIndexing() {
        return new GermanMunicipalAnalyzer(true);
    }

    /** The chain for query text: words only, no compound splitting. */
    public static GermanMunicipalAnalyzer forSearch() {
        return new GermanMunicipalAnalyzer(false);
    }

    /**
     * Analyses a text and tells, for each resulting term, the word of the text it comes from.
     *
     * @return the tokens in stream order; a compound's parts follow the compound itself
     */
    public List<AnalyzedToken> analyze(String text) {
        List<AnalyzedToken> tokens = new ArrayList<>();
        try (TokenStream stream = tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                tokens.add(new AnalyzedToken(term.toString(), text.substring(start, end), start, end));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing an in-memory text failed", e);
        }
        return tokens;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = normalize(fieldName, source);
        if (splitCompounds) {
            result = new ProtectedTermFilter(UNDIVIDED_WORDS, result, GermanMunicipalAnalyzer::addParts);
        }
        result = new GermanLightStemFilter(result);
        if (splitCompounds) {
            // A listed word is found as its own part, and a plural stems to its listed singular.
            result = new RemoveDuplicatesTokenFilter(result);
        }
        return new TokenStreamComponents(source, result);
    }

    /** Lower-cases and folds umlauts; also used for wildcard, prefix and fuzzy query terms. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new GermanNormalizationFilter(new LowerCaseFilter(in));
    }

    private static TokenStream addParts(TokenStream words) {
        return new DictionaryCompoundWordTokenFilter(
                words, COMPOUND_PARTS, MIN_COMPOUND_LENGTH, MIN_PART_LENGTH, MAX_PART_LENGTH, false);
    }
}
