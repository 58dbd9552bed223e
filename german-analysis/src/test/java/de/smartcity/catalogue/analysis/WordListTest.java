package de.smartcity.catalogue.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordListTest {

    private static final GermanMunicipalAnalyzer INDEXING = GermanMunicipalAnalyzer.forIndexing();

    @AfterAll
    static void closeAnalyzer() {
        INDEXING.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {WordList.COMPOUND_PARTS, WordList.UNDIVIDED_WORDS})
    void storesEveryWordAsTheNormalisationFilterWritesIt(String list) {
        assertThat(WordList.read(list))
                .allSatisfy(
                        word -> assertThat(INDEXING.normalize("", word).utf8ToString()).isEqualTo(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {WordList.COMPOUND_PARTS, WordList.UNDIVIDED_WORDS})
    void listsEveryWordOnce(String list) {
        List<String> words = WordList.read(list);

        assertThat(words).doesNotHaveDuplicates();
    }

    @Test
    void holdsOnlyPartsTheAnalyzerCanFind() {
        assertThat(WordList.read(WordList.COMPOUND_PARTS))
                .hasSizeGreaterThanOrEqualTo(400)
                .allSatisfy(
                        part ->
                                assertThat(part.length())
                                        .isBetween(
                                                GermanMunicipalAnalyzer.MIN_PART_LENGTH,
                                                GermanMunicipalAnalyzer.MAX_PART_LENGTH));
    }

    @Test
    void protectsOnlyWordsThatContainAListedPart() {
        List<String> parts = WordList.read(WordList.COMPOUND_PARTS);

        assertThat(WordList.read(WordList.UNDIVIDED_WORDS))
                .allSatisfy(word -> assertThat(parts).anySatisfy(part -> assertThat(word).contains(part)));
    }
}
