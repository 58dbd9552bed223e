package de.smartcity.catalogue.routes.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells which of a fixed set of strings occur inside a word. The strings are filed under a hash of their first
 * three letters, so a word is read once instead of being searched for every string: the taxonomy has
 * hundreds of terms and vetoes, an item about a hundred words.
 */
final class SubstringIndex {
    private static final int KEY_LENGTH = 3;
    /** Number of slots: a power of two, large against the few hundred keys so that few of them share a slot. */
    private static final int SLOTS = 1 << 16;

    /** The strings by the slot of their first three letters; a slot may also hold strings of another key. */
    private final List<List<String>> bySlot = new ArrayList<>(SLOTS);
    private final List<String> shorterThanKey = new ArrayList<>();

    SubstringIndex(Collection<String> strings) {
        for (int slot = 0; slot < SLOTS; slot++) {
            bySlot.add(List.of());
        }
        for (String string : new HashSet<>(strings)) {
            if (string.length() < KEY_LENGTH) {
                shorterThanKey.add(string);
            } else {
                int slot = slot(string, 0);
                List<String> filed = new ArrayList<>(bySlot.get(slot));
                filed.add(string);
                bySlot.set(slot, filed);
            }
        }
    }

    /** The indexed strings that occur in {@code word}. */
    Set<String> foundIn(String word) {
        // Most words contain none: the set is made at the first find, and the empty immutable set is cheaper to
        // iterate for every theme.
        Set<String> found = Set.of();
        for (String string : shorterThanKey) {
            if (word.contains(string)) {
                found = added(found, string);
            }
        }
        for (int i = 0; i + KEY_LENGTH <= word.length(); i++) {
            for (String candidate : bySlot.get(slot(word, i))) {
                if (word.startsWith(candidate, i)) {
                    found = added(found, candidate);
                }
            }
        }
        return found;
    }

    private static Set<String> added(Set<String> found, String string) {
        Set<String> growing = found.isEmpty() ? new HashSet<>() : found;
        growing.add(string);
        return growing;
    }

    /** The slot of the three letters at {@code at}, without cutting them out of the text. */
    private static int slot(String text, int at) {
        return (text.charAt(at) * 961 + text.charAt(at + 1) * 31 + text.charAt(at + 2)) & (SLOTS - 1);
    }
}
