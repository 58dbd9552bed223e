package de.smartcity.catalogue.model.gazetteer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Words that introduce a municipality by its status: "Stadt Essen", "Gemeinde Lage", "Stadtkreis Karlsruhe". */
final class Designations {

    private static final Set<String> WORDS = Set.of(
            "stadt", "gemeinde", "markt", "marktgemeinde", "ortsgemeinde", "stadtgemeinde",
            "hansestadt", "landeshauptstadt", "kreisstadt", "universitätsstadt", "stadtkreis",
            "stadtverwaltung", "gemeindeverwaltung");

    private Designations() {
    }

    static boolean isDesignation(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** "Stadt Hof" gives "Hof"; a name without a leading designation gives empty. */
    static Optional<String> strip(String name) {
        String trimmed = name.strip();
        int blank = trimmed.indexOf(' ');
        if (blank < 0 || !isDesignation(trimmed.substring(0, blank))) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(blank + 1).strip());
    }
}
