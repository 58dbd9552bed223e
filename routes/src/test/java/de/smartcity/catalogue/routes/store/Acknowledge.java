package de.smartcity.catalogue.routes.store;

import java.sql.SQLException;
import java.util.List;

/** What the indexer does once Elasticsearch answered, for tests that need no Elasticsearch. */
final class Acknowledge {
    private Acknowledge() {
    }

    /** Removes every entry of the index queue, as if Elasticsearch had acknowledged all pending items. */
    static void everything(ItemStore store) throws SQLException {
        store.markIndexed(entries(store.queuedAfter(0, 10_000)));
    }

    static List<Long> entries(List<QueuedItem> items) {
        return items.stream().flatMap(item -> item.entries().stream()).toList();
    }
}
