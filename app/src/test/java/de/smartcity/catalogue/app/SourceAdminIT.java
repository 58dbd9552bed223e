package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.routes.store.ApiKeyStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admins add, edit, pause, resume and remove sources through the API while {@code serve} runs, and move them with
 * OPML. Real local feed server (the JDK's) reached at 127.0.0.2, the only address this test's allow-list permits, so the
 * usual loopback address and the name {@code localhost} are refused like any internal address; real H2 database,
 * real Elasticsearch node, no sources file.
 */
@ExtendWith(SharedElasticsearch.class)
class SourceAdminIT {
    private static final String ALLOW = Setting.SOURCE_ALLOW.systemProperty();
    private static final Duration SETTLE = Duration.ofSeconds(4);
    private static final Map<String, List<String>> STORIES = Map.of(
            "/a.rss", List.of("Hürth eröffnet eine Mobilstation am Bahnhof", "Hürth misst Füllstände der Altglascontainer"),
            "/b.rss", List.of("Hürth baut zwanzig Ladesäulen für Elektroautos", "Hürth plant den Winterdienst digital"),
            "/", List.of("Hürth stellt ein Bürgerportal online", "Hürth testet smarte Straßenlaternen"));

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final String allowedBefore = System.getProperty(ALLOW);
    private HttpServer feeds;
    private String base;
    private ServedCatalogue served;
    private String adminKey;
    private String editorKey;

    @BeforeEach
    void start() throws Exception {
        // Bound to the wildcard address and reached as 127.0.0.2: a port bound on 127.0.0.2 alone still looks free on
        // 127.0.0.1, where ServedCatalogue looks for the app's port, and the app then fails to bind 0.0.0.0 to it.
        feeds = HttpServer.create(new InetSocketAddress(0), 10);
        feeds.createContext("/", this::answer);
        feeds.start();
        base = "http://127.0.0.2:" + feeds.getAddress().getPort();
        System.setProperty(ALLOW, "127.0.0.2");
        startCatalogue("source-admin");
    }

    private void startCatalogue(String dataDir) throws Exception {
        ItDataDir.enter(dataDir);
        restart();
        try (HikariDataSource database = Catalogue.openDatabase()) {
            ApiKeyStore keys = new ApiKeyStore(database);
            adminKey = keys.create("Betrieb", Role.ADMIN, Instant.now()).token();
            editorKey = keys.create("Redaktion", Role.EDITOR, Instant.now()).token();
        }
    }

    /** {@code serve} on the same data directory, with no sources file. */
    private void restart() throws Exception {
        if (served != null) {
            served.close();
        }
        served = ServedCatalogue.start(List.of());
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
        feeds.stop(0);
        if (allowedBefore == null) {
            System.clearProperty(ALLOW);
        } else {
            System.setProperty(ALLOW, allowedBefore);
        }
        ItDataDir.restore();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            // Each feed has stories of its own, so that none is taken for another feed's story.
            List<String> stories = STORIES.getOrDefault(path, STORIES.get("/"));
            String slug = path.replaceAll("\\W", "");
            byte[] body = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Stadt Hürth</title><link>https://www.huerth.de/</link><description>Presse</description>
                    <item><title>%1$s</title><link>https://www.huerth.de/presse/%3$s-1</link>
                    <description>%1$s, teilt die Stadt mit.</description><pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate></item>
                    <item><title>%2$s</title><link>https://www.huerth.de/presse/%3$s-2</link>
                    <description>%2$s, teilt die Stadt mit.</description><pubDate>Tue, 24 Nov 2026 09:00:00 +0100</pubDate></item>
                    </channel></rss>
                    """.formatted(stories.get(0), stories.get(1), slug).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private int requestsTo(String path) {
        return Optional.ofNullable(requests.get(path)).map(AtomicInteger::get).orElse(0);
    }

    @Test
    void anAdminsSourcesArePolledEditedPausedResumedAndRemovedWithoutARestart() throws Exception {
        ApiClient.Answer created = admin("POST", "/api/sources", """
                {"id":"huerth-admin","city":"Hürth","url":"%s/a.rss","kind":"rss","interval":"PT1H","reason":"Neue Quelle"}
                """.formatted(base));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        assertThat(created.json().path("state").asText()).isEqualTo("active");
        OpenApiSchemas schemas = new OpenApiSchemas(served.api().get("/api/openapi.json").json());
        assertThat(schemas.problems(created.json(), schemas.answerSchema("/api/sources", "post", 201))).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> titles("huerth-admin").size() == 2);
        assertThat(titles("huerth-admin")).containsExactlyInAnyOrderElementsOf(STORIES.get("/a.rss"));

        ApiClient.Answer edited = admin("PUT", "/api/sources/huerth-admin", """
                {"city":"Hürth","url":"%s/b.rss","kind":"rss","interval":"PT1H"}
                """.formatted(base));
        assertThat(edited.status()).as(edited.json().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> titles("huerth-admin").size() == 4);
        assertThat(titles("huerth-admin")).containsAll(STORIES.get("/b.rss"));
        await().atMost(Duration.ofSeconds(10)).until(() -> source("huerth-admin").has("nextPoll"));
        assertThat(source("huerth-admin").path("url").asText()).endsWith("/b.rss");

        assertThat(admin("POST", "/api/sources/huerth-admin/pause", "{\"reason\":\"Umbau der Website\"}").json()
                .path("state").asText()).isEqualTo("paused");
        assertThat(source("huerth-admin").path("status").asText()).isEqualTo("paused");
        // Edited while paused: an active source would be polled at once, a paused one waits.
        int before = requestsTo("/a.rss") + requestsTo("/b.rss");
        assertThat(admin("PUT", "/api/sources/huerth-admin", """
                {"city":"Hürth","url":"%s/a.rss","kind":"rss","interval":"PT1H"}
                """.formatted(base)).json().path("state").asText()).isEqualTo("paused");
        Thread.sleep(SETTLE.toMillis());
        assertThat(requestsTo("/a.rss") + requestsTo("/b.rss")).as("no poll while paused").isEqualTo(before);

        assertThat(admin("POST", "/api/sources/huerth-admin/resume", "").json().path("state").asText()).isEqualTo("active");
        await().atMost(Duration.ofSeconds(10)).until(() -> requestsTo("/a.rss") + requestsTo("/b.rss") > before);
        assertThat(admin("POST", "/api/sources/huerth-admin/resume", "").status()).as("active already").isEqualTo(409);
        await().atMost(Duration.ofSeconds(10)).until(() -> source("huerth-admin").has("nextPoll"));

        ApiClient.Answer removed = admin("DELETE", "/api/sources/huerth-admin", "{\"reason\":\"Stadt hat den Feed eingestellt\"}");
        assertThat(removed.json().path("state").asText()).isEqualTo("removed");
        int afterRemoval = requestsTo("/a.rss") + requestsTo("/b.rss");
        makeDue("huerth-admin");
        Thread.sleep(SETTLE.toMillis());
        assertThat(requestsTo("/a.rss") + requestsTo("/b.rss")).as("a removed source is not polled, even when due")
                .isEqualTo(afterRemoval);
        assertThat(served.api().get("/api/sources/huerth-admin").status()).isEqualTo(404);
        assertThat(titles("huerth-admin")).as("its items stay, with their source").hasSize(4);
        assertThat(admin("POST", "/api/sources", """
                {"id":"huerth-admin","city":"Hürth","url":"%s/c.rss"}
                """.formatted(base)).status()).as("a removed id is not reused").isEqualTo(409);

        JsonNode audit = admin("GET", "/api/audit?source=huerth-admin", "").json();
        List<String> actions = new ArrayList<>();
        audit.forEach(record -> actions.add(record.path("action").asText()));
        assertThat(actions).containsExactly("remove-source", "resume-source", "edit-source", "pause-source", "edit-source",
                "create-source");
        assertThat(audit.path(0).path("reason").asText()).isEqualTo("Stadt hat den Feed eingestellt");
        assertThat(audit.path(0).path("keyName").asText()).isEqualTo("Betrieb");
        assertThat(audit.path(4).path("before").path("url").asText()).endsWith("/a.rss");
        assertThat(audit.path(4).path("after").path("url").asText()).endsWith("/b.rss");
        assertThat(audit.path(5).path("reason").asText()).isEqualTo("Neue Quelle");
        assertThat(schemas.problems(audit, schemas.answerSchema("/api/audit", "get", 200))).isEmpty();
        assertThat(schemas.problems(served.api().get("/api/sources").json(), schemas.answerSchema("/api/sources", "get", 200)))
                .isEmpty();
    }

    @Test
    void sourcesMadeThroughTheApiOutliveARestartAndPausedStaysPaused() throws Exception {
        assertThat(admin("POST", "/api/sources", """
                {"id":"huerth-aktiv","city":"Hürth","url":"%s/aktiv.rss","interval":"PT1H"}
                """.formatted(base)).status()).isEqualTo(201);
        assertThat(admin("POST", "/api/sources", """
                {"id":"huerth-pause","city":"Hürth","url":"%s/pause.rss","interval":"PT1H"}
                """.formatted(base)).status()).isEqualTo(201);
        assertThat(admin("POST", "/api/sources/huerth-pause/pause", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> source("huerth-aktiv").has("nextPoll"));
        int pausedRequests = requestsTo("/pause.rss");

        restart();
        makeDue("huerth-pause");
        makeDue("huerth-aktiv");
        int activeRequests = requestsTo("/aktiv.rss");

        await().atMost(Duration.ofSeconds(15)).until(() -> requestsTo("/aktiv.rss") > activeRequests);
        JsonNode listed = served.api().get("/api/sources").json();
        assertThat(listed).extracting(node -> node.path("id").asText() + " " + node.path("status").asText())
                .contains("huerth-pause paused").anyMatch(line -> line.startsWith("huerth-aktiv "));
        assertThat(requestsTo("/pause.rss")).as("still paused after the restart").isEqualTo(pausedRequests);
    }

    @Test
    void refusesInternalAddressesAndBadSourcesNamingTheField() throws Exception {
        String port = String.valueOf(feeds.getAddress().getPort());
        Map<String, String> internal = Map.of(
                "http://169.254.169.254/latest/meta-data/", "Cloud-Metadaten",
                "http://[::1]/feed.rss", "Loopback",
                "http://10.0.0.1/feed.rss", "private Adresse",
                "http://localhost:" + port + "/a.rss", "Name für den eigenen Rechner",
                "http://127.0.0.1:" + port + "/a.rss", "Loopback");
        for (Map.Entry<String, String> url : internal.entrySet()) {
            ApiClient.Answer refused = admin("POST", "/api/sources", """
                    {"id":"intern","city":"Hürth","url":"%s"}
                    """.formatted(url.getKey()));
            assertThat(refused.status()).as(url.getKey()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).as(url.getKey())
                    .startsWith("Parameter 'url': Adresse im internen Netz abgelehnt").contains(url.getValue());
        }
        String good = "{\"id\":\"huerth-presse\",\"city\":\"Hürth\",\"url\":\"" + base + "/a.rss\"}";
        assertRefused("POST", "/api/sources", good.replace("}", ",\"interval\":\"PT30S\"}"), 400,
                "Parameter 'interval': source 'huerth-presse': field 'interval' must be at least PT1M (was PT30S)");
        assertRefused("POST", "/api/sources", good.replace("}", ",\"kind\":\"html\"}"), 400, "Parameter 'html'");
        assertRefused("POST", "/api/sources", good.replace("}", ",\"html\":{\"item\":\"li\",\"title\":\"a\",\"link\":\"a\","
                + "\"maxPages\":3}}"), 400, "Parameter 'html'");
        assertRefused("POST", "/api/sources", good.replace("huerth-presse", "Hürth Presse"), 400, "Parameter 'id'");
        assertRefused("POST", "/api/sources", good.replace(base + "/a.rss", "file:///etc/passwd"), 400, "Parameter 'url'");
        assertRefused("POST", "/api/sources", good.replace("\"city\"", "\"stadt\""), 400, "Parameter 'stadt'");
        assertRefused("PUT", "/api/sources/gibt-es-nicht", good.replace("huerth-presse", "gibt-es-nicht"), 404, "gibt-es-nicht");
        assertThat(admin("GET", "/api/audit?source=intern", "").json()).as("nothing refused is stored").isEmpty();

        assertThat(admin("POST", "/api/sources", good).status()).isEqualTo(201);
        assertRefused("POST", "/api/sources", good, 409, "exists already");
        assertRefused("PUT", "/api/sources/huerth-presse", good.replace("huerth-presse", "huerth-neu"), 400, "Parameter 'id'");
        assertRefused("POST", "/api/sources/huerth-presse/resume", "", 409, "active, not paused");

        assertThat(served.api().send("POST", "/api/sources", good.replace("huerth-presse", "anonym")).status()).isEqualTo(401);
        assertThat(served.api().send("POST", "/api/sources", good.replace("huerth-presse", "redaktion"),
                "Authorization", "Bearer " + editorKey).status()).isEqualTo(403);
        assertThat(served.api().send("DELETE", "/api/sources/huerth-presse", "",
                "Authorization", "Bearer " + editorKey).status()).isEqualTo(403);
    }

    @Test
    void anOpmlExportImportedIntoAnEmptyCatalogueGivesTheSameSources() throws Exception {
        assertThat(admin("POST", "/api/sources", """
                {"id":"huerth-presse","city":"Hürth","url":"%s/a.rss?x=1&y=2","kind":"rss","interval":"PT2H"}
                """.formatted(base)).status()).isEqualTo(201);
        assertThat(admin("POST", "/api/sources", """
                {"id":"kommune21","url":"%s/meldungen","kind":"html","interval":"PT1H",
                 "html":{"item":"article.teaser","title":"h3","link":"h3 a[href]","date":"time","dateFormat":"dd.MM.yyyy",
                         "summary":"div > p","next":"a.weiter","maxPages":2}}
                """.formatted(base)).status()).isEqualTo(201);
        assertThat(admin("POST", "/api/sources", """
                {"id":"ulm-pausiert","city":"Ulm","url":"%s/ulm.rss"}
                """.formatted(base)).status()).isEqualTo(201);
        assertThat(admin("POST", "/api/sources/ulm-pausiert/pause", "").status()).isEqualTo(200);

        ApiClient.Answer exported = served.api().get("/api/sources.opml");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("text/x-opml");
        assertThat(exported.body()).contains("xmlUrl=\"" + base + "/a.rss?x=1&amp;y=2\"")
                .contains("catalogue:html.summary=\"div &gt; p\"").doesNotContain("ulm-pausiert");

        served.close();
        served = null;
        startCatalogue("source-admin-import");
        assertThat(served.api().get("/api/sources").json()).isEmpty();
        String foreign = exported.body().replace("</body>", """
                <outline type="rss" text="Irgendein Blog" xmlUrl="https://blog.example/feed"/>
                <outline type="rss" text="Intern" xmlUrl="http://10.0.0.1/feed" catalogue:id="intern" catalogue:city="Hürth"/>
                </body>""");

        ApiClient.Answer imported = importOpml(foreign);
        assertThat(imported.status()).as(imported.json().toString()).isEqualTo(200);
        OpenApiSchemas schemas = new OpenApiSchemas(served.api().get("/api/openapi.json").json());
        assertThat(schemas.problems(imported.json(), schemas.answerSchema("/api/sources/opml", "post", 200))).isEmpty();
        assertThat(imported.json().path("created").asInt()).isEqualTo(2);
        assertThat(imported.json().path("refused").asInt()).isEqualTo(2);
        assertThat(imported.json().path("outlines").path(2).path("reason").asText()).contains("no city");
        assertThat(imported.json().path("outlines").path(2).path("outline").asText()).isEqualTo("outline #3 'Irgendein Blog'");
        assertThat(imported.json().path("outlines").path(3).path("reason").asText())
                .startsWith("Parameter 'url': Adresse im internen Netz abgelehnt");

        assertThat(served.api().get("/api/sources.opml").body()).as("the same sources").isEqualTo(exported.body());
        ApiClient.Answer again = importOpml(exported.body());
        assertThat(again.json().path("existing").asInt()).as("importing twice changes nothing").isEqualTo(2);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(admin("GET", "/api/audit?source=kommune21", "").json().path(0).path("reason").asText())
                .isEqualTo("OPML-Import");

        assertRefused("POST", "/api/sources/opml", """
                <?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body/></opml>
                """, 400, "Parameter 'body'");
        assertRefused("POST", "/api/sources/opml", "<opml><body>", 400, "not well-formed XML");

        String oversized = "<opml version=\"2.0\"><body>" + "<outline text=\"x\"/>".repeat(60_000) + "</body></opml>";
        ApiClient.Answer tooLarge = importOpml(oversized);
        tooLarge.assertError(413, "Parameter 'body': larger than the 1024 KB the server accepts");
        assertThat(tooLarge.json().path("error").asText()).isEqualTo("payload_too_large");
        assertThat(served.api().get("/api/sources").status()).as("the server goes on").isEqualTo(200);
    }

    private ApiClient.Answer importOpml(String document) throws Exception {
        return served.api().send("POST", "/api/sources/opml", document, "Authorization", "Bearer " + adminKey,
                "Content-Type", "text/x-opml");
    }

    /** Sets the source due now in the database, as if its interval had passed. */
    private static void makeDue(String id) throws Exception {
        try (HikariDataSource database = Catalogue.openDatabase();
             Connection connection = database.getConnection();
             PreparedStatement due = connection.prepareStatement("UPDATE sources SET next_poll_at = NULL WHERE id = ?")) {
            due.setString(1, id);
            assertThat(due.executeUpdate()).isEqualTo(1);
        }
    }

    private JsonNode source(String id) throws Exception {
        return served.api().get("/api/sources/" + id).json();
    }

    private List<String> titles(String sourceId) throws Exception {
        List<String> titles = new ArrayList<>();
        served.api().get("/api/items?size=50&source=" + sourceId).json().path("items")
                .forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }

    private void assertRefused(String method, String path, String body, int status, String message) throws Exception {
        admin(method, path, body).assertError(status, message);
    }

    private ApiClient.Answer admin(String method, String path, String body) throws Exception {
        return served.api().send(method, path, body, "Authorization", "Bearer " + adminKey);
    }
}
