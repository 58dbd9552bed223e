package de.smartcity.catalogue.model;

import java.util.List;

/**
 * A theme on an item together with why it is there.
 *
 * @param id       theme id from the taxonomy, e.g. {@code parking}
 * @param score    confidence between 0 and 1
 * @param evidence the words that signalled the theme
 */
public record ThemeAssignment(String id, double score, List<Evidence> evidence) {
    public ThemeAssignment {
        evidence = List.copyOf(evidence);
    }
}
