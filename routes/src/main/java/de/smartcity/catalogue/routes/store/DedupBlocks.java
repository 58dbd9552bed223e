package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.routes.dedup.Candidate;
import de.smartcity.catalogue.routes.dedup.StoryWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * The blocks near-duplicates are looked for in (see {@link de.smartcity.catalogue.routes.dedup.NearDuplicates}):
 * their lock rows and the indexed query for a block's stories.
 */
final class DedupBlocks {
    /** A block's stories within a date range that a source does not carry yet; answered from items_dedup_block. */
    static final String CANDIDATES = "SELECT id, title, summary, published, primary_source_id, story_words FROM items "
            + "WHERE dedup_block = ? AND published BETWEEN ? AND ? AND merged_into IS NULL "
            + "AND NOT EXISTS (SELECT 1 FROM item_sources s WHERE s.item_id = items.id AND s.source_id = ?)";

    private DedupBlocks() {
    }

    /**
     * Adds the lock rows the blocks lack. Runs in auto-commit mode before the upsert's transaction: two polls may
     * add the same row at once, and the one that loses only needs the row to exist.
     */
    static void create(Connection connection, SortedSet<String> blocks) throws SQLException {
        Set<String> existing = new HashSet<>();
        ItemStore.forEachChunk(connection, "SELECT block_key FROM dedup_blocks WHERE block_key IN (%s)", blocks,
                row -> existing.add(row.getString(1)));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dedup_blocks (block_key) VALUES (?)")) {
            for (String block : blocks) {
                if (!existing.contains(block)) {
                    insert.setString(1, block);
                    try {
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        if (!"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    /**
     * Locks the blocks until the transaction ends, in key order so that two polls never wait for each other in a
     * circle, and before any item row, so that no poll holding item rows waits for a block.
     */
    static void lock(Connection connection, SortedSet<String> blocks) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT block_key FROM dedup_blocks WHERE block_key = ? FOR UPDATE")) {
            for (String block : blocks) {
                lock.setString(1, block);
                try (ResultSet rows = lock.executeQuery()) {
                    rows.next();
                }
            }
        }
    }

    static List<Candidate> candidates(Connection connection, String block, Instant from, Instant to, String sourceId)
            throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(CANDIDATES)) {
            query.setString(1, block);
            query.setObject(2, ItemStore.utc(from));
            query.setObject(3, ItemStore.utc(to));
            query.setString(4, sourceId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new Candidate(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getString(5),
                            Optional.ofNullable(rows.getString(6)).map(StoryWords::decode)));
                }
            }
        }
        return candidates;
    }
}
