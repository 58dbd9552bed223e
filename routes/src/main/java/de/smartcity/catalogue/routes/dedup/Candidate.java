package de.smartcity.catalogue.routes.dedup;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored story that a new report may repeat: one row of the store's blocking query.
 *
 * @param itemId    the stored item
 * @param title     its headline as its primary source tells it
 * @param summary   its teaser
 * @param published when it was published
 * @param sourceId  the source whose telling the item shows
 * @param words     its words as stored with it; empty for items stored before the store kept them
 */
public record Candidate(String itemId, String title, String summary, Instant published, String sourceId,
                        Optional<StoryWords> words) {
}
