package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.routes.link.ProjectLinker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The projects table and the links between items and projects. Projects are upserted by slug, so a restart with
 * the same catalogue changes nothing; links are replaced item by item with what the linker finds in the item as
 * stored, and an item whose links change gets a new version so that the indexer sends it again.
 */
public final class ProjectStore {
    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final ObjectMapper json;

    public ProjectStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Makes the stored projects those of the catalogue, in one transaction: new ones are inserted, changed ones
     * updated, and those no longer listed deleted with their links. Projects an editor made or edited are left as
     * they are: the editor's version wins over the file's; so are projects an editor linked news to, even when the
     * file no longer lists them. Items linked to a changed or removed project are queued for indexing, since their
     * documents show its name.
     */
    public CatalogueChange replaceAll(List<Project> projects, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, String> stored = new HashMap<>();
                Set<String> edited = new HashSet<>();
                query(connection, "SELECT slug, project_json, edited_by FROM projects", List.of(), row -> {
                    if (row.getString(3) == null) {
                        stored.put(row.getString(1), row.getString(2));
                    } else {
                        edited.add(row.getString(1));
                    }
                });
                int added = 0;
                int changed = 0;
                for (Project project : projects) {
                    if (edited.contains(project.slug())) {
                        continue;
                    }
                    String record = toJson(project);
                    String before = stored.remove(project.slug());
                    if (before == null) {
                        write(connection, "INSERT INTO projects (name, place_name, place_ags, place_state, status, "
                                + "project_json, updated, slug) VALUES (?,?,?,?,?,?,?,?)", project, record, now);
                        added++;
                    } else if (!before.equals(record)) {
                        write(connection, "UPDATE projects SET name = ?, place_name = ?, place_ags = ?, place_state = ?, "
                                + "status = ?, project_json = ?, updated = ? WHERE slug = ?", project, record, now);
                        queueLinkedItems(connection, project.slug());
                        changed++;
                    }
                }
                // A file project an editor linked news to stays when the file drops it: deleting it would drop the links.
                query(connection, "SELECT DISTINCT project_slug FROM item_projects WHERE origin = ?",
                        List.of(ProjectLink.EDITOR), row -> stored.remove(row.getString(1)));
                for (String removed : stored.keySet()) {
                    queueLinkedItems(connection, removed);
                    update(connection, "DELETE FROM item_projects WHERE project_slug = ?", removed);
                    update(connection, "DELETE FROM projects WHERE slug = ?", removed);
                }
                connection.commit();
                return new CatalogueChange(added, changed, stored.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Every stored project, ordered by slug: what the project index is built from. */
    public List<Project> all() throws SQLException {
        List<Project> projects = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            query(connection, "SELECT project_json FROM projects ORDER BY slug", List.of(),
                    row -> projects.add(fromJson(row.getString(1))));
        }
        return projects;
    }

    /**
     * The links of these items, each item's ordered by project slug; items without links are left out, and so are links
     * an editor took away.
     */
    public Map<String, List<ProjectLink>> linksOf(Collection<String> itemIds) throws SQLException {
        Map<String, List<ProjectLink>> links = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            forEachChunk(connection, "SELECT l.item_id, l.project_slug, p.name, l.reason, l.origin FROM item_projects l "
                    + "JOIN projects p ON p.slug = l.project_slug WHERE l.item_id IN (%s) AND l.origin <> '" + ProjectLink.UNLINKED
                    + "' ORDER BY l.item_id, l.project_slug",
                    itemIds, row -> links.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                            .add(new ProjectLink(row.getString(2), row.getString(3), row.getString(4), row.getString(5))));
        }
        return links;
    }

