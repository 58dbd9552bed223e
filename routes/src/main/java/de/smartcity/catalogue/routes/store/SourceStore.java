package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.model.SourceStatus;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The sources table: what each source is, how its last fetches went and when it is due again. */
public final class SourceStore {
    private static final int MAX_ERROR_LENGTH = 2000;
    /** Longer validators are not stored (a cut one would never match); the source is then fetched in full. */
    private static final int MAX_ETAG_LENGTH = 1000;
    private static final int MAX_LAST_MODIFIED_LENGTH = 100;
    private static final Duration RECENT = Duration.ofDays(30);
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);
    private static final String ACTIVE = "active";
    private static final String PAUSED = "paused";
    private static final String REMOVED = "removed";
    private static final String MOVED = "UPDATE sources SET etag = NULL, last_modified = NULL, next_poll_at = NULL, "
            + "unchanged_polls = 0 WHERE id = ? AND url <> ?";
    private static final ObjectMapper JSON = CatalogueJson.mapper();

    private final DataSource dataSource;

    public SourceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Makes the table agree with the sources file and answers the sources to list and poll: the file's, and those an
     * admin made or touched through the API, whose row wins over the file (see {@link #create}). Health of known
     * sources is kept. A source that moved to another URL forgets its validators and is due at once: what the old
     * address answered says nothing about the new one.
     *
     * @return every source that is not removed, ordered by id
     */
    public List<ManagedSource> sync(Collection<Source> file) throws SQLException {
        Map<String, ManagedSource> byAdmins = new TreeMap<>();
        Set<String> removed = new HashSet<>();
        List<Source> fromFile;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, city, url, kind, poll_interval, html_json, state FROM sources WHERE edited_by IS NOT NULL");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Row row = row(rows);
                    if (row.state().equals(REMOVED)) {
                        removed.add(row.source().id());
                    } else {
                        byAdmins.put(row.source().id(), new ManagedSource(row.source(), row.state().equals(PAUSED)));
                    }
                }
            }
            fromFile = file.stream()
                    .filter(source -> !byAdmins.containsKey(source.id()) && !removed.contains(source.id())).toList();
            register(connection, fromFile);
        }
        Map<String, ManagedSource> listed = new TreeMap<>(byAdmins);
        fromFile.forEach(source -> listed.put(source.id(), ManagedSource.active(source)));
        return List.copyOf(listed.values());
    }

    /** Makes the table agree with these sources of the file; rows an admin touched are never passed here. */
    public void register(Collection<Source> sources) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            register(connection, sources);
        }
    }

    private static void register(Connection connection, Collection<Source> sources) throws SQLException {
        try (PreparedStatement moved = connection.prepareStatement(MOVED);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sources SET city = ?, url = ?, kind = ?, poll_interval = ?, html_json = ? WHERE id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sources (city, url, kind, poll_interval, html_json, id) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Source source : sources) {
                moved.setString(1, source.id());
                moved.setString(2, source.url().toString());
                moved.executeUpdate();
                bind(update, source);
                if (update.executeUpdate() == 0) {
                    bind(insert, source);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, Source source) throws SQLException {
        statement.setString(1, source.city());
        statement.setString(2, source.url().toString());
        statement.setString(3, source.kind().id());
        statement.setString(4, source.interval().toString());
        statement.setString(5, source.htmlSelectors().map(SourceStore::toJson).orElse(null));
        statement.setString(6, source.id());
    }

    /**
     * Stores a source an admin made, with its audit record, in one transaction; it is due at once. The row is the
     * admin's from then on: the sources file no longer replaces or removes it.
     *
     * @throws IllegalStateException when a source with this id exists or existed (a removed id is not reused)
     */
    public void create(Source source, ApiKey admin, Optional<String> reason, Instant now) throws SQLException {
        inTransaction(connection -> {
            Optional<Row> stored = lock(connection, source.id());
            if (stored.isPresent()) {
                throw new IllegalStateException("A source with id '" + source.id() + "' "
                        + (stored.get().state().equals(REMOVED) ? "existed and was removed; ids are not reused" : "exists already"));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sources (city, url, kind, poll_interval, "
                    + "html_json, id, origin, edited_by, state) VALUES (?, ?, ?, ?, ?, ?, 'api', ?, 'active')")) {
                bind(insert, source);
                insert.setString(7, admin.id());
                insert.executeUpdate();
            }
            AuditLog.write(connection, now, admin, "create-source", AuditLog.Subject.source(source.id()),
                    JSON.createObjectNode(), json(source, ACTIVE), reason.orElse(null));
            return null;
        });
    }

    /**
     * Replaces a listed source's definition (its id stays), with its audit record; it is due at once, and a new URL
     * starts without the old address's validators. A paused source stays paused.
     *
     * @return the source as stored; empty when no listed (not removed) source has this id
     */
    public Optional<ManagedSource> edit(Source source, ApiKey admin, Optional<String> reason, Instant now) throws SQLException {
        return inTransaction(connection -> {
            Optional<Row> stored = lock(connection, source.id()).filter(row -> !row.state().equals(REMOVED));
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement moved = connection.prepareStatement(MOVED);
                 PreparedStatement update = connection.prepareStatement("UPDATE sources SET city = ?, url = ?, kind = ?, "
                         + "poll_interval = ?, html_json = ?, next_poll_at = NULL, edited_by = ? WHERE id = ?")) {
                moved.setString(1, source.id());
                moved.setString(2, source.url().toString());
                moved.executeUpdate();
                bind(update, source);
                update.setString(6, admin.id());
                update.setString(7, source.id());
                update.executeUpdate();
            }
            String state = stored.get().state();
            AuditLog.write(connection, now, admin, "edit-source", AuditLog.Subject.source(source.id()),
                    json(stored.get().source(), state), json(source, state), reason.orElse(null));
            return Optional.of(new ManagedSource(source, state.equals(PAUSED)));
        });
    }

    /** What an admin can do to a source's polling, and the state each leads to. */
    public enum StateChange {
        PAUSE("pause-source", PAUSED, ACTIVE),
        RESUME("resume-source", ACTIVE, PAUSED),
        REMOVE("remove-source", REMOVED, null);

        private final String action;
        private final String to;
        private final String onlyFrom;

        StateChange(String action, String to, String onlyFrom) {
            this.action = action;
            this.to = to;
            this.onlyFrom = onlyFrom;
        }
    }

    /**
     * Pauses, resumes or removes a listed source, with its audit record. Nothing is deleted: a removed source's row,
     * health and items stay. A resumed source is due at once.
     *
     * @return the source afterwards; empty when no listed (not removed) source has this id
     * @throws IllegalStateException when the source is not in the state the change starts from (pause a paused one)
     */
    public Optional<ManagedSource> change(String id, StateChange change, ApiKey admin, Optional<String> reason, Instant now)
            throws SQLException {
        return inTransaction(connection -> {
            Optional<Row> stored = lock(connection, id).filter(row -> !row.state().equals(REMOVED));
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            String before = stored.get().state();
            if (change.onlyFrom != null && !before.equals(change.onlyFrom)) {
                throw new IllegalStateException("Source '" + id + "' is " + before + ", not " + change.onlyFrom);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE sources SET state = ?, edited_by = ?"
                    + (change == StateChange.RESUME ? ", next_poll_at = NULL" : "") + " WHERE id = ?")) {
                update.setString(1, change.to);
                update.setString(2, admin.id());
                update.setString(3, id);
                update.executeUpdate();
            }
            Source source = stored.get().source();
            AuditLog.write(connection, now, admin, change.action, AuditLog.Subject.source(id), json(source, before),
                    json(source, change.to), reason.orElse(null));
            return Optional.of(new ManagedSource(source, change.to.equals(PAUSED)));
        });
    }

    /** The source's definition and state as the audit trail shows it. */
    private static ObjectNode json(Source source, String state) {
        ObjectNode node = JSON.createObjectNode().put("id", source.id());
        source.cityName().ifPresent(city -> node.put("city", city));
        node.put("url", source.url().toString()).put("kind", source.kind().id())
                .put("interval", source.interval().toString());
        source.htmlSelectors().ifPresent(html -> node.set("html", JSON.valueToTree(html)));
        return node.put("state", state);
    }

    private static Optional<Row> lock(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, city, url, kind, poll_interval, html_json, state FROM sources WHERE id = ? FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    /** A stored source and its state ({@code active}, {@code paused}, {@code removed}). */
    private record Row(Source source, String state) {
    }

    /** Rows written before V11 have no interval or selectors; they are file rows, which the file defines anew. */
    private static Row row(ResultSet rows) throws SQLException {
        String interval = rows.getString("poll_interval");
        String html = rows.getString("html_json");
        Source source = new Source(rows.getString("id"), rows.getString("city"), URI.create(rows.getString("url")),
                SourceKind.fromId(rows.getString("kind")), interval == null ? DEFAULT_INTERVAL : Duration.parse(interval),
                html == null ? null : fromJson(html));
        return new Row(source, rows.getString("state"));
    }

    private static String toJson(HtmlSelectors html) {
        try {
            return JSON.writeValueAsString(html);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("selectors are a plain record and always serialise", e);
        }
    }

    private static HtmlSelectors fromJson(String html) {
        try {
            return JSON.readValue(html, HtmlSelectors.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored selectors are written by this class and always read back", e);
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
        return Transactions.run(dataSource, work);
    }

    /** What a poll of the source starts from; a source not in the table is treated as never polled. */
    public PollState pollState(String sourceId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT etag, last_modified, unchanged_polls, consecutive_failures FROM sources WHERE id = ?")) {
            statement.setString(1, sourceId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return PollState.NEW;
                }
                return new PollState(new Validators(row.getString(1), row.getString(2)), row.getInt(3), row.getInt(4));
            }
        }
    }

    /**
     * Records a successful poll of the source as it was polled. When an admin gave the source another URL meanwhile,
     * nothing is recorded: the old address's validators and schedule say nothing about the new one, which is due.
     */
    public void recordSuccess(Source polled, Instant at, SuccessfulPoll poll) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            recordSuccess(connection, polled, at, poll);
        }
    }

    /** Records the success on the caller's connection, in its transaction (see {@link PollHealth}). */
    static void recordSuccess(Connection connection, Source polled, Instant at, SuccessfulPoll poll) throws SQLException {
        Validators validators = poll.validators();
        String etag = validators.etagValue().filter(value -> value.length() <= MAX_ETAG_LENGTH).orElse(null);
        String lastModified = validators.lastModifiedValue().filter(value -> value.length() <= MAX_LAST_MODIFIED_LENGTH).orElse(null);
        execute(connection, "UPDATE sources SET last_attempt = ?, last_success = ?, last_status = ?, last_error = NULL, "
                        + "consecutive_failures = 0, unchanged_polls = ?, next_poll_at = ?, etag = ?, last_modified = ? "
                        + "WHERE id = ? AND url = ?",
                ItemStore.utc(at), ItemStore.utc(at), poll.notModified() ? SourceStatus.NOT_MODIFIED : SourceStatus.OK,
                poll.unchangedPolls(), ItemStore.utc(poll.nextPoll()), etag, lastModified, polled.id(), polled.url().toString());
    }

    /**
     * Validators and the count of unchanged polls are kept: the next success decides about them. As with successes,
     * a failure of a URL the source no longer has is not recorded.
     */
    public void recordFailure(Source polled, Instant at, FailedPoll poll) throws SQLException {
        String error = poll.error();
        String shortened = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH - 1) + "…" : error;
        execute("UPDATE sources SET last_attempt = ?, last_status = ?, last_error = ?, "
                        + "consecutive_failures = consecutive_failures + 1, next_poll_at = ? WHERE id = ? AND url = ?",
                ItemStore.utc(at), poll.backingOff() ? SourceStatus.BACKING_OFF : SourceStatus.FAILING, shortened,
                ItemStore.utc(poll.nextPoll()), polled.id(), polled.url().toString());
    }

    /**
     * Ids of the sources due at {@code now}: never polled, or past their next poll; the longest waiting first.
     * The table may hold sources no longer in the sources file; the caller picks the ones it polls.
     */
    public List<String> dueSourceIds(Instant now) throws SQLException {
        List<String> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM sources "
                     + "WHERE next_poll_at IS NULL OR next_poll_at <= ? "
                     + "ORDER BY CASE WHEN next_poll_at IS NULL THEN 0 ELSE 1 END, next_poll_at, id")) {
            statement.setObject(1, ItemStore.utc(now));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getString(1));
                }
            }
        }
        return due;
    }

    /** Every listed source (of the sources file or the admin API), with its health and item counts as of now. */
    public List<SourceStatus> statuses(Collection<String> currentIds) throws SQLException {
        return statuses(currentIds, Instant.now());
    }

    /**
     * Every listed source (of the sources file or the admin API), with its health and item counts.
     *
     * @param now the end of the 30 days {@link SourceStatus#itemsLast30Days()} counts
     */
    public List<SourceStatus> statuses(Collection<String> currentIds, Instant now) throws SQLException {
        Set<String> wanted = Set.copyOf(currentIds);
        List<SourceStatus> statuses = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT s.id, s.city, s.url, s.kind, s.state, s.last_status, "
                     + "s.last_attempt, s.last_success, s.last_error, s.consecutive_failures, s.next_poll_at, "
                     + "(SELECT COUNT(*) FROM item_sources i WHERE i.source_id = s.id) AS item_count, "
                     + "(SELECT COUNT(*) FROM item_sources i JOIN items t ON t.id = i.item_id "
                     + "WHERE i.source_id = s.id AND t.published >= ?) AS recent_count "
                     + "FROM sources s ORDER BY s.id")) {
            statement.setObject(1, ItemStore.utc(now.minus(RECENT)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!wanted.contains(rows.getString("id"))) {
                        continue;
                    }
                    statuses.add(new SourceStatus(rows.getString("id"), rows.getString("city"), rows.getString("url"),
                            rows.getString("kind"),
                            PAUSED.equals(rows.getString("state")) ? SourceStatus.PAUSED
                                    : Optional.ofNullable(rows.getString("last_status")).orElse(SourceStatus.NEVER_FETCHED),
                            instant(rows, "last_attempt"), instant(rows, "last_success"), rows.getString("last_error"),
                            rows.getInt("consecutive_failures"), instant(rows, "next_poll_at"), rows.getLong("item_count"),
                            rows.getLong("recent_count")));
                }
            }
        }
        return statuses;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, parameters);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            statement.executeUpdate();
        }
    }
}
