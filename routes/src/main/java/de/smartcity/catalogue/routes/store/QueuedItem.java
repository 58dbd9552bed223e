package de.smartcity.catalogue.routes.store;

import java.util.List;

/**
 * An item waiting for Elasticsearch, as read from the index queue.
 *
 * @param entries the queue entries it answers, removed once Elasticsearch acknowledged it (more than one when the item
 *                changed again before it was indexed)
 */
public record QueuedItem(VersionedItem versioned, List<Long> entries) {
}
