package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.MergedReport;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.dedup.Candidate;
import de.smartcity.catalogue.routes.dedup.Match;
import de.smartcity.catalogue.routes.dedup.NearDuplicates;
import de.smartcity.catalogue.routes.dedup.StoryWords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The items table: upserts by item id, so a re-poll, a restart or a second instance never
 * creates a duplicate, merges reports of one story under different URLs into one item, and tracks
 * which version of each item Elasticsearch has acknowledged.
 */
public final class ItemStore {
    /** Another transaction inserted the same story, or two transactions locked rows in a circle: try once more. */
    private static final Set<String> RETRYABLE = Set.of("23505", "40P01", "40001");
    private static final TypeReference<List<ThemeAssignment>> THEMES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String ITEM_COLUMNS = "id, url, title, summary, published, published_estimated, first_seen, "
            + "last_seen, language, place_name, place_kind, place_ags, place_state, place_kreis, place_latitude, "
            + "place_longitude, place_reason, themes_json, fields_json, version";
    /** What reads take besides the written columns: whether an editor merged the item into another. */
    private static final String READ_COLUMNS = ITEM_COLUMNS + ", merged_into";

    private final DataSource dataSource;
    private final ObjectMapper json;
    /** Upserts waiting for the writer; whichever poll holds it stores all of them together. */
    private final Queue<Upsert> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    public ItemStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Stores what one source carried on one poll. New stories are inserted, unless one tells a story of the same
     * place and days again under another URL ({@link NearDuplicates}): then it joins that item as a merged report.
     * Known ones are updated when their content changed and otherwise only marked as seen. Returns once committed: in
     * a transaction of its own, or together with the upserts that arrived while another one was being stored.
     */
    public UpsertResult upsert(List<Sighting> sightings, Instant now) throws SQLException {
        return upsert(sightings, now, (connection, result) -> {
        });
    }

    /**
     * Stores what the source carried, as {@link #upsert(List, Instant)} does, and in the same transaction the source's
     * health as {@code health} decides it from what was stored: the poll's items and its source are committed together,
     * not one after the other.
     */
    public UpsertResult upsert(List<Sighting> sightings, Instant now, Source polled, PollHealth health)
            throws SQLException {
        return upsert(sightings, now, (connection, result) ->
                SourceStore.recordSuccess(connection, polled, now, health.after(result)));
    }

    private UpsertResult upsert(List<Sighting> sightings, Instant now, AlsoWrite alsoWrite) throws SQLException {
        // Rows are locked in id order, so two polls carrying the same stories in another order never deadlock.
        Map<String, Sighting> byId = new TreeMap<>();
        sightings.forEach(sighting -> byId.putIfAbsent(sighting.item().id(), atStoredPrecision(sighting)));
        Upsert upsert = new Upsert(byId, now.truncatedTo(ChronoUnit.MICROS), alsoWrite);
        queued.add(upsert);
        writer.lock();
        try {
            // Another poll's turn may have stored this one with its own; otherwise this poll stores all that waits.
            if (!upsert.done()) {
                List<Upsert> group = new ArrayList<>();
                for (Upsert waiting = queued.poll(); waiting != null; waiting = queued.poll()) {
                    group.add(waiting);
                }
                try {
                    store(group);
                } finally {
                    // Only an Error leaves one undone; the polls waiting for it must not wait, nor store twice.
                    group.stream().filter(waiting -> !waiting.done()).forEach(waiting -> waiting.fail(
                            new IllegalStateException("Not stored: the poll storing it together with its own failed")));
                }
            }
        } finally {
            writer.unlock();
        }
        return upsert.result();
    }

    /**
     * Stores the group in one transaction: one commit, which H2 pays by rewriting every index page the group changed,
     * instead of one per poll. Each poll learns its outcome only after the commit, so what it reports as stored is.
     */
    private void store(List<Upsert> group) {
        try {
            List<UpsertResult> results = upsertOnce(group);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).succeed(results.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            if (group.size() > 1) {
                // One poll's failure must not fail the others: each tries again alone, as it would have without company.
                group.forEach(upsert -> store(List.of(upsert)));
            } else {
                retryAlone(group.getFirst(), e);
            }
        }
    }

