package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.routes.dedup.StoryWords;
import java.util.Optional;

/**
 * One source carrying one story on one poll.
 *
 * @param item      the story as this source tells it
 * @param sourceId  the source
 * @param guid      the source's own id for the entry, or null when it gives none
 * @param sourceUrl the link as the source gave it, before canonicalisation
 * @param words     the story's words for finding near-duplicates, when an earlier step analysed it already
 *                  (the store analyses the story itself otherwise)
 */
public record Sighting(NewsItem item, String sourceId, String guid, String sourceUrl, Optional<StoryWords> words) {
    public Sighting(NewsItem item, String sourceId, String guid, String sourceUrl) {
        this(item, sourceId, guid, sourceUrl, Optional.empty());
    }
}
