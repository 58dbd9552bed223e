package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.NewsItem;
import java.util.Optional;

/**
 * An item as stored, with the version that indexing acknowledges.
 *
 * @param mergedInto the item an editor merged this one into: it leaves public reads, and that item shows it
 */
public record VersionedItem(NewsItem item, long version, Optional<String> mergedInto) {
}
