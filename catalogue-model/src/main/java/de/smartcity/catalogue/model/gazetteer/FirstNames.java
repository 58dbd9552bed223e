package de.smartcity.catalogue.model.gazetteer;

import java.util.Set;

/**
 * Common German first names ({@code first-names.txt}). A capitalised word after one of them is a surname, also at the
 * start of a sentence ("Siegen: Carola Schnee übernimmt …"), and says nothing of a theme; a first name in "-er" is no
 * town's adjective ("Werner Schnee" is no one from Werne).
 */
public final class FirstNames {
    private static final Set<String> NAMES = Set.copyOf(GazetteerFile.readLines("first-names.txt"));

    private FirstNames() {
    }

    /** Whether {@code word}, as written, is a common first name. */
    public static boolean contains(String word) {
        return NAMES.contains(word);
    }
}
