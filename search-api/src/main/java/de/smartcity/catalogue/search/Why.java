package de.smartcity.catalogue.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Why one item or project is similar to another.
 *
 * @param themes the themes both have, with their German labels
 * @param terms  words both texts share, as the similar one writes them, most frequent first
 * @param text   the same in a German sentence, for people
 */
public record Why(List<ThemeLabel> themes, List<String> terms, String text) {

    /** A theme id with its German label. */
    public record ThemeLabel(String id, String label) {
    }

    public static Why of(List<ThemeLabel> themes, List<String> terms) {
        List<String> sentences = new ArrayList<>();
        if (!themes.isEmpty()) {
            sentences.add((themes.size() == 1 ? "Gemeinsames Thema: " : "Gemeinsame Themen: ")
                    + String.join(", ", themes.stream().map(ThemeLabel::label).toList()) + ".");
        }
        if (!terms.isEmpty()) {
            sentences.add("Gemeinsame Begriffe: " + String.join(", ", terms) + ".");
        }
        return new Why(themes, terms, String.join(" ", sentences));
    }
}
