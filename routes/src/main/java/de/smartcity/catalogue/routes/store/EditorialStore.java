package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ReviewState;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * What editors decided about items, kept apart from the machine's values in {@code items} so that a re-poll never
 * overwrites it, and laid over them wherever an item is indexed. Every change locks the item's row, writes its audit
 * record and queues the item for indexing (a new version), all in one transaction; nothing here deletes data.
 */
public final class EditorialStore {
    private static final TypeReference<List<ThemeAssignment>> THEMES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<ObjectNode> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Place> PLACE = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public EditorialStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Applies a review action. An action that leaves the review as it is changes nothing and records nothing.
     *
     * @param reason why; required to hide
     * @return the review afterwards, empty when no item has this id
     * @throws IllegalArgumentException when hiding without a reason
     * @throws IllegalStateException    when the action does not apply to the item's state
     */
    public Optional<Review> review(String itemId, ReviewAction action, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        if (action == ReviewAction.HIDE && reason.isEmpty()) {
            throw new IllegalArgumentException("hiding an item needs a reason");
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return inTransaction(connection -> {
            if (lockItem(connection, itemId).isEmpty()) {
                return Optional.empty();
            }
            Review before = reviewsOf(connection, List.of(itemId)).getOrDefault(itemId, Review.NONE);
            ReviewState state = action.from(before.state());
            if (state == before.state() && state != ReviewState.HIDDEN) {
                return Optional.of(before);
            }
            Review after = new Review(state, reason.orElse(null), at, editor.id());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE item_reviews SET state = ?, reason = ?, changed = ?, changed_by = ? WHERE item_id = ?")) {
                bindReview(update, after, itemId);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO item_reviews (state, reason, changed, changed_by, item_id) VALUES (?,?,?,?,?)")) {
                        bindReview(insert, after, itemId);
                        insert.executeUpdate();
                    }
                }
            }
            queueForIndexing(connection, itemId);
            audit(connection, new Change(editor, action.id(), itemId, null, reviewJson(before), reviewJson(after),
                    reason.orElse(null)), at);
            return Optional.of(after);
        });
    }

    /**
     * Sets the item's themes (with their fields of action) in place of the tagger's.
     *
     * @return the item's corrections afterwards, empty when no item has this id
     */
    public Optional<Overrides> overrideThemes(String itemId, List<ThemeAssignment> themes, List<String> fields,
                                              Optional<String> reason, ApiKey editor, Instant now) throws SQLException {
        return correct(itemId, "override-themes", reason, editor, now, Overrides::themeIds,
                before -> new Overrides(List.copyOf(themes), List.copyOf(fields), before.place()));
    }

    /** Gives the item the tagger's themes back. */
    public Optional<Overrides> clearThemes(String itemId, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        return correct(itemId, "clear-themes", reason, editor, now, Overrides::themeIds,
                before -> new Overrides(null, null, before.place()));
    }

    /** Sets the item's place in place of the one the place recognizer chose. */
    public Optional<Overrides> overridePlace(String itemId, Place place, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        return correct(itemId, "override-place", reason, editor, now, Overrides::placeName,
                before -> new Overrides(before.themes(), before.fields(), place));
    }

    /** Gives the item the recognised place back. */
    public Optional<Overrides> clearPlace(String itemId, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        return correct(itemId, "clear-place", reason, editor, now, Overrides::placeName,
                before -> new Overrides(before.themes(), before.fields(), null));
    }

    /** The corrections of these items that editors made; the others are {@link Overrides#NONE}. */
    public Map<String, Overrides> overridesOf(Collection<String> itemIds) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return overridesOf(connection, itemIds);
        }
    }

    /**
     * Links the item to a project, as an editor: the link stays whatever the linker finds later.
     *
     * @return false when no item has this id
     * @throws IllegalArgumentException when no project has this slug
     */
    public boolean linkProject(String itemId, String slug, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        String why = "Von der Redaktion verknüpft (" + editor.name() + ")" + reason.map(text -> ": " + text).orElse("");
        return setLink(itemId, slug, new LinkChange("link-project", ProjectLink.EDITOR, old -> why, false), reason,
                editor, now);
    }

    /**
     * Takes the item's link to a project away, as an editor: the linker never makes it again. Kept as a row of origin
     * {@code unlinked}, so it is an editor's decision like any other.
     *
     * @return false when no item has this id
     * @throws IllegalArgumentException when no project has this slug
     */
    public boolean unlinkProject(String itemId, String slug, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        String why = "Von der Redaktion gelöst (" + editor.name() + ")" + reason.map(text -> ": " + text).orElse("");
        return setLink(itemId, slug, new LinkChange("unlink-project", ProjectLink.UNLINKED, old -> why, false), reason,
                editor, now);
    }

    /**
     * Stores a project an editor made ({@code create}) or edited, with its audit record, in one transaction. The row
     * is marked as the editor's, so the catalogue file no longer replaces it; items linked to it are queued for
     * indexing, since their documents show its name.
     *
     * @return empty when an edit names no stored project
     * @throws IllegalStateException when a project to create has the slug of a stored one
     */
    public Optional<Project> saveProject(Project project, boolean create, Optional<String> reason, ApiKey editor,
                                         Instant now) throws SQLException {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return inTransaction(connection -> {
            List<String> stored = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT project_json FROM projects WHERE slug = ? FOR UPDATE")) {
                select.setString(1, project.slug());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
            if (create && !stored.isEmpty()) {
                throw new IllegalStateException("A project with slug '" + project.slug() + "' exists already");
            }
            if (!create && stored.isEmpty()) {
                return Optional.empty();
            }
            String record = toJson(project);
            ProjectStore.write(connection, create
                    ? "INSERT INTO projects (name, place_name, place_ags, place_state, status, project_json, updated, slug) "
                    + "VALUES (?,?,?,?,?,?,?,?)"
                    : "UPDATE projects SET name = ?, place_name = ?, place_ags = ?, place_state = ?, status = ?, "
                    + "project_json = ?, updated = ? WHERE slug = ?", project, record, at);
            try (PreparedStatement mark = connection.prepareStatement("UPDATE projects SET edited_by = ? WHERE slug = ?")) {
                mark.setString(1, editor.id());
                mark.setString(2, project.slug());
                mark.executeUpdate();
            }
            ProjectStore.queueLinkedItems(connection, project.slug());
            ObjectNode before = stored.isEmpty() ? json.createObjectNode() : fromJson(stored.getFirst(), OBJECT);
            audit(connection, new Change(editor, create ? "create-project" : "edit-project", null, project.slug(), before,
                    json.valueToTree(project), reason.orElse(null)), at);
            return Optional.of(project);
        });
    }

    /**
     * The linker's links to the project that no editor has decided on yet, newest item first.
     *
     * @return empty when no project has this slug
     */
    public Optional<List<SuggestedLink>> suggestions(String slug, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, "SELECT slug FROM projects WHERE slug = ?", slug)) {
                return Optional.empty();
            }
            List<SuggestedLink> suggestions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT i.id, i.title, i.url, i.published, l.reason "
                    + "FROM item_projects l JOIN items i ON i.id = l.item_id WHERE l.project_slug = ? AND l.origin = ? "
                    + "ORDER BY i.published DESC, i.id")) {
                select.setString(1, slug);
                select.setString(2, ProjectLink.AUTO);
                select.setMaxRows(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        suggestions.add(new SuggestedLink(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getString(5)));
                    }
                }
            }
            return Optional.of(suggestions);
        }
    }

    /**
     * Accepts the linker's link of the item to the project: it becomes an editor's link, which the linker no longer
     * takes away, and keeps the linker's reason.
     *
     * @return false when no item has this id
     * @throws IllegalArgumentException when no project has this slug
     * @throws NoSuchElementException   when the linker suggests no such link, or an editor decided on it already
     */
    public boolean acceptSuggestion(String itemId, String slug, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        String confirmed = " · von der Redaktion bestätigt (" + editor.name() + ")" + reason.map(text -> ": " + text).orElse("");
        return setLink(itemId, slug, new LinkChange("accept-link", ProjectLink.EDITOR, old -> old + confirmed, true),
                reason, editor, now);
    }

    /**
     * Rejects the linker's link of the item to the project: it is taken away as by {@link #unlinkProject}, so the
     * linker never makes it again.
     *
     * @return false when no item has this id
     * @throws IllegalArgumentException when no project has this slug
     * @throws NoSuchElementException   when the linker suggests no such link, or an editor decided on it already
     */
    public boolean rejectSuggestion(String itemId, String slug, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        String why = "Vorschlag von der Redaktion abgelehnt (" + editor.name() + ")" + reason.map(text -> ": " + text).orElse("");
        return setLink(itemId, slug, new LinkChange("reject-link", ProjectLink.UNLINKED, old -> why, true),
                reason, editor, now);
    }

    /**
     * How an editor's action changes a link.
     *
     * @param why           the link's new reason, from its old one (null when there was no link)
     * @param suggestedOnly whether the action decides on a link of the linker's, and only on such a link
     */
    private record LinkChange(String action, String origin, UnaryOperator<String> why, boolean suggestedOnly) {
    }

    private boolean setLink(String itemId, String slug, LinkChange change, Optional<String> reason, ApiKey editor,
                            Instant now) throws SQLException {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return inTransaction(connection -> {
            if (!exists(connection, "SELECT slug FROM projects WHERE slug = ?", slug)) {
                throw new IllegalArgumentException("No project with slug '" + slug + "'");
            }
            if (lockItem(connection, itemId).isEmpty()) {
                return false;
            }
            List<String> origins = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT origin, reason FROM item_projects WHERE item_id = ? AND project_slug = ?")) {
                select.setString(1, itemId);
                select.setString(2, slug);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        origins.add(rows.getString(1));
                        reasons.add(rows.getString(2));
                    }
                }
            }
            if (change.suggestedOnly() && !origins.equals(List.of(ProjectLink.AUTO))) {
                throw new NoSuchElementException("Item '" + itemId + "' has no undecided suggested link to project '"
                        + slug + "'");
            }
            String sql = origins.isEmpty()
                    ? "INSERT INTO item_projects (reason, origin, linked, item_id, project_slug) VALUES (?,?,?,?,?)"
                    : "UPDATE item_projects SET reason = ?, origin = ?, linked = ? WHERE item_id = ? AND project_slug = ?";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setString(1, change.why().apply(reasons.stream().findFirst().orElse(null)));
                write.setString(2, change.origin());
                write.setObject(3, ItemStore.utc(at));
                write.setString(4, itemId);
                write.setString(5, slug);
                write.executeUpdate();
            }
            queueForIndexing(connection, itemId);
            ObjectNode before = json.createObjectNode().put("linked", !origins.isEmpty()
                    && !origins.getFirst().equals(ProjectLink.UNLINKED));
            origins.stream().findFirst().ifPresent(old -> before.put("origin", old));
            ObjectNode after = json.createObjectNode().put("linked", !change.origin().equals(ProjectLink.UNLINKED))
                    .put("origin", change.origin());
            audit(connection, new Change(editor, change.action(), itemId, slug, before, after, reason.orElse(null)), at);
            return true;
        });
    }

    /**
     * Merges another item into this one, as an editor: the other keeps its row and goes on being polled, but leaves
     * public reads; this item shows its sources and, as a merged report, its title and URL. Audited on both items.
     *
     * @return false when no item has this id
     * @throws IllegalArgumentException when the other item does not exist or is this one
     * @throws IllegalStateException    when either item is merged already, or the other has merged reports itself
     */
    public boolean merge(String itemId, String otherId, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        if (itemId.equals(otherId)) {
            throw new IllegalArgumentException("An item cannot be merged into itself");
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return inTransaction(connection -> {
            // Both rows locked in id order, as the upsert locks rows, so that neither waits for the other in a circle.
            Map<String, Optional<StoredItem>> locked = new TreeMap<>(Map.of(itemId, Optional.empty(), otherId, Optional.empty()));
            for (String id : locked.keySet()) {
                locked.put(id, lockStoredItem(connection, id));
            }
            Optional<StoredItem> item = locked.get(itemId);
            if (item.isEmpty()) {
                return false;
            }
            StoredItem other = locked.get(otherId)
                    .orElseThrow(() -> new IllegalArgumentException("No item with id '" + otherId + "'"));
            for (StoredItem stored : List.of(item.get(), other)) {
                stored.mergedInto().ifPresent(target -> {
                    throw new IllegalStateException("Item " + stored.id() + " is merged into " + target + " already");
                });
            }
            if (exists(connection, "SELECT alias_id FROM item_aliases WHERE item_id = ?", otherId)) {
                throw new IllegalStateException("Item " + otherId + " has merged reports of its own: split them first");
            }
            String why = "Von der Redaktion zusammengeführt (" + editor.name() + ")" + reason.map(text -> ": " + text).orElse("");
            try (PreparedStatement alias = connection.prepareStatement("INSERT INTO item_aliases "
                    + "(alias_id, item_id, source_id, url, title, similarity, reason, created) VALUES (?,?,?,?,?,?,?,?)");
                 PreparedStatement mark = connection.prepareStatement("UPDATE items SET merged_into = ? WHERE id = ?")) {
                alias.setString(1, otherId);
                alias.setString(2, itemId);
                alias.setString(3, other.primarySourceId());
                alias.setString(4, other.url());
                alias.setString(5, other.title());
                alias.setDouble(6, 1.0);
                alias.setString(7, why);
                alias.setObject(8, ItemStore.utc(at));
                alias.executeUpdate();
                mark.setString(1, itemId);
                mark.setString(2, otherId);
                mark.executeUpdate();
            }
            // The editor now says the two are one story: an earlier decision to keep them apart no longer holds.
            updatePair(connection, "DELETE FROM keep_apart WHERE item_id = ? AND other_id = ?", itemId, otherId);
            queueForIndexing(connection, itemId);
            queueForIndexing(connection, otherId);
            auditPair(connection, editor, "merge", itemId, otherId, Optional.empty(), Optional.of(itemId), reason, at);
            return true;
        });
    }

    /**
     * Splits a report off the item it was merged into, by the machine or an editor, and keeps the two apart from now
     * on: the near-duplicate merging never joins them again. An item an editor merged comes back as it is; a report
     * the machine merged becomes an item of its own with the merged report's title and URL and the item's other
     * values, until the next poll of its source brings its own text.
     *
     * @param report the report's id or URL
     * @return the id of the item split off, empty when no item has this id
     * @throws IllegalArgumentException when no such report is merged into the item
     */
    public Optional<String> split(String itemId, String report, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return inTransaction(connection -> {
            if (lockItem(connection, itemId).isEmpty()) {
                return Optional.empty();
            }
            MergedAlias alias = mergedAlias(connection, itemId, report).orElseThrow(() -> new IllegalArgumentException(
                    "No report '" + report + "' is merged into item " + itemId));
            if (lockStoredItem(connection, alias.id()).isPresent()) {
                try (PreparedStatement unmark = connection.prepareStatement(
                        "UPDATE items SET merged_into = NULL WHERE id = ?")) {
                    unmark.setString(1, alias.id());
                    unmark.executeUpdate();
                }
            } else {
                restore(connection, itemId, alias, at);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM item_aliases WHERE alias_id = ?")) {
                delete.setString(1, alias.id());
                delete.executeUpdate();
            }
            updatePair(connection, "DELETE FROM keep_apart WHERE item_id = ? AND other_id = ?", itemId, alias.id());
            try (PreparedStatement keep = connection.prepareStatement(
                    "INSERT INTO keep_apart (item_id, other_id, decided, decided_by) VALUES (?,?,?,?)")) {
                for (List<String> pair : List.of(List.of(itemId, alias.id()), List.of(alias.id(), itemId))) {
                    keep.setString(1, pair.get(0));
                    keep.setString(2, pair.get(1));
                    keep.setObject(3, ItemStore.utc(at));
                    keep.setString(4, editor.id());
                    keep.addBatch();
                }
                keep.executeBatch();
            }
            queueForIndexing(connection, itemId);
            queueForIndexing(connection, alias.id());
            auditPair(connection, editor, "split", itemId, alias.id(), Optional.of(itemId), Optional.empty(), reason, at);
            return Optional.of(alias.id());
        });
    }

    /**
     * Makes a report the machine merged an item again: a row with the report's id, title and URL and the item's other
     * values, owned by the report's source, whose item_sources row moves along. The empty content hash makes the
     * source's next poll store the report's own text.
     */
    private static void restore(Connection connection, String itemId, MergedAlias alias, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (id, url, title, summary, published, "
                + "published_estimated, first_seen, last_seen, language, place_name, place_kind, place_ags, place_state, "
                + "place_kreis, place_latitude, place_longitude, place_reason, themes_json, fields_json, version, "
                + "content_hash, primary_source_id, dedup_block) SELECT ?, ?, ?, '', published, published_estimated, ?, ?, "
                + "language, place_name, place_kind, place_ags, place_state, place_kreis, place_latitude, place_longitude, "
                + "place_reason, themes_json, fields_json, 1, '', ?, dedup_block FROM items WHERE id = ?");
             PreparedStatement move = connection.prepareStatement(
                     "UPDATE item_sources SET item_id = ? WHERE item_id = ? AND source_id = ?")) {
            insert.setString(1, alias.id());
            insert.setString(2, alias.url());
            insert.setString(3, alias.title());
            insert.setObject(4, ItemStore.utc(alias.created()));
            insert.setObject(5, ItemStore.utc(at));
            insert.setString(6, alias.sourceId());
            insert.setString(7, itemId);
            insert.executeUpdate();
            move.setString(1, alias.id());
            move.setString(2, itemId);
            move.setString(3, alias.sourceId());
            move.executeUpdate();
        }
    }

    /** A report merged into an item, found by its id or its URL. */
    private static Optional<MergedAlias> mergedAlias(Connection connection, String itemId, String report)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT alias_id, source_id, url, title, created "
                + "FROM item_aliases WHERE item_id = ? AND (alias_id = ? OR url = ?) ORDER BY alias_id")) {
            select.setString(1, itemId);
            select.setString(2, report);
            select.setString(3, report);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MergedAlias(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getObject(5, OffsetDateTime.class).toInstant()));
            }
        }
    }

    private record MergedAlias(String id, String sourceId, String url, String title, Instant created) {
    }

    /** What a merge needs of an item, its row locked for the transaction; empty when there is no such item. */
    private static Optional<StoredItem> lockStoredItem(Connection connection, String itemId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id, url, title, primary_source_id, merged_into FROM items WHERE id = ? FOR UPDATE")) {
            lock.setString(1, itemId);
            try (ResultSet rows = lock.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredItem(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), Optional.ofNullable(rows.getString(5))));
            }
        }
    }

    private record StoredItem(String id, String url, String title, String primarySourceId, Optional<String> mergedInto) {
    }

    /** Runs a statement for the pair in both directions. */
    private static void updatePair(Connection connection, String sql, String first, String second) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (List<String> pair : List.of(List.of(first, second), List.of(second, first))) {
                statement.setString(1, pair.get(0));
                statement.setString(2, pair.get(1));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** A merge or split, audited on both items: where the second one was merged before and after. */
    private void auditPair(Connection connection, ApiKey editor, String action, String itemId, String otherId,
                           Optional<String> before, Optional<String> after, Optional<String> reason, Instant at)
            throws SQLException {
        for (String id : List.of(itemId, otherId)) {
            audit(connection, new Change(editor, action, id, null, mergeJson(itemId, otherId, before),
                    mergeJson(itemId, otherId, after), reason.orElse(null)), at);
        }
    }

    private ObjectNode mergeJson(String itemId, String otherId, Optional<String> mergedInto) {
        ObjectNode node = json.createObjectNode().put("item", itemId).put("other", otherId);
        mergedInto.ifPresentOrElse(target -> node.put("mergedInto", target), () -> node.putNull("mergedInto"));
        return node;
    }

    /**
     * One correction of an item's overrides, audited with the part it changes as seen before and after.
     *
     * @param view   the part of an item's shown values the action changes, as JSON, from its corrections and its
     *               machine values
     * @param change the corrections afterwards, from those before
     */
    private Optional<Overrides> correct(String itemId, String action, Optional<String> reason, ApiKey editor, Instant now,
                                        View view, UnaryOperator<Overrides> change) throws SQLException {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return inTransaction(connection -> {
            Optional<MachineValues> machine = lockItem(connection, itemId);
            if (machine.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Overrides> stored = overridesOf(connection, List.of(itemId));
            Overrides before = stored.getOrDefault(itemId, Overrides.NONE);
            Overrides after = change.apply(before);
            String sql = stored.containsKey(itemId)
                    ? "UPDATE item_overrides SET themes_json = ?, fields_json = ?, place_json = ?, changed = ?, changed_by = ? "
                    + "WHERE item_id = ?"
                    : "INSERT INTO item_overrides (themes_json, fields_json, place_json, changed, changed_by, item_id) "
                    + "VALUES (?,?,?,?,?,?)";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setString(1, after.themes() == null ? null : toJson(after.themes()));
                write.setString(2, after.fields() == null ? null : toJson(after.fields()));
                write.setString(3, after.place() == null ? null : toJson(after.place()));
                write.setObject(4, ItemStore.utc(at));
                write.setString(5, editor.id());
                write.setString(6, itemId);
                write.executeUpdate();
            }
            queueForIndexing(connection, itemId);
            audit(connection, new Change(editor, action, itemId, null, view.of(before, machine.get(), json),
                    view.of(after, machine.get(), json), reason.orElse(null)), at);
            return Optional.of(after);
        });
    }

    /** The reviews of these items that editors touched; the others are {@link Review#NONE}. */
    public Map<String, Review> reviewsOf(Collection<String> itemIds) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return reviewsOf(connection, itemIds);
        }
    }

    /**
     * The audit trail, newest first: of one item, of one project, of one source, or (all empty) of everything.
     *
     * @param limit at most this many records
     */
    public List<AuditRecord> audit(Optional<String> item, Optional<String> project, Optional<String> source, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, at, key_id, key_name, action, item_id, project_slug, source_id, "
                + "before_json, after_json, reason FROM audit_log WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        item.ifPresent(id -> {
            sql.append(" AND item_id = ?");
            parameters.add(id);
        });
        project.ifPresent(slug -> {
            sql.append(" AND project_slug = ?");
            parameters.add(slug);
        });
        source.ifPresent(id -> {
            sql.append(" AND source_id = ?");
            parameters.add(id);
        });
        sql.append(" ORDER BY id DESC");
        List<AuditRecord> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new AuditRecord(rows.getLong("id"), rows.getObject("at", OffsetDateTime.class).toInstant(),
                            rows.getString("key_id"), rows.getString("key_name"), rows.getString("action"),
                            rows.getString("item_id"), rows.getString("project_slug"), rows.getString("source_id"),
                            json.readTree(rows.getString("before_json")), json.readTree(rows.getString("after_json")),
                            rows.getString("reason")));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit log's JSON is written by this class and always reads back", e);
        }
        return records;
    }

    private static Map<String, Review> reviewsOf(Connection connection, Collection<String> itemIds) throws SQLException {
        Map<String, Review> reviews = new HashMap<>();
        ItemStore.forEachChunk(connection, "SELECT item_id, state, reason, changed, changed_by FROM item_reviews "
                + "WHERE item_id IN (%s)", itemIds, row -> reviews.put(row.getString(1), new Review(
                ReviewState.of(row.getString(2)).orElseThrow(), row.getString(3),
                row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5))));
        return reviews;
    }

    private static void bindReview(PreparedStatement statement, Review review, String itemId) throws SQLException {
        statement.setString(1, review.state().id());
        if (review.reason() == null) {
            statement.setNull(2, Types.VARCHAR);
        } else {
            statement.setString(2, review.reason());
        }
        statement.setObject(3, ItemStore.utc(review.changed()));
        statement.setString(4, review.changedBy());
        statement.setString(5, itemId);
    }

    private ObjectNode reviewJson(Review review) {
        ObjectNode node = json.createObjectNode().put("state", review.state().id());
        if (review.reason() != null) {
            node.put("reason", review.reason());
        }
        return node;
    }

    /** Locks the item's row for the transaction; empty when there is no such item. */
    private Optional<MachineValues> lockItem(Connection connection, String itemId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT themes_json, place_name, place_ags FROM items WHERE id = ? FOR UPDATE")) {
            lock.setString(1, itemId);
            try (ResultSet rows = lock.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<String> themes = new ArrayList<>();
                json.readTree(rows.getString(1)).forEach(theme -> themes.add(theme.path("id").asText()));
                return Optional.of(new MachineValues(themes, rows.getString(2), rows.getString(3)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored themes are written by the item store and always read back", e);
            }
        }
    }

    /** What the tagger and the place recognizer decided, as the audit trail shows it next to an editor's correction. */
    record MachineValues(List<String> themes, String placeName, String placeAgs) {
    }

    /** The part of an item an action corrects, as JSON: its corrections where there are some, else the machine's. */
    @FunctionalInterface
    interface View {
        ObjectNode of(Overrides overrides, MachineValues machine, ObjectMapper json);
    }

    private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Map<String, Overrides> overridesOf(Connection connection, Collection<String> itemIds) throws SQLException {
        Map<String, Overrides> overrides = new HashMap<>();
        ItemStore.forEachChunk(connection, "SELECT item_id, themes_json, fields_json, place_json FROM item_overrides "
                + "WHERE item_id IN (%s)", itemIds, row -> overrides.put(row.getString(1), new Overrides(
                fromJson(row.getString(2), THEMES), fromJson(row.getString(3), STRINGS), fromJson(row.getString(4), PLACE))));
        return overrides;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrections are plain records and always serialise", e);
        }
    }

    /** Null for a NULL column: the machine's value stands. */
    private <T> T fromJson(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored corrections are written by this class and always read back", e);
        }
    }

    /** A new version, queued: the indexer sends the item again, with the editors' decisions laid over it. */
    private static void queueForIndexing(Connection connection, String itemId) throws SQLException {
        try (PreparedStatement queue = connection.prepareStatement("UPDATE items SET version = version + 1 WHERE id = ?")) {
            queue.setString(1, itemId);
            queue.executeUpdate();
        }
        IndexQueue.add(connection, List.of(itemId));
    }

    /** One editorial change for the audit log. */
    private record Change(ApiKey editor, String action, String item, String project, ObjectNode before, ObjectNode after,
                          String reason) {
    }

    private void audit(Connection connection, Change change, Instant at) throws SQLException {
        AuditLog.write(connection, at, change.editor(), change.action(),
                new AuditLog.Subject(change.item(), change.project(), null), change.before(), change.after(), change.reason());
    }

    private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
        return Transactions.run(dataSource, work);
    }
}
