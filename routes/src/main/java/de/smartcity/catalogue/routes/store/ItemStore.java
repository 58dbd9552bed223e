package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The items table: upserts by item id, so a re-poll, a restart or a second instance never
 * creates a duplicate, and tracks which version of each item Elasticsearch has acknowledged.
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

    private final DataSource dataSource;
    private final ObjectMapper json;

    public ItemStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Stores what one source carried on one poll. New stories are inserted; known ones are updated
     * when their content changed and otherwise only marked as seen. One transaction per call.
     */
    public UpsertResult upsert(List<Sighting> sightings, Instant now) throws SQLException {
        // Rows are locked in id order, so two polls carrying the same stories in another order never deadlock.
        Map<String, Sighting> byId = new TreeMap<>();
        sightings.forEach(sighting -> byId.putIfAbsent(sighting.item().id(), atStoredPrecision(sighting)));
        Instant storedNow = now.truncatedTo(ChronoUnit.MICROS);
        try {
            return upsertOnce(byId, storedNow);
        } catch (SQLException e) {
            if (RETRYABLE.contains(e.getSQLState())) {
                return upsertOnce(byId, storedNow);
            }
            throw e;
        }
    }

    /** Databases keep microseconds; hashing finer instants would make every poll look like a change. */
    private static Sighting atStoredPrecision(Sighting sighting) {
        NewsItem item = sighting.item();
        Instant published = item.published().truncatedTo(ChronoUnit.MICROS);
        return published.equals(item.published()) ? sighting
                : new Sighting(item.withPublished(published, item.publishedEstimated()), sighting.sourceId(),
                sighting.guid(), sighting.sourceUrl());
    }

    private UpsertResult upsertOnce(Map<String, Sighting> byId, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                UpsertResult result = upsertItems(connection, byId, now);
                upsertSightings(connection, byId.values(), now);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private UpsertResult upsertItems(Connection connection, Map<String, Sighting> byId, Instant now) throws SQLException {
        Map<String, StoredState> stored = storedStates(connection, byId.keySet());
        int inserted = 0;
        int changed = 0;
        int unchanged = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (" + ITEM_COLUMNS
                + ", content_hash, primary_source_id, indexed_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
             PreparedStatement update = connection.prepareStatement("UPDATE items SET url = ?, title = ?, summary = ?, "
                     + "published = ?, published_estimated = ?, last_seen = ?, language = ?, place_name = ?, "
                     + "place_kind = ?, place_ags = ?, place_state = ?, place_kreis = ?, place_latitude = ?, "
                     + "place_longitude = ?, place_reason = ?, themes_json = ?, fields_json = ?, content_hash = ?, "
                     + "version = version + 1 WHERE id = ?");
             PreparedStatement touch = connection.prepareStatement("UPDATE items SET last_seen = ? WHERE id = ?")) {
            for (Sighting sighting : byId.values()) {
                StoredState state = stored.get(sighting.item().id());
                if (state == null) {
                    NewsItem item = sighting.item();
                    bindInsert(insert, item, contentHash(item), sighting.sourceId(), now);
                    insert.addBatch();
                    inserted++;
                    continue;
                }
                // Only the first source to carry a story decides its content; others just add themselves.
                NewsItem item = state.asStored(sighting.item());
                String hash = contentHash(item);
                if (state.primarySourceId().equals(sighting.sourceId()) && !state.contentHash().equals(hash)) {
                    bindUpdate(update, item, hash, now);
                    update.addBatch();
                    changed++;
                } else {
                    touch.setObject(1, utc(now));
                    touch.setString(2, item.id());
                    touch.addBatch();
                    unchanged++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
            touch.executeBatch();
        }
        return new UpsertResult(inserted, changed, unchanged);
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

    private void bindInsert(PreparedStatement statement, NewsItem item, String hash, String primarySourceId, Instant now)
            throws SQLException {
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
    }

    private void bindUpdate(PreparedStatement statement, NewsItem item, String hash, Instant now) throws SQLException {
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
        statement.setString(19, item.id());
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

    private void upsertSightings(Connection connection, Collection<Sighting> sightings, Instant now) throws SQLException {
        Map<String, List<String>> sourcesByItem = sourceIds(connection, sightings.stream().map(s -> s.item().id()).toList());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item_sources "
                + "(item_id, source_id, guid, source_url, first_seen, last_seen) VALUES (?,?,?,?,?,?)");
             PreparedStatement touch = connection.prepareStatement(
                     "UPDATE item_sources SET last_seen = ?, guid = ?, source_url = ? WHERE item_id = ? AND source_id = ?")) {
            for (Sighting sighting : sightings) {
                String itemId = sighting.item().id();
                if (sourcesByItem.getOrDefault(itemId, List.of()).contains(sighting.sourceId())) {
                    touch.setObject(1, utc(now));
                    touch.setString(2, sighting.guid());
                    touch.setString(3, sighting.sourceUrl());
                    touch.setString(4, itemId);
                    touch.setString(5, sighting.sourceId());
                    touch.addBatch();
                } else {
                    insert.setString(1, itemId);
                    insert.setString(2, sighting.sourceId());
                    insert.setString(3, sighting.guid());
                    insert.setString(4, sighting.sourceUrl());
                    insert.setObject(5, utc(now));
                    insert.setObject(6, utc(now));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            touch.executeBatch();
        }
    }

    private static Map<String, List<String>> sourceIds(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, List<String>> sources = new HashMap<>();
        forEachChunk(connection, "SELECT item_id, source_id FROM item_sources WHERE item_id IN (%s) ORDER BY source_id", ids,
                row -> sources.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2)));
        return sources;
    }

    /** Runs an {@code IN (…)} query over ids in chunks small enough for every database. */
    private static void forEachChunk(Connection connection, String sqlTemplate, Collection<String> ids, RowHandler handler)
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
        return query("SELECT " + ITEM_COLUMNS + " FROM items WHERE id > ? AND indexed_version < version ORDER BY id",
                limit, afterId);
    }

    /** Every item, for a full reindex, in pages so memory stays flat. */
    public void forEachItem(int pageSize, Consumer<List<VersionedItem>> pageHandler) throws SQLException {
        String after = "";
        while (true) {
            List<VersionedItem> page = query("SELECT " + ITEM_COLUMNS + " FROM items WHERE id > ? ORDER BY id",
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
             PreparedStatement statement = connection.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM items WHERE id = ?")) {
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE items SET indexed_version = ? WHERE id = ? AND indexed_version < ?")) {
            for (Map.Entry<String, Long> entry : new TreeMap<>(versionsById).entrySet()) {
                statement.setLong(1, entry.getValue());
                statement.setString(2, entry.getKey());
                statement.setLong(3, entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** How many items Elasticsearch has not acknowledged in their current version: the index lag. */
    public long countNotYetIndexed() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM items WHERE indexed_version < version");
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
                items.add(new VersionedItem(toItem(rows), rows.getLong("version")));
            }
        }
        Map<String, List<String>> sources = sourceIds(connection, items.stream().map(v -> v.item().id()).toList());
        return items.stream()
                .map(v -> new VersionedItem(withSources(v.item(), sources.getOrDefault(v.item().id(), List.of())), v.version()))
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

    private static NewsItem withSources(NewsItem item, List<String> sourceIds) {
        return new NewsItem(item.id(), item.title(), item.summary(), item.url(), item.published(),
                item.publishedEstimated(), item.firstSeen(), item.lastSeen(), sourceIds, item.merged(), item.place(),
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

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }
}
