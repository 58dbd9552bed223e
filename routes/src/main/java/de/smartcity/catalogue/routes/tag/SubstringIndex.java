package de.smartcity.catalogue.routes.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells which of a fixed set of strings occur inside a word. The strings are filed under their first
 * three letters, so a word is read once instead of being searched for every string: the taxonomy has
 * hundreds of terms and vetoes, an item about a hundred words.
 */
final class SubstringIndex {
    private static final int KEY_LENGTH = 3;

    private final Map<String, List<String>> byStart = new HashMap<>();
    private final List<String> shorterThanKey = new ArrayList<>();

    SubstringIndex(Collection<String> strings) {
        for (String string : new HashSet<>(strings)) {
            if (string.length() < KEY_LENGTH) {
                shorterThanKey.add(string);
            } else {
                byStart.computeIfAbsent(string.substring(0, KEY_LENGTH), key -> new ArrayList<>()).add(string);
            }
        }
    }

    /** The indexed strings that occur in {@code word}. */
    Set<String> foundIn(String word) {
        Set<String> found = new HashSet<>();
        for (String string : shorterThanKey) {
            if (word.contains(string)) {
                found.add(string);
            }
        }
        for (int i = 0; i + KEY_LENGTH <= word.length(); i++) {
            for (String candidate : byStart.getOrDefault(word.substring(i, i + KEY_LENGTH), List.of())) {
                if (word.startsWith(candidate, i)) {
                    found.add(candidate);
                }
            }
        }
        // Most words contain none; the empty immutable set is cheaper to iterate for every theme.
        return found.isEmpty() ? Set.of() : found;
    }
}