    /** Another transaction inserted the same story, or two transactions locked rows in a circle: tries once more. */
    private void retryAlone(Upsert upsert, Exception failure) {
        if (!(failure instanceof SQLException sqlFailure) || !RETRYABLE.contains(sqlFailure.getSQLState())) {
            upsert.fail(failure);
            return;
        }
        try {
            upsert.succeed(upsertOnce(List.of(upsert)).getFirst());
        } catch (SQLException | RuntimeException e) {
            upsert.fail(e);
        }
    }

    /** Databases keep microseconds; hashing finer instants would make every poll look like a change. */
    private static Sighting atStoredPrecision(Sighting sighting) {
        NewsItem item = sighting.item();
        Instant published = item.published().truncatedTo(ChronoUnit.MICROS);
        return published.equals(item.published()) ? sighting
                : new Sighting(item.withPublished(published, item.publishedEstimated()), sighting.sourceId(),
                sighting.guid(), sighting.sourceUrl(), sighting.words());
    }

    /**
     * The group's upserts in one transaction, in the order they came. The blocks of all of them are locked first, in key
     * order; item rows are then locked upsert by upsert, each in id order. Should that meet another process's transaction
     * in a circle, the database fails this one and {@link #store} lets each upsert try again alone.
     */
    private List<UpsertResult> upsertOnce(List<Upsert> group) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<SortedSet<String>> blocks = new ArrayList<>();
            SortedSet<String> allBlocks = new TreeSet<>();
            for (Upsert upsert : group) {
                SortedSet<String> ofUpsert = blocksOfNewStories(connection, upsert.byId);
                blocks.add(ofUpsert);
                allBlocks.addAll(ofUpsert);
            }
            DedupBlocks.create(connection, allBlocks);
            connection.setAutoCommit(false);
            try {
                // Held to the commit: a poll storing another report of the same story waits, then finds this one.
                DedupBlocks.lock(connection, allBlocks);
                List<UpsertResult> results = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    Upsert upsert = group.get(i);
                    UpsertResult result = upsertLocked(connection, upsert.byId, blocks.get(i), upsert.now);
                    upsert.alsoWrite.write(connection, result);
                    results.add(result);
                }
                connection.commit();
                return results;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The blocks of the stories that are neither items nor aliases yet and may repeat a stored story. */
    private static SortedSet<String> blocksOfNewStories(Connection connection, Map<String, Sighting> byId) throws SQLException {
        Set<String> known = new HashSet<>();
        forEachChunk(connection, "SELECT id FROM items WHERE id IN (%s)", byId.keySet(), row -> known.add(row.getString(1)));
        forEachChunk(connection, "SELECT alias_id FROM item_aliases WHERE alias_id IN (%s)", byId.keySet(),
                row -> known.add(row.getString(1)));
        SortedSet<String> blocks = new TreeSet<>();
        byId.forEach((id, sighting) -> {
            if (!known.contains(id)) {
                NearDuplicates.block(sighting.item()).ifPresent(blocks::add);
            }
        });
        return blocks;
    }

    private UpsertResult upsertLocked(Connection connection, Map<String, Sighting> byId, Set<String> lockedBlocks,
                                      Instant now) throws SQLException {
        // Each report leads to its own item or to the item it was merged into; each item counts once. An item an
        // editor merged keeps its row, and its reports keep going there.
        Map<String, String> aliases = new HashMap<>();
        forEachChunk(connection, "SELECT alias_id, item_id FROM item_aliases WHERE alias_id IN (%s) "
                + "AND NOT EXISTS (SELECT 1 FROM items WHERE items.id = item_aliases.alias_id)", byId.keySet(),
                row -> aliases.put(row.getString(1), row.getString(2)));
        Map<String, Sighting> byItem = new TreeMap<>();
        byId.forEach((id, sighting) -> byItem.putIfAbsent(aliases.getOrDefault(id, id), sighting));
        Map<String, StoredState> stored = storedStates(connection, byItem.keySet());
        Map<String, List<String>> sourcesByItem = sourceIds(connection, stored.keySet());
        List<Sighting> fresh = byItem.entrySet().stream().filter(entry -> !stored.containsKey(entry.getKey()))
                .map(Map.Entry::getValue).toList();
        Map<String, StoryWords> words = new HashMap<>();
        fresh.forEach(sighting -> wordsOf(sighting, sighting.item()).ifPresent(found -> words.put(sighting.item().id(), found)));
        Map<String, Match> merges = findMerges(connection, fresh, words, lockedBlocks, stored.keySet());

        Writes writes = new Writes(connection);
        try (writes) {
            for (Map.Entry<String, Sighting> entry : byItem.entrySet()) {
                String itemId = entry.getKey();
                Sighting sighting = entry.getValue();
                StoredState state = stored.get(itemId);
                if (state == null) {
                    Match match = merges.get(itemId);
                    if (match == null) {
                        writes.insert(sighting, Optional.ofNullable(words.get(itemId)), now);
                    } else {
                        writes.merge(sighting, match, now);
                    }
                } else {
                    writes.known(itemId, sighting, state,
                            !sourcesByItem.getOrDefault(itemId, List.of()).contains(sighting.sourceId()), now);
                }
            }
            writes.execute(now);
        }
        return writes.result();
    }

