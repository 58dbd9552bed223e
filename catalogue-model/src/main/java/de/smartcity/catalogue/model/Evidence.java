package de.smartcity.catalogue.model;

/**
 * One word that made the tagger choose a theme.
 *
 * @param term  the word as it stands in the text ("Parkhausbelegungen")
 * @param field where it stands: {@code title} or {@code summary}
 */
public record Evidence(String term, String field) {
}