    /**
     * Links these items, as stored, to the projects the linker finds in them, in one transaction: new links are
     * added, links the linker no longer finds removed, changed reasons updated. Only links of origin
     * {@code auto} are touched. The items' rows are locked first, so two polls linking one item take turns.
     *
     * @return how many items' links changed
     */
    public int link(Collection<String> itemIds, ProjectLinker linker, Instant now) throws SQLException {
        if (itemIds.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int changed = link(connection, itemIds, linker, now);
                connection.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Links every stored item again, a page of items per transaction; returns how many items' links changed. */
    public int linkAll(ProjectLinker linker, Instant now) throws SQLException {
        int changed = 0;
        String after = "";
        while (true) {
            List<String> page = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("SELECT id FROM items WHERE id > ? ORDER BY id")) {
                statement.setString(1, after);
                statement.setMaxRows(CHUNK);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        page.add(rows.getString(1));
                    }
                }
            }
            if (page.isEmpty()) {
                return changed;
            }
            changed += link(page, linker, now);
            after = page.getLast();
        }
    }

    /** The items the linker linked to a project, ordered by id: those a change of the project may unlink. */
    public List<String> autoLinkedTo(String slug) throws SQLException {
        List<String> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            query(connection, "SELECT item_id FROM item_projects WHERE project_slug = ? AND origin = ? ORDER BY item_id",
                    List.of(slug, ProjectLink.AUTO), row -> items.add(row.getString(1)));
        }
        return items;
    }

    /** The catalogue the stored links were last made with over all items, if they ever were. */
    public Optional<String> linkedCatalogue() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            query(connection, "SELECT catalogue FROM project_linking WHERE id = 1", List.of(), row -> found.add(row.getString(1)));
        }
        return found.stream().findFirst();
    }

    /** Records that every item has been linked with this catalogue. */
    public void markLinked(String catalogue, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE project_linking SET catalogue = ?, linked = ? WHERE id = 1")) {
            update.setString(1, catalogue);
            update.setObject(2, ItemStore.utc(now));
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO project_linking (id, catalogue, linked) VALUES (1, ?, ?)")) {
                    insert.setString(1, catalogue);
                    insert.setObject(2, ItemStore.utc(now));
                    insert.executeUpdate();
                }
            }
        }
    }

    private int link(Connection connection, Collection<String> itemIds, ProjectLinker linker, Instant now) throws SQLException {
        // Locked in id order, like the item store's updates, so linking and storing never wait for each other in a circle.
        Map<String, List<ProjectLink>> found = new TreeMap<>();
        forEachChunk(connection, "SELECT id, title, summary, place_name, place_ags FROM items WHERE id IN (%s) "
                + "ORDER BY id FOR UPDATE", new TreeSet<>(itemIds), row -> {
            // The linker compares places by name and AGS only.
            String placeName = row.getString(4);
            Place place = placeName == null ? null
                    : new Place(placeName, PlaceKind.UNKNOWN, row.getString(5), null, null, null, null, null);
            found.put(row.getString(1), linker.links(row.getString(2), row.getString(3), place));
        });
        Map<String, Map<String, StoredLink>> stored = new HashMap<>();
        forEachChunk(connection, "SELECT item_id, project_slug, reason, origin FROM item_projects WHERE item_id IN (%s)",
                found.keySet(), row -> stored.computeIfAbsent(row.getString(1), id -> new HashMap<>())
                        .put(row.getString(2), new StoredLink(row.getString(3), row.getString(4))));
        List<String> changed = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item_projects "
                + "(item_id, project_slug, reason, origin, linked) VALUES (?,?,?,?,?)");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE item_projects SET reason = ?, linked = ? WHERE item_id = ? AND project_slug = ?");
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM item_projects WHERE item_id = ? AND project_slug = ?");
             PreparedStatement queue = connection.prepareStatement("UPDATE items SET version = version + 1 WHERE id = ?")) {
            for (Map.Entry<String, List<ProjectLink>> item : found.entrySet()) {
                String itemId = item.getKey();
                Map<String, StoredLink> before = stored.getOrDefault(itemId, Map.of());
                Map<String, ProjectLink> after = item.getValue().stream()
                        .collect(Collectors.toMap(ProjectLink::slug, link -> link, (a, b) -> a, LinkedHashMap::new));
                boolean itemChanged = false;
                for (ProjectLink link : after.values()) {
                    StoredLink old = before.get(link.slug());
                    if (old == null) {
                        bind(insert, itemId, link.slug(), link.reason(), link.origin(), now);
                        insert.addBatch();
                        itemChanged = true;
                    } else if (old.isAuto() && !old.reason().equals(link.reason())) {
                        update.setString(1, link.reason());
                        update.setObject(2, ItemStore.utc(now));
                        update.setString(3, itemId);
                        update.setString(4, link.slug());
                        update.addBatch();
                        itemChanged = true;
                    }
                }
                for (Map.Entry<String, StoredLink> old : before.entrySet()) {
                    if (old.getValue().isAuto() && !after.containsKey(old.getKey())) {
                        delete.setString(1, itemId);
                        delete.setString(2, old.getKey());
                        delete.addBatch();
                        itemChanged = true;
                    }
                }
                if (itemChanged) {
                    queue.setString(1, itemId);
                    queue.addBatch();
                    changed.add(itemId);
                }
            }
            delete.executeBatch();
            update.executeBatch();
            insert.executeBatch();
            queue.executeBatch();
        }
        IndexQueue.add(connection, changed);
        return changed.size();
    }

    private record StoredLink(String reason, String origin) {
        boolean isAuto() {
            return ProjectLink.AUTO.equals(origin);
        }
    }

    private static void bind(PreparedStatement insert, String itemId, String slug, String reason, String origin, Instant now)
            throws SQLException {
        insert.setString(1, itemId);
        insert.setString(2, slug);
        insert.setString(3, reason);
        insert.setString(4, origin);
        insert.setObject(5, ItemStore.utc(now));
    }

    /** Queues the items linked to a project for indexing: their documents carry its name. */
    static void queueLinkedItems(Connection connection, String slug) throws SQLException {
        List<String> linked = new ArrayList<>();
        query(connection, "SELECT item_id FROM item_projects WHERE project_slug = ? ORDER BY item_id", List.of(slug),
                row -> linked.add(row.getString(1)));
        update(connection, "UPDATE items SET version = version + 1 WHERE id IN "
                + "(SELECT item_id FROM item_projects WHERE project_slug = ?)", slug);
        IndexQueue.add(connection, linked);
    }

    /** Binds the columns of an insert or update whose last parameter is the slug. */
    static void write(Connection connection, String sql, Project project, String record, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, project.name());
            statement.setString(2, project.place().name());
            statement.setString(3, project.place().ags());
            statement.setString(4, project.place().state());
            statement.setString(5, project.status().id());
            statement.setString(6, record);
            statement.setObject(7, ItemStore.utc(now));
            statement.setString(8, project.slug());
            statement.executeUpdate();
        }
    }

    private static void update(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    private static void query(Connection connection, String sql, List<String> parameters, RowHandler handler)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }

    /** Runs an {@code IN (…)} query over ids in chunks small enough for every database. */
    private static void forEachChunk(Connection connection, String sqlTemplate, Collection<String> ids, RowHandler handler)
            throws SQLException {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String placeholders = String.join(",", chunk.stream().map(id -> "?").toList());
            query(connection, sqlTemplate.formatted(placeholders), chunk, handler);
        }
    }

    String toJson(Project project) {
        try {
            return json.writeValueAsString(project);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("projects are plain records and always serialise", e);
        }
    }

    private Project fromJson(String text) {
        try {
            return json.readValue(text, Project.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is written by this class and always reads back", e);
        }
    }

    /**
     * What storing a catalogue changed.
     *
     * @param added   projects new to the database
     * @param changed projects whose record changed
     * @param removed projects no longer in the catalogue, deleted with their links
     */
    public record CatalogueChange(int added, int changed, int removed) {
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }
}
