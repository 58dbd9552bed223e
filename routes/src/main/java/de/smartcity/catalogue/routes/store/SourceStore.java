package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceStatus;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The sources table: what each source is, how its last fetches went and when it is due again. */
public final class SourceStore {
    private static final int MAX_ERROR_LENGTH = 2000;
    /** Longer validators are not stored (a cut one would never match); the source is then fetched in full. */
    private static final int MAX_ETAG_LENGTH = 1000;
    private static final int MAX_LAST_MODIFIED_LENGTH = 100;
    private static final Duration RECENT = Duration.ofDays(30);

    private final DataSource dataSource;

    public SourceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Makes the table agree with the sources file; health of known sources is kept. A source that moved to
     * another URL forgets its validators and is due at once: what the old address answered says nothing
     * about the new one.
     */
    public void register(Collection<Source> sources) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement moved = connection.prepareStatement("UPDATE sources SET etag = NULL, last_modified = NULL, "
                     + "next_poll_at = NULL, unchanged_polls = 0 WHERE id = ? AND url <> ?");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sources SET city = ?, url = ?, kind = ? WHERE id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sources (city, url, kind, id) VALUES (?, ?, ?, ?)")) {
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
        statement.setString(4, source.id());
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

    public void recordSuccess(String sourceId, Instant at, SuccessfulPoll poll) throws SQLException {
        Validators validators = poll.validators();
        String etag = validators.etagValue().filter(value -> value.length() <= MAX_ETAG_LENGTH).orElse(null);
        String lastModified = validators.lastModifiedValue().filter(value -> value.length() <= MAX_LAST_MODIFIED_LENGTH).orElse(null);
        execute("UPDATE sources SET last_attempt = ?, last_success = ?, last_status = ?, last_error = NULL, "
                        + "consecutive_failures = 0, unchanged_polls = ?, next_poll_at = ?, etag = ?, last_modified = ? WHERE id = ?",
                ItemStore.utc(at), ItemStore.utc(at), poll.notModified() ? SourceStatus.NOT_MODIFIED : SourceStatus.OK,
                poll.unchangedPolls(), ItemStore.utc(poll.nextPoll()), etag, lastModified, sourceId);
    }

    /** Validators and the count of unchanged polls are kept: the next success decides about them. */
    public void recordFailure(String sourceId, Instant at, FailedPoll poll) throws SQLException {
        String error = poll.error();
        String shortened = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH - 1) + "…" : error;
        execute("UPDATE sources SET last_attempt = ?, last_status = ?, last_error = ?, "
                        + "consecutive_failures = consecutive_failures + 1, next_poll_at = ? WHERE id = ?",
                ItemStore.utc(at), poll.backingOff() ? SourceStatus.BACKING_OFF : SourceStatus.FAILING, shortened,
                ItemStore.utc(poll.nextPoll()), sourceId);
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

    /** Every source that is in the current sources file, with its health and item counts as of now. */
    public List<SourceStatus> statuses(Collection<String> currentIds) throws SQLException {
        return statuses(currentIds, Instant.now());
    }

    /**
     * Every source that is in the current sources file, with its health and item counts.
     *
     * @param now the end of the 30 days {@link SourceStatus#itemsLast30Days()} counts
     */
    public List<SourceStatus> statuses(Collection<String> currentIds, Instant now) throws SQLException {
        Set<String> wanted = Set.copyOf(currentIds);
        List<SourceStatus> statuses = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT s.id, s.city, s.url, s.kind, s.last_status, "
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
                            Optional.ofNullable(rows.getString("last_status")).orElse(SourceStatus.NEVER_FETCHED),
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
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
