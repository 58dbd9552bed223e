package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Writes one change to {@code audit_log}, on the connection (and so in the transaction) of the change itself. */
final class AuditLog {
    private AuditLog() {
    }

    /** What was changed: an item, a project (or an item's link to it), or a source; the others are null. */
    record Subject(String item, String project, String source) {
        static Subject source(String id) {
            return new Subject(null, null, id);
        }
    }

    static void write(Connection connection, Instant at, ApiKey who, String action, Subject subject, ObjectNode before,
                      ObjectNode after, String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (at, key_id, key_name, action, "
                + "item_id, project_slug, source_id, before_json, after_json, reason) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            insert.setObject(1, ItemStore.utc(at));
            insert.setString(2, who.id());
            insert.setString(3, who.name());
            insert.setString(4, action);
            insert.setString(5, subject.item());
            insert.setString(6, subject.project());
            insert.setString(7, subject.source());
            insert.setString(8, before.toString());
            insert.setString(9, after.toString());
            insert.setString(10, reason);
            insert.executeUpdate();
        }
    }
}
