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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * The blocks near-duplicates are looked for in (see {@link de.smartcity.catalogue.routes.dedup.NearDuplicates}):
 * their lock rows and the indexed query for a block's stories.
 */
final class DedupBlocks {
    /** A block's stories within a date range that a source does not carry yet; answered from items_dedup_block. */
    private static final String NEAR = "FROM items WHERE dedup_block = ? AND published BETWEEN ? AND ? AND merged_into IS NULL "
            + "AND NOT EXISTS (SELECT 1 FROM item_sources s WHERE s.item_id = items.id AND s.source_id = ?)";
    static final String CANDIDATES = "SELECT id, title, summary, published, primary_source_id, story_words " + NEAR;

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
     * circle. Taken after the poll's item rows, as the last thing before the commit: a poll holding a block then
     * waits only for other blocks, never for an item row.
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
        near(connection, CANDIDATES, block, from, to, sourceId, rows -> candidates.add(new Candidate(rows.getString(1),
                rows.getString(2), rows.getString(3), rows.getObject(4, OffsetDateTime.class).toInstant(),
                rows.getString(5), Optional.ofNullable(rows.getString(6)).map(StoryWords::decode))));
        return candidates;
    }

    /** The ids and dates of the {@link #candidates}: enough to tell whether a story arrived since they were read. */
    static Map<String, Instant> candidateDates(Connection connection, String block, Instant from, Instant to,
                                               String sourceId) throws SQLException {
        Map<String, Instant> dates = new HashMap<>();
        near(connection, "SELECT id, published " + NEAR, block, from, to, sourceId,
                rows -> dates.put(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant()));
        return dates;
    }

    private static void near(Connection connection, String sql, String block, Instant from, Instant to, String sourceId,
                             ItemStore.RowHandler handler) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, block);
            query.setObject(2, ItemStore.utc(from));
            query.setObject(3, ItemStore.utc(to));
            query.setString(4, sourceId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }
}
