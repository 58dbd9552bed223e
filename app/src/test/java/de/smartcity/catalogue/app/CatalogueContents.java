package de.smartcity.catalogue.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the catalogue holds, read straight from its database and its search index, around the app rather than
 * through it: the fault tests' evidence that every story is there once.
 *
 * @param urls    the link of every item, one entry per item (a story stored twice shows up twice)
 * @param pending items whose current version Elasticsearch has not acknowledged (always 0 for the index)
 */
record CatalogueContents(List<String> urls, long pending) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The H2 file database of the data directory, opened the way the app opens it (an app in this JVM shares it). */
    static CatalogueContents inDatabase(Path dataDir) throws SQLException {
        return read("jdbc:h2:file:" + dataDir.resolve("catalogue").toAbsolutePath() + ";AUTO_SERVER=TRUE");
    }

    /**
     * The H2 file of an app process that has stopped or was killed, read from a copy so that the test never writes
     * it. After a kill, whoever opens the file first recovers it and writes it back on close: when the test did so
     * with H2's default settings, the app's next run left the file unreadable ("Double mark", H2 2.3.232) in about one
     * run of six. What the app finds on restart must be exactly what the app left.
     */
    static CatalogueContents inFileOfStoppedApp(Path dataDir) throws SQLException, IOException {
        Path copy = Files.createTempDirectory(dataDir, "inspected-");
        Files.copy(dataDir.resolve("catalogue.mv.db"), copy.resolve("catalogue.mv.db"));
        return read("jdbc:h2:file:" + copy.resolve("catalogue").toAbsolutePath() + ";ACCESS_MODE_DATA=r");
    }

    private static CatalogueContents read(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            List<String> urls = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT url FROM items")) {
                while (rows.next()) {
                    urls.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM index_queue")) {
                rows.next();
                return new CatalogueContents(urls, rows.getLong(1));
            }
        }
    }

    /** Every document behind the alias {@code items}, after a refresh so that the latest writes are visible. */
    static CatalogueContents inIndex(URI elasticsearch) throws IOException, InterruptedException {
        send(elasticsearch, "POST", "/items/_refresh");
        JsonNode hits = new ObjectMapper().readTree(send(elasticsearch, "GET", "/items/_search?size=10000&_source=url")).path("hits");
        List<String> urls = new ArrayList<>();
        hits.path("hits").forEach(hit -> urls.add(hit.path("_source").path("url").asText()));
        if (hits.path("total").path("value").asLong() != urls.size()) {
            throw new IllegalStateException("the index holds more than one page: " + hits.path("total"));
        }
        return new CatalogueContents(urls, 0);
    }

    private static String send(URI base, String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