    /**
     * Which stored story each new report tells again, by the report's id. Only reports whose block this poll has
     * locked take part; a stored story is never the target of two reports of one poll, nor of a report from a
     * source that already carries it (two reports of one source are two stories), nor of a report an editor kept
     * apart from it.
     */
    private static Map<String, Match> findMerges(Connection connection, List<Sighting> fresh, Map<String, StoryWords> words,
                                                 Set<String> lockedBlocks,
                                                 Set<String> carriedByThisPoll) throws SQLException {
        Map<BlockOfSource, List<Sighting>> byBlock = new TreeMap<>(
                Comparator.comparing(BlockOfSource::block).thenComparing(BlockOfSource::sourceId));
        for (Sighting sighting : fresh) {
            NearDuplicates.block(sighting.item()).filter(lockedBlocks::contains).ifPresent(block -> byBlock
                    .computeIfAbsent(new BlockOfSource(block, sighting.sourceId()), key -> new ArrayList<>()).add(sighting));
        }
        Map<String, Set<String>> keptApart = keptApart(connection, fresh);
        Map<String, Match> merges = new HashMap<>();
        Set<String> taken = new HashSet<>(carriedByThisPoll);
        for (Map.Entry<BlockOfSource, List<Sighting>> entry : byBlock.entrySet()) {
            List<Sighting> reports = entry.getValue();
            List<Candidate> candidates = candidatesNear(connection, entry.getKey(), reports);
            NearDuplicates.Block block = new NearDuplicates.Block(reports.getFirst().item().place().name(), candidates);
            for (Sighting report : reports) {
                Set<String> excluded = new HashSet<>(taken);
                excluded.addAll(keptApart.getOrDefault(report.item().id(), Set.of()));
                block.find(report.item(), words.get(report.item().id()), excluded).ifPresent(match -> {
                    merges.put(report.item().id(), match);
                    taken.add(match.candidate().itemId());
                });
            }
        }
        return merges;
    }

    /** The items an editor decided each report does not tell again, by the report's id. */
    private static Map<String, Set<String>> keptApart(Connection connection, List<Sighting> reports) throws SQLException {
        Map<String, Set<String>> apart = new HashMap<>();
        forEachChunk(connection, "SELECT item_id, other_id FROM keep_apart WHERE item_id IN (%s)",
                reports.stream().map(report -> report.item().id()).toList(),
                row -> apart.computeIfAbsent(row.getString(1), id -> new HashSet<>()).add(row.getString(2)));
        return apart;
    }

