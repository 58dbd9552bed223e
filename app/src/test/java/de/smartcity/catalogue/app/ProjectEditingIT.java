package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editors create and edit projects through the API, against a catalogue file that lists one project: validated like
 * the file, audit-logged, searchable at once, and still the editor's after a restart that reads the file again and
 * after a reindex; and they accept or reject the links the linker suggests, decisions a re-poll and a reindex keep.
 * Real local feed server, real database, real Elasticsearch node.
 */
@ExtendWith(SharedElasticsearch.class)
class ProjectEditingIT {
    private static final String FILE = """
            projects:
              - slug: huerth-altglas
                name: Altglas-Sensorik Hürth
                place: Hürth
                themes: [waste, sensors]
                status: pilot
                description: Sensoren melden volle Altglascontainer.
            """;
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Stadt Hürth</title><link>https://www.huerth.de/</link><description>Presse</description>
            <item><title>Altglas-Sensorik Hürth meldet erste volle Container</title>
            <link>https://www.huerth.de/presse/altglas-erste</link>
            <description>Die Altglas-Sensorik Hürth hat die ersten Meldungen geschickt.</description>
            <pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate></item>
            <item><title>Altglas-Sensorik Hürth: Kritik am Datenschutz</title>
            <link>https://www.huerth.de/presse/altglas-kritik</link>
            <description>Ein Leserbrief zur Altglas-Sensorik Hürth, eine Glosse.</description>
            <pubDate>Tue, 24 Nov 2026 09:00:00 +0100</pubDate></item>
            <item><title>Hürther Parkleitsystem: Rat gibt grünes Licht</title>
            <link>https://www.huerth.de/presse/parkleitsystem-rat</link>
            <description>Anzeigetafeln an den Einfallstraßen sollen freie Stellplätze zeigen.</description>
            <pubDate>Wed, 25 Nov 2026 09:00:00 +0100</pubDate></item>
            </channel></rss>
            """;
    private static final String CREATE = """
            {"slug":"huerth-parkleitsystem","name":"Parkleitsystem Hürth-Mitte","aliases":["Hürther Parkleitsystem"],
             "place":"Hürth","themes":["parking"],"status":"planned","period":{"from":"2027-01"},
             "description":"Ein Parkleitsystem soll freie Plätze anzeigen.","reason":"Ratsbeschluss vom November"}
            """;

    @TempDir
    Path files;
    private LocalFeeds server;
    private List<Source> sources;
    private ServedCatalogue served;
    private String editorKey;

    @BeforeEach
    void start() throws Exception {
        ItDataDir.enter("project-editing");
        Path catalogue = files.resolve("projects.yaml");
        Files.writeString(catalogue, FILE, StandardCharsets.UTF_8);
        System.setProperty("catalogue.projects", catalogue.toString());
        editorKey = ServedCatalogue.storeKey("Redaktion Rhein-Erft", Role.EDITOR);
        server = LocalFeeds.serving(Map.of("/feed.rss", () -> FEED));
        sources = List.of(new Source("huerth-presse", "Hürth",
                server.url("/feed.rss"), SourceKind.RSS,
                Duration.ofHours(1), null));
        served = ServedCatalogue.start(sources);
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
        server.close();
        System.clearProperty("catalogue.projects");
        ItDataDir.restore();
    }

    @Test
    void anEditorsProjectsAreSearchableAuditedAndWinOverTheFileAfterARestartAndAReindex() throws Exception {
        ApiClient.Answer created = edit("POST", "/api/projects", CREATE);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        assertThat(created.json().path("fields").toString()).as("fields follow from the themes").contains("Mobilität");
        assertThat(created.json().path("place").path("ags").asText()).isEqualTo("05362028");

        ApiClient.Answer edited = edit("PUT", "/api/projects/huerth-altglas", """
                {"name":"Füllstandsensoren Altglas Hürth","place":"Hürth","themes":["waste","sensors"],"status":"running",
                 "description":"Seit Oktober im Regelbetrieb.","reason":"Pilot abgeschlossen"}
                """);
        assertThat(edited.status()).as(edited.json().toString()).isEqualTo(200);
        assertEdited();
        assertThat(served.api().get("/api/projects?q=Parkleitsystem").json().path("projects").path(0).path("slug")
                .asText()).isEqualTo("huerth-parkleitsystem");

        JsonNode audit = edit("GET", "/api/audit?project=huerth-altglas", "").json();
        assertThat(audit.path(0).path("action").asText()).isEqualTo("edit-project");
        assertThat(audit.path(0).path("before").path("name").asText()).isEqualTo("Altglas-Sensorik Hürth");
        assertThat(audit.path(0).path("after").path("name").asText()).isEqualTo("Füllstandsensoren Altglas Hürth");
        assertThat(audit.path(0).path("reason").asText()).isEqualTo("Pilot abgeschlossen");
        assertThat(edit("GET", "/api/audit?project=huerth-parkleitsystem", "").json().path(0).path("action").asText())
                .isEqualTo("create-project");

        served.close();
        served = ServedCatalogue.start(sources);
        assertEdited();
        assertThat(served.api().get("/api/projects/huerth-parkleitsystem").status()).isEqualTo(200);

        assertThat(served.catalogue().reindexProjects()).isEqualTo(2);
        assertEdited();
    }

    @Test
    void badProjectsAreRefusedNamingTheField() throws Exception {
        assertRefused("POST", "/api/projects", CREATE.replace("\"Hürth\"", "\"Atlantis\""), 400, "Parameter 'place'");
        assertRefused("POST", "/api/projects", CREATE.replace("[\"parking\"]", "[\"parken\"]"), 400, "Parameter 'themes'");
        assertRefused("POST", "/api/projects", CREATE.replace("Parkleitsystem Hürth-Mitte", "Altglas-Sensorik Hürth"),
                400, "Parameter 'name'");
        assertRefused("POST", "/api/projects", CREATE.replace("\"reason\"", "\"grund\""), 400, "Parameter 'grund'");
        assertRefused("POST", "/api/projects", CREATE.replace("huerth-parkleitsystem", "huerth-altglas"), 409, "exists");
        assertRefused("PUT", "/api/projects/huerth-nirgends", CREATE.replace("\"slug\":\"huerth-parkleitsystem\",", ""),
                404, "huerth-nirgends");
        assertRefused("PUT", "/api/projects/huerth-altglas", CREATE, 400, "Parameter 'slug'");
        // The database is this test's own, the Elasticsearch node is shared: the audit trail shows nothing was stored.
        assertThat(edit("GET", "/api/audit?project=huerth-parkleitsystem", "").json()).isEmpty();
        assertThat(edit("GET", "/api/audit?project=huerth-altglas", "").json()).isEmpty();
    }

    @Test
    void anEditorAcceptsAndRejectsTheLinkersSuggestionsAndTheDecisionsStick() throws Exception {
        poll();
        JsonNode suggested = edit("GET", "/api/projects/huerth-altglas/suggestions", "").json();
        assertThat(suggested).hasSize(2);
        assertThat(suggested.path(0).path("title").asText()).as("newest first").endsWith("Kritik am Datenschutz");
        assertThat(suggested.path(0).path("reason").asText()).contains("Altglas-Sensorik Hürth");
        String glosse = suggested.path(0).path("item").asText();
        String report = suggested.path(1).path("item").asText();

        ApiClient.Answer accepted = edit("POST", "/api/projects/huerth-altglas/links/" + report + "/accept", "");
        assertThat(accepted.status()).as(accepted.json().toString()).isEqualTo(200);
        assertThat(accepted.json().path("projects").path(0).path("origin").asText()).isEqualTo("editor");
        assertThat(accepted.json().path("projects").path(0).path("reason").asText())
                .contains("Altglas-Sensorik Hürth").contains("bestätigt");
        ApiClient.Answer rejected = edit("POST", "/api/projects/huerth-altglas/links/" + glosse + "/reject",
                "{\"reason\":\"Eine Glosse, keine Projektnachricht\"}");
        assertThat(rejected.status()).as(rejected.json().toString()).isEqualTo(200);
        assertThat(rejected.json().path("projects")).isEmpty();
        assertThat(edit("GET", "/api/projects/huerth-altglas/suggestions", "").json()).isEmpty();
        assertThat(edit("POST", "/api/projects/huerth-altglas/links/" + glosse + "/accept", "").status())
                .as("a decided link is no suggestion any more").isEqualTo(404);
        assertThat(edit("GET", "/api/projects/huerth-nirgends/suggestions", "").status()).isEqualTo(404);
        assertThat(edit("GET", "/api/projects/huerth-altglas/suggestions?size=0", "").json().path("message").asText())
                .startsWith("Parameter 'size'");

        JsonNode audit = edit("GET", "/api/audit?project=huerth-altglas", "").json();
        assertThat(audit.path(0).path("action").asText()).isEqualTo("reject-link");
        assertThat(audit.path(0).path("reason").asText()).isEqualTo("Eine Glosse, keine Projektnachricht");
        assertThat(audit.path(1).path("action").asText()).isEqualTo("accept-link");

        poll();
        served.catalogue().reindexProjects();
        served.catalogue().indexer().reindex();
        assertThat(edit("GET", "/api/projects/huerth-altglas/suggestions", "").json()).isEmpty();
        JsonNode timeline = served.api().get("/api/projects/huerth-altglas").json().path("timeline");
        assertThat(timeline).hasSize(1);
        assertThat(timeline.path(0).path("id").asText()).isEqualTo(report);
    }

    @Test
    void theLinkerLinksNewsToAnEditorsProjectAndEditorsLinksKeepAProjectTheFileDrops() throws Exception {
        poll();
        assertThat(edit("POST", "/api/projects", CREATE).status()).isEqualTo(201);
        JsonNode timeline = served.api().get("/api/projects/huerth-parkleitsystem").json().path("timeline");
        assertThat(timeline).as("news polled before the project existed").hasSize(1);
        assertThat(timeline.path(0).path("title").asText()).startsWith("Hürther Parkleitsystem");
        String report = served.api().get("/api/projects/huerth-altglas").json().path("timeline").path(0).path("id")
                .asText();
        assertThat(edit("PUT", "/api/items/" + report + "/projects/huerth-altglas", "").status()).isEqualTo(200);

        served.close();
        Files.writeString(Path.of(System.getProperty("catalogue.projects")), "projects: []\n", StandardCharsets.UTF_8);
        served = ServedCatalogue.start(sources);
        assertThat(served.api().get("/api/projects/huerth-altglas").status())
                .as("a file project an editor linked news to outlives the file").isEqualTo(200);
        JsonNode links = served.api().get("/api/items/" + report).json().path("projects");
        assertThat(links.toString()).contains("huerth-altglas").contains("editor");
        poll();
        assertThat(served.api().get("/api/projects/huerth-parkleitsystem").json().path("timeline")).hasSize(1);
    }

    private void poll() throws Exception {
        IngestOnce.ingest(served.catalogue(), sources);
        served.catalogue().indexer().indexPending();
        served.catalogue().itemIndex().refresh();
    }

    private void assertEdited() throws Exception {
        JsonNode project = served.api().get("/api/projects/huerth-altglas").json();
        assertThat(project.path("name").asText()).isEqualTo("Füllstandsensoren Altglas Hürth");
        assertThat(project.path("status").asText()).isEqualTo("running");
    }

    private void assertRefused(String method, String path, String body, int status, String message) throws Exception {
        edit(method, path, body).assertError(status, message);
    }

    private ApiClient.Answer edit(String method, String path, String body) throws Exception {
        return served.api().send(method, path, body, "Authorization", "Bearer " + editorKey);
    }
}
