package de.smartcity.catalogue.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GermanMunicipalAnalyzerTest {

    private static final GermanMunicipalAnalyzer INDEXING = GermanMunicipalAnalyzer.forIndexing();
    private static final GermanMunicipalAnalyzer SEARCH = GermanMunicipalAnalyzer.forSearch();

    @AfterAll
    static void closeAnalyzers() {
        INDEXING.close();
        SEARCH.close();
    }

    @ParameterizedTest(name = "indexing {0} finds the query {1}")
    @CsvSource({
        "Parkhausbelegungen, Parkhaus",
        "Parkhausbelegungen, Belegung",
        "Müllabfuhr, Müll",
        "Müllabfuhr, Abfuhr",
        "Schwerbehindertenparkplätzen, Parkplatz",
        "Schwerbehindertenparkplätzen, Parkplätze",
        "Winterdienstes, Winterdienst",
        "Straßenbeleuchtung, Straße",
        "Ladesäulen, Ladesäule",
        "Füllstandssensoren, Sensor",
        "Glasfaserausbau, Glasfaser",
        "Oberbürgermeisterin, Bürgermeister"
    })
    void indexesTheListedPartsOfACompound(String indexedText, String query) {
        assertThat(terms(INDEXING, indexedText)).contains(searchTerm(query));
    }

    @ParameterizedTest(name = "indexing {0} finds the query {0}")
    @ValueSource(strings = {"Parkhausbelegungen", "Müllabfuhr", "Schwerbehindertenparkplätzen"})
    void keepsTheWholeCompound(String compound) {
        assertThat(terms(INDEXING, compound)).contains(searchTerm(compound));
    }

    @Test
    void keepsCompoundsWholeInQueries() {
        assertThat(terms(SEARCH, "Parkhaus")).containsExactly("parkhaus");
    }

    @ParameterizedTest(name = "{0} and {1} are one search term")
    @CsvSource({
        "Stellplätze, Stellplatz",
        "Plätzen, Platz",
        "Winterdienstes, Winterdienst",
        "Straße, Strasse",
        "Müllbehälter, Muellbehaelter"
    })
    void foldsInflectionsAndSpellingsIntoOneTerm(String word, String sameWord) {
        assertThat(searchTerm(word)).isEqualTo(searchTerm(sameWord));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Parkinson",
                "Sparkasse",
                "Kreissparkasse",
                "Haushalt",
                "Haushaltsplan",
                "Augsburger",
                "Salzgitter",
                "Pflichtaufgabe",
                "Lichtenberg",
                "Dienstag",
                "Verdienst",
                "Beratung",
                "Strategie",
                "insgesamt",
                "Vereinigung",
                "rechtzeitig",
                "Bürgerinnen",
                "Funktion",
                "Transport",
                "Königswinter",
                "Feuerbach",
                "Sozialdemokraten",
                "Saarbrücker",
                "Besucherströme",
                "Ladenöffnung",
                "Müller",
                "Müllheimer",
                "Kandidaten"
            })
    void doesNotSplitWordsThatOnlyLookLikeCompounds(String word) {
        assertThat(terms(INDEXING, word)).containsExactly(searchTerm(word));
    }

    @Test
    void emitsEachTermOncePerPosition() {
        assertThat(terms(INDEXING, "Parkplätze")).containsExactly("parkplatz", "platz");
    }

    @Test
    void tellsTheWordOfTheTextEachTermComesFrom() {
        String text = "Sensoren an Schwerbehindertenparkplätzen.";

        List<AnalyzedToken> tokens = INDEXING.analyze(text);

        String compound = "Schwerbehindertenparkplätzen";
        assertThat(tokens)
                .contains(
                        new AnalyzedToken("sensor", "Sensoren", 0, 8),
                        new AnalyzedToken("parkplatz", compound, 12, 40),
                        new AnalyzedToken("platz", compound, 12, 40));
        assertThat(tokens)
                .allSatisfy(
                        token ->
                                assertThat(text.substring(token.startOffset(), token.endOffset()))
                                        .isEqualTo(token.word()));
    }

    @Test
    void analysesAnEmptyTextToNoTokens() {
        assertThat(INDEXING.analyze("")).isEmpty();
    }

    @Test
    void normalisesWildcardAndPrefixTermsWithoutStemming() {
        assertThat(SEARCH.normalize("", "Müllabfuhr*").utf8ToString()).isEqualTo("mullabfuhr*");
    }

    private static List<String> terms(GermanMunicipalAnalyzer analyzer, String text) {
        return analyzer.analyze(text).stream().map(AnalyzedToken::term).toList();
    }

    private static String searchTerm(String word) {
        List<String> terms = terms(SEARCH, word);
        assertThat(terms).as("search terms of %s", word).hasSize(1);
        return terms.getFirst();
    }
}
