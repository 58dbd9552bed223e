package de.smartcity.catalogue.routes.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The items Elasticsearch has not acknowledged in their current version (table {@code index_queue}, see migration
 * V7). Every statement that gives an item a new version must queue it in the same transaction; acknowledgements
 * remove an entry only while it still holds the acknowledged version.
 */
final class IndexQueue {
    private IndexQueue() {
    }

    /**
     * Queues the items with the version they have now in this transaction. Runs in id order, as the upsert locks
     * rows, so that it never waits in a circle with another writer or with {@link #acknowledge}.
     */
    static void add(Connection connection, Collection<String> itemIds) throws SQLException {
        // Delete and insert rather than an upsert statement: H2 and PostgreSQL share no upsert syntax.
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM index_queue WHERE item_id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO index_queue (item_id, version) SELECT id, version FROM items WHERE id = ?")) {
            for (String id : new TreeSet<>(itemIds)) {
                delete.setString(1, id);
                delete.addBatch();
                insert.setString(1, id);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    /**
     * Removes the entries of the acknowledged versions. An entry holding a newer version stays: the database waits
     * for a writer still holding the entry, then checks the version again.
     */
    static void acknowledge(Connection connection, Map<String, Long> versionsById) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM index_queue WHERE item_id = ? AND version <= ?")) {
            for (Map.Entry<String, Long> entry : new TreeMap<>(versionsById).entrySet()) {
                delete.setString(1, entry.getKey());
                delete.setLong(2, entry.getValue());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
