package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.NewsItem;

/**
 * One source carrying one story on one poll.
 *
 * @param item      the story as this source tells it
 * @param sourceId  the source
 * @param guid      the source's own id for the entry, or null when it gives none
 * @param sourceUrl the link as the source gave it, before canonicalisation
 */
public record Sighting(NewsItem item, String sourceId, String guid, String sourceUrl) {
}
