package de.smartcity.catalogue.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text compared the way people type it: without case, accents or umlauts, so "hürth", "Huerth" and "HURTH" all
 * find "Hürth".
 */
final class Folding {
    private Folding() {
    }

    /** Lower case, accents and umlaut dots removed, spelled-out umlauts (ae, oe, ue) and ß shortened alike. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.GERMAN).replace("ß", "ss");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    }

    /** Whether a word of the folded text, or the text itself, starts with the folded prefix. */
    static boolean startsAWord(String foldedText, String foldedPrefix) {
        for (int at = foldedText.indexOf(foldedPrefix); at >= 0; at = foldedText.indexOf(foldedPrefix, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(foldedText.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }
}