    /**
     * The block's stored stories near the reports' dates. A feed's first poll can span years; one query per run of
     * overlapping windows reads only the stories that can match, not everything the place published in between.
     */
    private static List<Candidate> candidatesNear(Connection connection, BlockOfSource block, List<Sighting> reports)
            throws SQLException {
        List<Instant> dates = reports.stream().map(report -> report.item().published()).sorted().toList();
        List<Candidate> candidates = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= dates.size(); i++) {
            boolean runEnds = i == dates.size()
                    || Duration.between(dates.get(i - 1), dates.get(i)).compareTo(NearDuplicates.WINDOW.multipliedBy(2)) > 0;
            if (runEnds) {
                candidates.addAll(DedupBlocks.candidates(connection, block.block(),
                        dates.get(first).minus(NearDuplicates.WINDOW), dates.get(i - 1).plus(NearDuplicates.WINDOW),
                        block.sourceId()));
                first = i;
            }
        }
        return candidates;
    }

    private record BlockOfSource(String block, String sourceId) {
    }

    /** The statements one upsert batches, in the order {@link #execute} runs them, and what they did. */
    private final class Writes implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final PreparedStatement touch;
        private final PreparedStatement alias;
        private final PreparedStatement linkSource;
        private final PreparedStatement seeSource;
        /** Items only marked as seen, and whether a source joined them; bound in id order, as rows are locked. */
        private final Map<String, Boolean> touched = new TreeMap<>();
        /** Items that get a new version, for the index queue. */
        private final Set<String> newVersions = new HashSet<>();
        private int inserted;
        private int merged;
        private int changed;
        private int unchanged;

        Writes(Connection connection) throws SQLException {
            this.connection = connection;
            insert = connection.prepareStatement("INSERT INTO items (" + ITEM_COLUMNS + ", content_hash, primary_source_id, "
                    + "dedup_block, story_words) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            update = connection.prepareStatement("UPDATE items SET url = ?, title = ?, summary = ?, "
                    + "published = ?, published_estimated = ?, last_seen = ?, language = ?, place_name = ?, "
                    + "place_kind = ?, place_ags = ?, place_state = ?, place_kreis = ?, place_latitude = ?, "
                    + "place_longitude = ?, place_reason = ?, themes_json = ?, fields_json = ?, content_hash = ?, "
                    + "dedup_block = ?, story_words = ?, version = version + 1 WHERE id = ?");
            // A source joining an item changes what the index shows (its sources), so that bumps the version too.
            touch = connection.prepareStatement("UPDATE items SET last_seen = ?, version = version + ? WHERE id = ?");
            alias = connection.prepareStatement("INSERT INTO item_aliases "
                    + "(alias_id, item_id, source_id, url, title, similarity, reason, created) VALUES (?,?,?,?,?,?,?,?)");
            linkSource = connection.prepareStatement("INSERT INTO item_sources "
                    + "(item_id, source_id, guid, source_url, first_seen, last_seen) VALUES (?,?,?,?,?,?)");
            seeSource = connection.prepareStatement(
                    "UPDATE item_sources SET last_seen = ?, guid = ?, source_url = ? WHERE item_id = ? AND source_id = ?");
        }

        void insert(Sighting sighting, Optional<StoryWords> words, Instant now) throws SQLException {
            NewsItem item = sighting.item();
            bindInsert(insert, item, contentHash(item), sighting.sourceId(), words, now);
            insert.addBatch();
            newVersions.add(item.id());
            link(item.id(), sighting, now);
            inserted++;
        }

        /** The report joins the item it tells again; its own id becomes an alias of that item. */
        void merge(Sighting sighting, Match match, Instant now) throws SQLException {
            NewsItem report = sighting.item();
            String itemId = match.candidate().itemId();
            alias.setString(1, report.id());
            alias.setString(2, itemId);
            alias.setString(3, sighting.sourceId());
            alias.setString(4, report.url());
            alias.setString(5, report.title());
            alias.setDouble(6, match.similarity());
            alias.setString(7, match.reason());
            alias.setObject(8, utc(now));
            alias.addBatch();
            touch(itemId, true);
            link(itemId, sighting, now);
            merged++;
        }

        /**
         * A report of a stored item. Only the source that first carried the story, under the story's own URL,
         * decides its content; other sources and merged reports just add themselves.
         */
        void known(String itemId, Sighting sighting, StoredState state, boolean newSource, Instant now) throws SQLException {
            NewsItem item = state.asStored(sighting.item());
            String hash = contentHash(item);
            boolean owner = item.id().equals(itemId) && state.primarySourceId().equals(sighting.sourceId());
            if (owner && !state.contentHash().equals(hash)) {
                bindUpdate(update, item, hash, wordsOf(sighting, item), now);
                update.addBatch();
                newVersions.add(itemId);
                changed++;
            } else {
                touch(itemId, newSource);
                unchanged++;
            }
            if (newSource) {
                link(itemId, sighting, now);
            } else {
                seeSource.setObject(1, utc(now));
                seeSource.setString(2, sighting.guid());
                seeSource.setString(3, sighting.sourceUrl());
                seeSource.setString(4, itemId);
                seeSource.setString(5, sighting.sourceId());
                seeSource.addBatch();
            }
        }

        private void touch(String itemId, boolean sourceJoined) {
            touched.merge(itemId, sourceJoined, Boolean::logicalOr);
            if (sourceJoined) {
                newVersions.add(itemId);
            }
        }

        private void link(String itemId, Sighting sighting, Instant now) throws SQLException {
            linkSource.setString(1, itemId);
            linkSource.setString(2, sighting.sourceId());
            linkSource.setString(3, sighting.guid());
            linkSource.setString(4, sighting.sourceUrl());
            linkSource.setObject(5, utc(now));
            linkSource.setObject(6, utc(now));
            linkSource.addBatch();
        }

        /** Items first: aliases and sources refer to them. */
        void execute(Instant now) throws SQLException {
            for (Map.Entry<String, Boolean> item : touched.entrySet()) {
                touch.setObject(1, utc(now));
                touch.setInt(2, item.getValue() ? 1 : 0);
                touch.setString(3, item.getKey());
                touch.addBatch();
            }
            for (PreparedStatement statement : List.of(insert, update, touch, alias, linkSource, seeSource)) {
                statement.executeBatch();
            }
            IndexQueue.add(connection, newVersions);
        }

        UpsertResult result() {
            return new UpsertResult(inserted, changed, unchanged, merged);
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(insert, update, touch, alias, linkSource, seeSource)) {
                statement.close();
            }
        }
    }

    /**
     * The words a story of a block is compared by ({@link NearDuplicates}): from the analysis the tagger made, or
     * analysed here when the sighting comes without it; empty for a story without a block.
     */
    private static Optional<StoryWords> wordsOf(Sighting sighting, NewsItem asStored) {
        return NearDuplicates.block(asStored)
                .map(block -> sighting.words().orElseGet(() -> NearDuplicates.wordsOf(asStored)));
    }

    /** What the database holds of an item that decides whether a new sighting changes it. */
    private record StoredState(String contentHash, Instant published, boolean publishedEstimated, String primarySourceId) {
        /** The sighting as it would be stored: an estimated date never replaces the date already known. */
        NewsItem asStored(NewsItem sighted) {
            return sighted.publishedEstimated() ? sighted.withPublished(published, publishedEstimated) : sighted;
        }
    }

    private static Map<String, StoredState> storedStates(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, StoredState> states = new HashMap<>();
        forEachChunk(connection, "SELECT id, content_hash, published, published_estimated, primary_source_id FROM items "
                + "WHERE id IN (%s)", ids, row -> states.put(row.getString(1), new StoredState(row.getString(2),
                instant(row, "published"), row.getBoolean(4), row.getString(5))));
        return states;
    }

    private void bindInsert(PreparedStatement statement, NewsItem item, String hash, String primarySourceId,
                            Optional<StoryWords> words, Instant now) throws SQLException {
        statement.setString(1, item.id());
        statement.setString(2, item.url());
        statement.setString(3, item.title());
        statement.setString(4, item.summary());
        statement.setObject(5, utc(item.published()));
        statement.setBoolean(6, item.publishedEstimated());
        statement.setObject(7, utc(now));
        statement.setObject(8, utc(now));
        statement.setString(9, item.language());
        bindPlace(statement, 10, item.place());
        statement.setString(18, toJson(item.themes()));
        statement.setString(19, toJson(item.fields()));
        statement.setLong(20, 1);
        statement.setString(21, hash);
        statement.setString(22, primarySourceId);
        statement.setString(23, NearDuplicates.block(item).orElse(null));
        statement.setString(24, words.map(StoryWords::encoded).orElse(null));
    }

    private void bindUpdate(PreparedStatement statement, NewsItem item, String hash, Optional<StoryWords> words, Instant now)
            throws SQLException {
        statement.setString(1, item.url());
        statement.setString(2, item.title());
        statement.setString(3, item.summary());
        statement.setObject(4, utc(item.published()));
        statement.setBoolean(5, item.publishedEstimated());
        statement.setObject(6, utc(now));
        statement.setString(7, item.language());
        bindPlace(statement, 8, item.place());
        statement.setString(16, toJson(item.themes()));
        statement.setString(17, toJson(item.fields()));
        statement.setString(18, hash);
        statement.setString(19, NearDuplicates.block(item).orElse(null));
        statement.setString(20, words.map(StoryWords::encoded).orElse(null));
        statement.setString(21, item.id());
    }

    /** Binds the eight place columns starting at {@code first}. */
    private static void bindPlace(PreparedStatement statement, int first, Place place) throws SQLException {
        Optional<Place> known = Optional.ofNullable(place);
        statement.setString(first, known.map(Place::name).orElse(null));
        statement.setString(first + 1, known.map(p -> p.kind().name()).orElse(null));
        statement.setString(first + 2, known.map(Place::ags).orElse(null));
        statement.setString(first + 3, known.map(Place::state).orElse(null));
        statement.setString(first + 4, known.map(Place::kreis).orElse(null));
        setDouble(statement, first + 5, known.map(Place::latitude).orElse(null));
        setDouble(statement, first + 6, known.map(Place::longitude).orElse(null));
        statement.setString(first + 7, known.map(Place::reason).orElse(null));
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static Map<String, List<String>> sourceIds(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, List<String>> sources = new HashMap<>();
        forEachChunk(connection, "SELECT item_id, source_id FROM item_sources WHERE item_id IN (%s) ORDER BY source_id", ids,
                row -> sources.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2)));
        return sources;
    }

    private static Map<String, List<MergedReport>> mergedReports(Connection connection, Collection<String> ids)
            throws SQLException {
        Map<String, List<MergedReport>> merged = new HashMap<>();
        forEachChunk(connection, "SELECT item_id, source_id, url, title, similarity, reason FROM item_aliases "
                + "WHERE item_id IN (%s) ORDER BY created, alias_id", ids, row -> merged.computeIfAbsent(row.getString(1),
                id -> new ArrayList<>()).add(new MergedReport(row.getString(2), row.getString(3), row.getString(4),
                row.getDouble(5), row.getString(6))));
        return merged;
    }

    /** Runs an {@code IN (…)} query over ids in chunks small enough for every database. */
    static void forEachChunk(Connection connection, String sqlTemplate, Collection<String> ids, RowHandler handler)
            throws SQLException {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String placeholders = String.join(",", chunk.stream().map(id -> "?").toList());
            try (PreparedStatement statement = connection.prepareStatement(sqlTemplate.formatted(placeholders))) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        handler.accept(rows);
                    }
                }
            }
        }
    }

    /** Items whose current version Elasticsearch has not acknowledged yet, at most {@code limit}. */
    public List<VersionedItem> notYetIndexed(int limit) throws SQLException {
        return notYetIndexed("", limit);
    }

    /**
     * The next page of items not yet acknowledged in their current version, in id order after {@code afterId}.
     * Paging by id lets a caller read the next page while the last one is still on its way to Elasticsearch.
     */
    public List<VersionedItem> notYetIndexed(String afterId, int limit) throws SQLException {
        return query("SELECT " + READ_COLUMNS + " FROM items WHERE id IN "
                + "(SELECT item_id FROM index_queue WHERE item_id > ? ORDER BY item_id FETCH FIRST " + limit + " ROWS ONLY) "
                + "ORDER BY id", limit, afterId);
    }

    /** Every item, for a full reindex, in pages so memory stays flat. */
    public void forEachItem(int pageSize, PageHandler pageHandler) throws SQLException {
        String after = "";
        while (true) {
            List<VersionedItem> page = query("SELECT " + READ_COLUMNS + " FROM items WHERE id > ? ORDER BY id",
                    pageSize, after);
            if (page.isEmpty()) {
                return;
            }
            pageHandler.accept(page);
            after = page.get(page.size() - 1).item().id();
        }
    }

    public Optional<NewsItem> find(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + READ_COLUMNS + " FROM items WHERE id = ?")) {
            statement.setString(1, id);
            List<VersionedItem> found = read(connection, statement);
            return found.stream().findFirst().map(VersionedItem::item);
        }
    }

    /** Records that Elasticsearch holds these versions; a newer version stored meanwhile stays pending. */
    public void markIndexed(Map<String, Long> versionsById) throws SQLException {
        if (versionsById.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            // One transaction: committing each row would make H2 (WRITE_DELAY=0) write the store once per item.
            connection.setAutoCommit(false);
            try {
                IndexQueue.acknowledge(connection, versionsById);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** How many items Elasticsearch has not acknowledged in their current version: the index lag. */
    public long countNotYetIndexed() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM index_queue");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public long count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM items");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<VersionedItem> query(String sql, int limit, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.setMaxRows(limit);
            return read(connection, statement);
        }
    }

    private List<VersionedItem> read(Connection connection, PreparedStatement statement) throws SQLException {
        List<VersionedItem> items = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                items.add(new VersionedItem(toItem(rows), rows.getLong("version"),
                        Optional.ofNullable(rows.getString("merged_into"))));
            }
        }
        List<String> ids = items.stream().map(v -> v.item().id()).toList();
        Map<String, SortedSet<String>> sources = new HashMap<>();
        sourceIds(connection, ids).forEach((id, own) -> sources.computeIfAbsent(id, key -> new TreeSet<>()).addAll(own));
        // The sources of the items editors merged into these count as theirs.
        forEachChunk(connection, "SELECT i.merged_into, s.source_id FROM item_sources s JOIN items i ON i.id = s.item_id "
                + "WHERE i.merged_into IN (%s)", ids,
                row -> sources.computeIfAbsent(row.getString(1), key -> new TreeSet<>()).add(row.getString(2)));
        Map<String, List<MergedReport>> merged = mergedReports(connection, ids);
        return items.stream()
                .map(v -> new VersionedItem(withSources(v.item(), List.copyOf(sources.getOrDefault(v.item().id(), new TreeSet<>())),
                        merged.getOrDefault(v.item().id(), List.of())), v.version(), v.mergedInto()))
                .toList();
    }

    private NewsItem toItem(ResultSet row) throws SQLException {
        String placeName = row.getString("place_name");
        Place place = placeName == null ? null : new Place(placeName, PlaceKind.valueOf(row.getString("place_kind")),
                row.getString("place_ags"), row.getString("place_state"), row.getString("place_kreis"),
                nullableDouble(row, "place_latitude"), nullableDouble(row, "place_longitude"), row.getString("place_reason"));
        return new NewsItem(row.getString("id"), row.getString("title"), row.getString("summary"), row.getString("url"),
                instant(row, "published"), row.getBoolean("published_estimated"), instant(row, "first_seen"),
                instant(row, "last_seen"), List.of(), List.of(), place, fromJson(row.getString("themes_json"), THEMES),
                fromJson(row.getString("fields_json"), STRINGS), row.getString("language"));
    }

    private static NewsItem withSources(NewsItem item, List<String> sourceIds, List<MergedReport> merged) {
        return new NewsItem(item.id(), item.title(), item.summary(), item.url(), item.published(),
                item.publishedEstimated(), item.firstSeen(), item.lastSeen(), sourceIds, merged, item.place(),
                item.themes(), item.fields(), item.language());
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String contentHash(NewsItem item) {
        String content = String.join("\u0000", item.url(), item.title(), item.summary(), String.valueOf(item.published()),
                String.valueOf(item.publishedEstimated()),
                toJson(item.place()), toJson(item.themes()), toJson(item.fields()), item.language());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("items are plain records and always serialise", e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is written by this class and always reads back", e);
        }
    }

    /** Takes one page of {@link #forEachItem}; may read the database itself. */
    @FunctionalInterface
    public interface PageHandler {
        void accept(List<VersionedItem> page) throws SQLException;
    }

    /** One poll's upsert; its outcome is set, under the writer lock, once its transaction ended. */
    private static final class Upsert {
        private final Map<String, Sighting> byId;
        private final Instant now;
        private final AlsoWrite alsoWrite;
        private Optional<UpsertResult> stored = Optional.empty();
        private Optional<Exception> failure = Optional.empty();

        Upsert(Map<String, Sighting> byId, Instant now, AlsoWrite alsoWrite) {
            this.byId = byId;
            this.now = now;
            this.alsoWrite = alsoWrite;
        }

        boolean done() {
            return stored.isPresent() || failure.isPresent();
        }

        void succeed(UpsertResult result) {
            stored = Optional.of(result);
        }

        void fail(Exception e) {
            failure = Optional.of(e);
        }

        UpsertResult result() throws SQLException {
            if (failure.orElse(null) instanceof SQLException sqlFailure) {
                throw sqlFailure;
            }
            if (failure.isPresent()) {
                throw (RuntimeException) failure.get();
            }
            return stored.orElseThrow();
        }
    }

    /** What else an upsert's transaction writes, knowing what the upsert did. */
    @FunctionalInterface
    private interface AlsoWrite {
        void write(Connection connection, UpsertResult result) throws SQLException;
    }

    @FunctionalInterface
    interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }
}
