package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.routes.store.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editors create and edit projects through the API, against a catalogue file that lists one project: validated like
 * the file, audit-logged, searchable at once, and still the editor's after a restart that reads the file again and
 * after a reindex. Real database, real Elasticsearch node.
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
    private static final String CREATE = """
            {"slug":"huerth-parkleitsystem","name":"Parkleitsystem Hürth-Mitte","aliases":["Hürther Parkleitsystem"],
             "place":"Hürth","themes":["parking"],"status":"planned","period":{"from":"2027-01"},
             "description":"Ein Parkleitsystem soll freie Plätze anzeigen.","reason":"Ratsbeschluss vom November"}
            """;

    @TempDir
    Path files;
    private ServedCatalogue served;
    private String editorKey;

    @BeforeEach
    void start() throws Exception {
        ItDataDir.enter("project-editing");
        Path catalogue = files.resolve("projects.yaml");
        Files.writeString(catalogue, FILE, StandardCharsets.UTF_8);
        System.setProperty("catalogue.projects", catalogue.toString());
        try (HikariDataSource database = Catalogue.openDatabase()) {
            editorKey = new ApiKeyStore(database).create("Redaktion Rhein-Erft", Role.EDITOR, Instant.now()).token();
        }
        served = ServedCatalogue.start(List.of());
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
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
        served = ServedCatalogue.start(List.of());
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

    private void assertEdited() throws Exception {
        JsonNode project = served.api().get("/api/projects/huerth-altglas").json();
        assertThat(project.path("name").asText()).isEqualTo("Füllstandsensoren Altglas Hürth");
        assertThat(project.path("status").asText()).isEqualTo("running");
    }

    private void assertRefused(String method, String path, String body, int status, String message) throws Exception {
        ApiClient.Answer answer = edit(method, path, body);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(status);
        assertThat(answer.json().path("message").asText()).as(answer.json().toString()).contains(message);
        assertThat(answer.json().path("error").asText()).isNotBlank();
    }

    private ApiClient.Answer edit(String method, String path, String body) throws Exception {
        return served.api().send(method, path, body, "Authorization", "Bearer " + editorKey);
    }
}
