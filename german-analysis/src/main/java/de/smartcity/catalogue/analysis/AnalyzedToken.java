package de.smartcity.catalogue.analysis;

/**
 * One token produced by {@link GermanMunicipalAnalyzer#analyze(String)}.
 *
 * @param term the indexed form, e.g. {@code parkplatz}
 * @param word the word of the input text the term comes from, e.g. {@code
 *     Schwerbehindertenparkplätzen}; a compound part has the offsets of its whole word
 * @param startOffset index of the word's first character in the input text
 * @param endOffset index after the word's last character in the input text
 */
public record AnalyzedToken(String term, String word, int startOffset, int endOffset) {}
