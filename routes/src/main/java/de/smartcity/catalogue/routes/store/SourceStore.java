package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The sources table: what each source is and how its last fetches went. */
public final class SourceStore {
    private static final int MAX_ERROR_LENGTH = 2000;

    private final DataSource dataSource;

    public SourceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes the table agree with the sources file; health of known sources is kept. */
    public void register(Collection<Source> sources) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sources SET city = ?, url = ?, kind = ? WHERE id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sources (city, url, kind, id) VALUES (?, ?, ?, ?)")) {
            for (Source source : sources) {
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

    public void recordSuccess(String sourceId, Instant at) throws SQLException {
        execute("UPDATE sources SET last_attempt = ?, last_success = ?, last_status = 'ok', last_error = NULL, "
                + "consecutive_failures = 0 WHERE id = ?", ItemStore.utc(at), ItemStore.utc(at), sourceId);
    }

    public void recordFailure(String sourceId, Instant at, String error) throws SQLException {
        String shortened = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH - 1) + "…" : error;
        execute("UPDATE sources SET last_attempt = ?, last_status = 'failing', last_error = ?, "
                + "consecutive_failures = consecutive_failures + 1 WHERE id = ?", ItemStore.utc(at), shortened, sourceId);
    }

    /** Every source that is in the current sources file, with its health and item count. */
    public List<SourceStatus> statuses(Collection<String> currentIds) throws SQLException {
        List<SourceStatus> statuses = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT s.id, s.city, s.url, s.kind, s.last_status, "
                     + "s.last_attempt, s.last_success, s.last_error, s.consecutive_failures, "
                     + "(SELECT COUNT(*) FROM item_sources i WHERE i.source_id = s.id) AS item_count "
                     + "FROM sources s ORDER BY s.id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (!currentIds.contains(rows.getString("id"))) {
                    continue;
                }
                statuses.add(new SourceStatus(rows.getString("id"), rows.getString("city"), rows.getString("url"),
                        rows.getString("kind"), Optional.ofNullable(rows.getString("last_status")).orElse("never-fetched"),
                        instant(rows, "last_attempt"), instant(rows, "last_success"), rows.getString("last_error"),
                        rows.getInt("consecutive_failures"), rows.getLong("item_count")));
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
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
