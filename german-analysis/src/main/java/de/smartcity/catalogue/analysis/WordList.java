package de.smartcity.catalogue.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/** Reads the word lists bundled next to this class: one word per line, '#' starts a comment. */
final class WordList {

    static final String COMPOUND_PARTS = "municipal-words.txt";
    static final String UNDIVIDED_WORDS = "undivided-words.txt";

    private WordList() {}

    /** The words of a bundled list in file order, duplicates included. */
    static List<String> read(String resourceName) {
        try (InputStream in = WordList.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("Word list not found next to WordList: " + resourceName);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read word list " + resourceName, e);
        }
    }

    /** The words of a bundled list as an immutable set that token filters share across threads. */
    static CharArraySet load(String resourceName) {
        return CharArraySet.unmodifiableSet(new CharArraySet(read(resourceName), false));
    }
}
