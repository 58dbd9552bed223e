package de.smartcity.catalogue.routes.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The item versions Elasticsearch has not acknowledged yet (table {@code index_queue}, see migrations V7 and V12): one
 * numbered entry per new version. Every statement that gives an item a new version must queue it in the same
 * transaction; acknowledging removes exactly the entries the indexer read, so a version queued meanwhile stays.
 */
final class IndexQueue {
    private IndexQueue() {
    }

    /** Queues a new version of each item; an entry still waiting for an older version stays and is answered with it. */
    static void add(Connection connection, Collection<String> itemIds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO index_queue (item_id) VALUES (?)")) {
            for (String id : itemIds) {
                insert.setString(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Removes the entries of items Elasticsearch acknowledged, in entry order, so that two instances acknowledging at
     * once never wait for each other in a circle.
     */
    static void acknowledge(Connection connection, Collection<Long> entries) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM index_queue WHERE entry = ?")) {
            for (long entry : new TreeSet<>(entries)) {
                delete.setLong(1, entry);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
