package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.NewsItem;

/** An item as stored, with the version that indexing acknowledges. */
public record VersionedItem(NewsItem item, long version) {
}
