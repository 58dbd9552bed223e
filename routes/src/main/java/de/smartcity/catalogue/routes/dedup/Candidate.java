package de.smartcity.catalogue.routes.dedup;

import java.time.Instant;

/**
 * A stored story that a new report may repeat: one row of the store's blocking query.
 *
 * @param itemId    the stored item
 * @param title     its headline as its primary source tells it
 * @param summary   its teaser
 * @param published when it was published
 * @param sourceId  the source whose telling the item shows
 */
public record Candidate(String itemId, String title, String summary, Instant published, String sourceId) {
}
