package de.smartcity.catalogue.routes.store;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.smartcity.catalogue.routes.store.LocalPostgres.PostgresDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The Flyway migrations on a real PostgreSQL server, from an empty database, as the production app runs them. */
class PostgresMigrationIT {

    @RegisterExtension
    static final LocalPostgres POSTGRES = new LocalPostgres();

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    @Test
    void migratesAnEmptyDatabaseToTheSchemaTheStoresUse() throws Exception {
        try (PostgresDatabase database = POSTGRES.newDatabase()) {
            try (Connection connection = database.connect()) {
                assertThat(tables(connection)).as("tables before migrating").isEmpty();
            }

            database.openCatalogue();

            try (Connection connection = database.connect()) {
                assertThat(tables(connection)).containsExactlyInAnyOrder("sources", "items", "item_sources",
                        "item_aliases", "dedup_blocks", "projects", "item_projects", "project_linking",
                        "index_queue", "api_keys", "item_reviews", "audit_log", "item_overrides", "keep_apart",
                        "flyway_schema_history");
                assertThat(columns(connection, "sources")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("id", "character varying(64) not null"),
                        entry("city", "character varying(200)"),
                        entry("url", "character varying(2000) not null"),
                        entry("kind", "character varying(16) not null"),
                        entry("last_attempt", "timestamp with time zone"),
                        entry("last_success", "timestamp with time zone"),
                        entry("last_status", "character varying(32)"),
                        entry("last_error", "character varying(2000)"),
                        entry("consecutive_failures", "integer not null"),
                        entry("etag", "character varying(1000)"),
                        entry("last_modified", "character varying(100)"),
                        entry("next_poll_at", "timestamp with time zone"),
                        entry("unchanged_polls", "integer not null"),
                        entry("poll_interval", "character varying(40)"),
                        entry("html_json", "text"),
                        entry("origin", "character varying(8) not null"),
                        entry("edited_by", "character varying(32)"),
                        entry("state", "character varying(8) not null")));
                assertThat(columns(connection, "items")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("id", "character varying(40) not null"),
                        entry("url", "character varying(2000) not null"),
                        entry("title", "character varying(2000) not null"),
                        entry("summary", "text not null"),
                        entry("published", "timestamp with time zone not null"),
                        entry("published_estimated", "boolean not null"),
                        entry("first_seen", "timestamp with time zone not null"),
                        entry("last_seen", "timestamp with time zone not null"),
                        entry("language", "character varying(8) not null"),
                        entry("place_name", "character varying(200)"),
                        entry("place_kind", "character varying(16)"),
                        entry("place_ags", "character varying(8)"),
                        entry("place_state", "character varying(100)"),
                        entry("place_kreis", "character varying(200)"),
                        entry("place_latitude", "double precision"),
                        entry("place_longitude", "double precision"),
                        entry("place_reason", "character varying(500)"),
                        entry("themes_json", "text not null"),
                        entry("fields_json", "text not null"),
                        entry("content_hash", "character varying(64) not null"),
                        entry("version", "bigint not null"),
                        entry("primary_source_id", "character varying(64)"),
                        entry("dedup_block", "character varying(220)"),
                        entry("story_words", "text"),
                        entry("merged_into", "character varying(40)")));
                assertThat(columns(connection, "item_sources")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("item_id", "character varying(40) not null"),
                        entry("source_id", "character varying(64) not null"),
                        entry("guid", "character varying(2000)"),
                        entry("source_url", "character varying(2000) not null"),
                        entry("first_seen", "timestamp with time zone not null"),
                        entry("last_seen", "timestamp with time zone not null")));
                assertThat(columns(connection, "item_aliases")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("alias_id", "character varying(40) not null"),
                        entry("item_id", "character varying(40) not null"),
                        entry("source_id", "character varying(64) not null"),
                        entry("url", "character varying(2000) not null"),
                        entry("title", "character varying(2000) not null"),
                        entry("similarity", "double precision not null"),
                        entry("reason", "character varying(1000) not null"),
                        entry("created", "timestamp with time zone not null")));
                assertThat(columns(connection, "dedup_blocks")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("block_key", "character varying(220) not null")));
                assertThat(columns(connection, "index_queue")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("item_id", "character varying(40) not null"),
                        entry("version", "bigint not null")));

                assertThat(columns(connection, "projects")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("slug", "character varying(64) not null"),
                        entry("name", "character varying(200) not null"),
                        entry("place_name", "character varying(200) not null"),
                        entry("place_ags", "character varying(8) not null"),
                        entry("place_state", "character varying(100)"),
                        entry("status", "character varying(16) not null"),
                        entry("project_json", "text not null"),
                        entry("updated", "timestamp with time zone not null"),
                        entry("edited_by", "character varying(32)")));
                assertThat(columns(connection, "item_projects")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("item_id", "character varying(40) not null"),
                        entry("project_slug", "character varying(64) not null"),
                        entry("reason", "character varying(1000) not null"),
                        entry("origin", "character varying(16) not null"),
                        entry("linked", "timestamp with time zone not null")));
                assertThat(columns(connection, "project_linking")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("id", "integer not null"),
                        entry("catalogue", "character varying(64) not null"),
                        entry("linked", "timestamp with time zone not null")));

                assertThat(columns(connection, "api_keys")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("id", "character varying(32) not null"),
                        entry("name", "character varying(200) not null"),
                        entry("role", "character varying(16) not null"),
                        entry("secret_hash", "character varying(64) not null"),
                        entry("created", "timestamp with time zone not null"),
                        entry("revoked", "timestamp with time zone")));
                assertThat(columns(connection, "item_reviews")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("item_id", "character varying(40) not null"),
                        entry("state", "character varying(16) not null"),
                        entry("reason", "character varying(1000)"),
                        entry("changed", "timestamp with time zone not null"),
                        entry("changed_by", "character varying(32) not null")));
                assertThat(columns(connection, "item_overrides")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("item_id", "character varying(40) not null"),
                        entry("themes_json", "text"),
                        entry("fields_json", "text"),
                        entry("place_json", "text"),
                        entry("changed", "timestamp with time zone not null"),
                        entry("changed_by", "character varying(32) not null")));
                assertThat(columns(connection, "keep_apart")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("item_id", "character varying(40) not null"),
                        entry("other_id", "character varying(40) not null"),
                        entry("decided", "timestamp with time zone not null"),
                        entry("decided_by", "character varying(32) not null")));
                assertThat(columns(connection, "audit_log")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("id", "bigint not null"),
                        entry("at", "timestamp with time zone not null"),
                        entry("key_id", "character varying(32) not null"),
                        entry("key_name", "character varying(200) not null"),
                        entry("action", "character varying(32) not null"),
                        entry("item_id", "character varying(40)"),
                        entry("project_slug", "character varying(64)"),
                        entry("source_id", "character varying(64)"),
                        entry("before_json", "text"),
                        entry("after_json", "text"),
                        entry("reason", "character varying(1000)")));

                assertThat(primaryKey(connection, "sources")).containsExactly("id");
                assertThat(primaryKey(connection, "api_keys")).containsExactly("id");
                assertThat(primaryKey(connection, "item_reviews")).containsExactly("item_id");
                assertThat(primaryKey(connection, "audit_log")).containsExactly("id");
                assertThat(primaryKey(connection, "item_overrides")).containsExactly("item_id");
                assertThat(primaryKey(connection, "items")).containsExactly("id");
                assertThat(primaryKey(connection, "item_sources")).containsExactly("item_id", "source_id");
                assertThat(primaryKey(connection, "item_aliases")).containsExactly("alias_id");
                assertThat(primaryKey(connection, "dedup_blocks")).containsExactly("block_key");
                assertThat(primaryKey(connection, "index_queue")).containsExactly("item_id");
                assertThat(primaryKey(connection, "projects")).containsExactly("slug");
                assertThat(primaryKey(connection, "item_projects")).containsExactly("item_id", "project_slug");
                assertThat(primaryKey(connection, "keep_apart")).containsExactly("item_id", "other_id");
                assertThat(foreignKeys(connection)).containsExactly(
                        tuple("index_queue", "item_id", "items", "id"),
                        tuple("item_aliases", "item_id", "items", "id"),
                        tuple("item_overrides", "item_id", "items", "id"),
                        tuple("item_projects", "item_id", "items", "id"),
                        tuple("item_projects", "project_slug", "projects", "slug"),
                        tuple("item_reviews", "item_id", "items", "id"),
                        tuple("item_sources", "item_id", "items", "id"),
                        tuple("items", "merged_into", "items", "id"));
                assertThat(indexDefinitions(connection)).contains(
                        "CREATE INDEX item_sources_by_source ON public.item_sources USING btree (source_id)",
                        "CREATE INDEX sources_next_poll ON public.sources USING btree (next_poll_at)",
                        "CREATE INDEX items_dedup_block ON public.items USING btree (dedup_block, published)",
                        "CREATE INDEX items_merged_into ON public.items USING btree (merged_into)",
                        "CREATE INDEX item_aliases_by_item ON public.item_aliases USING btree (item_id)",
                        "CREATE INDEX item_projects_by_project ON public.item_projects USING btree (project_slug)",
                        "CREATE INDEX audit_log_by_item ON public.audit_log USING btree (item_id, id)",
                        "CREATE INDEX audit_log_by_project ON public.audit_log USING btree (project_slug, id)",
                        "CREATE INDEX audit_log_by_source ON public.audit_log USING btree (source_id, id)");
                assertThat(defaultOf(connection, "sources", "consecutive_failures")).isEqualTo("0");
                assertThat(defaultOf(connection, "sources", "unchanged_polls")).isEqualTo("0");
                assertThat(defaultOf(connection, "sources", "state")).startsWith("'active'");
                assertThat(defaultOf(connection, "sources", "origin")).startsWith("'file'");
            }
        }
    }

    @Test
    void schemaHistoryHasEveryMigrationOfTheBuild() throws Exception {
        List<Tuple> migrations = migrationFiles();
        assertThat(migrations).as("migration files on the class path").isNotEmpty();

        try (PostgresDatabase database = POSTGRES.newDatabase()) {
            database.openCatalogue();

            try (Connection connection = database.connect()) {
                assertThat(history(connection)).containsExactlyElementsOf(migrations);
            }
        }
    }

    @Test
    void openingAMigratedDatabaseAgainChangesNothing() throws Exception {
        try (PostgresDatabase database = POSTGRES.newDatabase()) {
            database.openCatalogue().close();
            List<Tuple> before;
            try (Connection connection = database.connect()) {
                before = history(connection);
            }

            // A restart, or a second instance starting against the same database.
            database.openCatalogue();

            try (Connection connection = database.connect()) {
                assertThat(history(connection)).isEqualTo(before);
            }
        }
    }

    @Test
    void version2GivesItemsStoredBeforeItTheirFirstSourceAsPrimary() throws Exception {
        try (PostgresDatabase database = POSTGRES.newDatabase()) {
            // The database as version 1 left it, with items stored then.
            migrateTo(database, "1");
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO items (id, url, title, summary, published, published_estimated, first_seen, "
                        + "last_seen, language, themes_json, fields_json, content_hash, version) VALUES "
                        + "('a1', 'https://www.huerth.de/a1', 'Räumpläne online', '', TIMESTAMPTZ '2026-11-24 09:00:00+00', "
                        + "FALSE, NOW(), NOW(), 'de', '[]', '[]', 'h', 1), "
                        + "('a2', 'https://www.huerth.de/a2', 'Ohne Quelle', '', TIMESTAMPTZ '2026-11-24 09:00:00+00', "
                        + "FALSE, NOW(), NOW(), 'de', '[]', '[]', 'h', 1)");
                statement.execute("INSERT INTO item_sources (item_id, source_id, source_url, first_seen, last_seen) VALUES "
                        + "('a1', 'kommune21', 'https://www.huerth.de/a1', NOW(), NOW()), "
                        + "('a1', 'huerth-presse', 'https://www.huerth.de/a1', NOW(), NOW())");
            }

            database.openCatalogue();

            try (Connection connection = database.connect();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, primary_source_id FROM items ORDER BY id")) {
                List<Tuple> primaries = new ArrayList<>();
                while (rows.next()) {
                    primaries.add(tuple(rows.getString(1), rows.getString(2)));
                }
                assertThat(primaries).containsExactly(tuple("a1", "huerth-presse"), tuple("a2", null));
            }
        }
    }

    @Test
    void version3KeepsTheHealthOfSourcesPolledBeforeItAndMakesThemDueAtOnce() throws Exception {
        try (PostgresDatabase database = POSTGRES.newDatabase()) {
            migrateTo(database, "2");
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO sources (id, url, kind, last_status, last_error, consecutive_failures) VALUES "
                        + "('huerth-presse', 'https://www.huerth.de/rss.xml', 'auto', 'failing', 'Server antwortet mit HTTP 500.', 2)");
            }

            database.openCatalogue();

            try (Connection connection = database.connect();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT last_status, consecutive_failures, unchanged_polls, "
                         + "next_poll_at, etag, last_modified FROM sources")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("failing");
                assertThat(rows.getInt(2)).isEqualTo(2);
                assertThat(rows.getInt(3)).isZero();
                assertThat(rows.getObject(4)).as("due at once").isNull();
                assertThat(rows.getString(5)).isNull();
                assertThat(rows.getString(6)).isNull();
            }
        }
    }

    @Test
    void version4PutsItemsStoredBeforeItIntoTheBlocksTheirPlaceAndDateGive() throws Exception {
        try (PostgresDatabase database = POSTGRES.newDatabase()) {
            migrateTo(database, "3");
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                String columns = "INSERT INTO items (id, url, title, summary, published, published_estimated, first_seen, "
                        + "last_seen, language, themes_json, fields_json, content_hash, version, place_name, place_ags) VALUES ";
                String rest = "'', TIMESTAMPTZ '2026-11-24 09:00:00+00', %s, NOW(), NOW(), 'de', '[]', '[]', 'h', 1, %s, %s)";
                statement.execute(columns + "('b1', 'https://www.mannheim.de/b1', 'Mit AGS', " + rest.formatted("FALSE", "'Mannheim'", "'08222000'")
                        + ", ('b2', 'https://www.neustadt.de/b2', 'Ohne AGS', " + rest.formatted("FALSE", "'Neustadt'", "NULL")
                        + ", ('b3', 'https://www.mannheim.de/b3', 'Datum geschätzt', " + rest.formatted("TRUE", "'Mannheim'", "'08222000'")
                        + ", ('b4', 'https://www.kommune21.de/b4', 'Ohne Ort', " + rest.formatted("FALSE", "NULL", "NULL"));
            }

            database.openCatalogue();

            try (Connection connection = database.connect();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, dedup_block FROM items ORDER BY id")) {
                List<Tuple> blocks = new ArrayList<>();
                while (rows.next()) {
                    blocks.add(tuple(rows.getString(1), rows.getString(2)));
                }
                assertThat(blocks).containsExactly(tuple("b1", "08222000"), tuple("b2", "name:Neustadt"), tuple("b3", null),
                        tuple("b4", null));
            }
        }
    }

    @Test
    void version7QueuesTheItemsElasticsearchHasNotAcknowledgedInTheirCurrentVersion() throws Exception {
        try (PostgresDatabase database = POSTGRES.newDatabase()) {
            migrateTo(database, "5");
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                String columns = "INSERT INTO items (id, url, title, summary, published, published_estimated, first_seen, "
                        + "last_seen, language, themes_json, fields_json, content_hash, version, indexed_version) VALUES ";
                String rest = "'', TIMESTAMPTZ '2026-11-24 09:00:00+00', FALSE, NOW(), NOW(), 'de', '[]', '[]', 'h', %d, %d)";
                statement.execute(columns + "('c1', 'https://www.hurth.de/c1', 'Nie indexiert', " + rest.formatted(1, 0)
                        + ", ('c2', 'https://www.hurth.de/c2', 'Indexiert', " + rest.formatted(3, 3)
                        + ", ('c3', 'https://www.hurth.de/c3', 'Geändert seit dem Indexieren', " + rest.formatted(4, 2));
            }

            database.openCatalogue();

            try (Connection connection = database.connect();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT item_id, version FROM index_queue ORDER BY item_id")) {
                List<Tuple> queued = new ArrayList<>();
                while (rows.next()) {
                    queued.add(tuple(rows.getString(1), rows.getLong(2)));
                }
                assertThat(queued).containsExactly(tuple("c1", 1L), tuple("c3", 4L));
            }
        }
    }

    /** Brings an empty database to an older version of the schema, as a catalogue of that version left it. */
    private static void migrateTo(PostgresDatabase database, String version) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(LocalPostgres.USER);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    /** Column name to "type(length) not null", as information_schema describes it. */
    private static Map<String, String> columns(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT column_name, data_type, "
                + "character_maximum_length, is_nullable FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString("data_type");
                    int length = rows.getInt("character_maximum_length");
                    if (!rows.wasNull()) {
                        type += "(" + length + ")";
                    }
                    if ("NO".equals(rows.getString("is_nullable"))) {
                        type += " not null";
                    }
                    columns.put(rows.getString("column_name"), type);
                }
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        return strings(connection, "SELECT k.column_name FROM information_schema.table_constraints c "
                + "JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name "
                + "AND k.table_schema = c.table_schema AND k.table_name = c.table_name "
                + "WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = 'public' AND c.table_name = '" + table + "' "
                + "ORDER BY k.ordinal_position");
    }

    private static List<Tuple> foreignKeys(Connection connection) throws SQLException {
        List<Tuple> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT k.table_name, k.column_name, u.table_name, u.column_name "
                     + "FROM information_schema.referential_constraints r "
                     + "JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name "
                     + "AND k.constraint_schema = r.constraint_schema "
                     + "JOIN information_schema.key_column_usage u ON u.constraint_name = r.unique_constraint_name "
                     + "AND u.constraint_schema = r.unique_constraint_schema AND u.ordinal_position = k.position_in_unique_constraint "
                     + "WHERE r.constraint_schema = 'public' ORDER BY 1, 2")) {
            while (rows.next()) {
                keys.add(tuple(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return keys;
    }

    private static List<String> indexDefinitions(Connection connection) throws SQLException {
        return strings(connection, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'");
    }

    private static String defaultOf(Connection connection, String table, String column) throws SQLException {
        List<String> defaults = strings(connection, "SELECT column_default FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = '" + table + "' AND column_name = '" + column + "'");
        return defaults.getFirst();
    }

    /** (version, description, script, success) of every applied versioned migration, in order. */
    private static List<Tuple> history(Connection connection) throws SQLException {
        List<Tuple> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, description, script, success "
                     + "FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                applied.add(tuple(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4)));
            }
        }
        return applied;
    }

    /** (version, description, script, true) of every migration file the build ships, ordered by version. */
    private static List<Tuple> migrationFiles() throws IOException, URISyntaxException {
        URL location = CatalogueDatabase.class.getClassLoader().getResource("db/migration");
        assertThat(location).as("db/migration on the class path").isNotNull();
        URI uri = location.toURI();
        List<String> names;
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                names = fileNames(jar.getPath("/db/migration"));
            }
        } else {
            names = fileNames(Path.of(uri));
        }
        List<Matcher> versioned = names.stream().map(VERSIONED::matcher).filter(Matcher::matches)
                .sorted((a, b) -> compareVersions(a.group(1), b.group(1))).toList();
        assertThat(versioned).as("versioned migrations among " + names).hasSameSizeAs(names);
        return versioned.stream().map(m -> tuple(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '),
                m.group(0), true)).toList();
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).toList();
        }
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("[._]");
        String[] right = b.split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
