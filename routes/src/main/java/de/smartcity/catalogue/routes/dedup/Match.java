package de.smartcity.catalogue.routes.dedup;

/**
 * A new report found to tell a stored story.
 *
 * @param candidate  the stored story
 * @param similarity share of the shorter telling's words that the other has too
 * @param reason     why both are one story, in German for editors
 */
public record Match(Candidate candidate, double similarity, String reason) {
}
