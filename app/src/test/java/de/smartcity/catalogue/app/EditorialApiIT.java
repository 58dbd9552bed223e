package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.smartcity.catalogue.model.Source;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write side on the served demo, over HTTP: keys made on the command line, who may call what (every operation
 * that needs a key, as the served OpenAPI document lists them), and each answer held to its schema.
 */
@ExtendWith(SharedElasticsearch.class)
class EditorialApiIT {
    private static final String FRANKFURT_CAR_PARK = "44ca03227f11cc50c05b";
    private static final String PROJECT = "ma-barrierefrei-parken";
    private static final String LINKED_PROJECT = "kl-wlan";
    private static final Pattern TOKEN = Pattern.compile("^(sck_[0-9a-f]{12}_\\S+)$", Pattern.MULTILINE);
    private static ServedCatalogue served;
    private static ApiClient api;
    private static JsonNode document;
    private static OpenApiSchemas schemas;
    private static String editorKey;
    private static String adminKey;
    private static String revokedKey;

    @BeforeAll
    static void serveTheDemoWithKeys() throws Exception {
        ItDataDir.enter("editorial-api");
        List<Source> sources = Catalogue.configuredSources(Optional.of(Catalogue.DEMO_SOURCES));
        assertThat(IngestOnce.run(sources, new PrintStream(OutputStream.nullOutputStream()))).isZero();
        editorKey = createKey("editor", "Redaktion Kommune21");
        adminKey = createKey("admin", "Betrieb");
        revokedKey = createKey("editor", "Ehemalige Praktikantin");
        String revokedId = revokedKey.substring(4, 16);
        assertThat(command("apikey", "revoke", revokedId).exitCode()).isZero();
        served = ServedCatalogue.start(sources);
        api = served.api();
        document = api.get("/api/openapi.json").json();
        schemas = new OpenApiSchemas(document);
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
        ItDataDir.restore();
    }

    @Test
    void theCommandLinePrintsAKeyOnceAndListsKeysWithoutThem() throws Exception {
        Run list = command("apikey", "list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("Redaktion Kommune21").contains("editor").contains("admin").contains("revoked ")
                .doesNotContain(editorKey.substring(17)).doesNotContain(adminKey.substring(17));
        assertThat(command("apikey", "create", "--role", "chef", "--name", "X").exitCode()).isEqualTo(2);
        assertThat(command("apikey", "create", "--role", "editor").exitCode()).isEqualTo(2);
        assertThat(command("apikey", "revoke", "000000000000").exitCode()).isEqualTo(1);
    }

    @Test
    void everyOperationThatNeedsAKeyRefusesAnonymousBadRevokedAndUnderPrivilegedCalls() throws Exception {
        List<String> checked = new ArrayList<>();
        for (SecuredOperation operation : securedOperations()) {
            String name = operation.method() + " " + operation.template();
            for (String[] credentials : List.of(new String[0], new String[] {"Authorization", "Bearer sck_000000000000_wrong"},
                    new String[] {"Authorization", "Bearer " + revokedKey}, new String[] {"Authorization", "Basic YWRtaW46YWRtaW4="})) {
                ApiClient.Answer answer = api.send(operation.method(), operation.path(), operation.body(), credentials);
                assertThat(answer.status()).as(name + " " + List.of(credentials)).isEqualTo(401);
                assertThat(answer.header("WWW-Authenticate")).as(name).startsWith("Bearer");
                assertThat(answer.header("Cache-Control")).as(name).isEqualTo("no-store");
                assertThat(answer.json().path("error").asText()).as(name).isEqualTo("unauthorized");
                assertThat(answer.json().path("message").asText()).as(name).isNotBlank();
            }
            if (operation.role().equals("admin")) {
                ApiClient.Answer answer = api.send(operation.method(), operation.path(), operation.body(),
                        "Authorization", "Bearer " + editorKey);
                assertThat(answer.status()).as(name + " as editor").isEqualTo(403);
                assertThat(answer.json().path("error").asText()).isEqualTo("forbidden");
                assertThat(answer.json().path("message").asText()).contains("admin");
            }
            checked.add(name);
        }
        assertThat(checked).as("operations that need a key").contains("POST /api/keys", "DELETE /api/keys/{id}",
                "GET /api/review", "GET /api/audit", "POST /api/items/{id}/hide");
    }

    @Test
    void everyOtherMethodThanGetNeedsAKey() {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getKey().equals("get")) {
                assertThat(operation.getValue().has("security")).as(operation.getKey() + " " + path.getKey()).isTrue();
            }
        }));
    }

    @Test
    void anAdminMakesListsAndRevokesKeys() throws Exception {
        ApiClient.Answer created = asAdmin("POST", "/api/keys", "{\"name\":\"Redaktion Hessen\",\"role\":\"editor\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(schemas.problems(created.json(), schemas.answerSchema("/api/keys", "post", 201))).isEmpty();
        String key = created.json().path("key").asText();
        String id = created.json().path("id").asText();

        ApiClient.Answer list = asAdmin("GET", "/api/keys", "");
        assertThat(schemas.problems(list.json(), schemas.answerSchema("/api/keys", "get", 200))).isEmpty();
        assertThat(list.json().toString()).contains(id).contains("Redaktion Hessen").doesNotContain(key.substring(17));
        ApiClient.Answer revoked = asAdmin("DELETE", "/api/keys/" + id, "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("revoked").asText()).isNotBlank();
        assertThat(api.send("GET", "/api/keys", "", "Authorization", "Bearer " + key).status()).isEqualTo(401);
        assertThat(asAdmin("DELETE", "/api/keys/000000000000", "").status()).isEqualTo(404);
    }

    @Test
    void aBadKeyRequestNamesTheField() throws Exception {
        ApiClient.Answer noName = asAdmin("POST", "/api/keys", "{\"role\":\"editor\"}");
        ApiClient.Answer badRole = asAdmin("POST", "/api/keys", "{\"name\":\"X\",\"role\":\"chef\"}");
        ApiClient.Answer notJson = asAdmin("POST", "/api/keys", "{name");
        ApiClient.Answer unknownField = asAdmin("POST", "/api/keys", "{\"name\":\"X\",\"role\":\"editor\",\"rolle\":\"admin\"}");

        assertThat(noName.json().path("message").asText()).startsWith("Parameter 'name'");
        assertThat(badRole.json().path("message").asText()).startsWith("Parameter 'role'");
        assertThat(notJson.json().path("message").asText()).startsWith("Parameter 'body'");
        assertThat(unknownField.json().path("message").asText()).startsWith("Parameter 'rolle'");
        for (ApiClient.Answer answer : List.of(noName, badRole, notJson, unknownField)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("error").asText()).isEqualTo("invalid_parameter");
        }
    }

    @Test
    void aHiddenItemVanishesFromEveryPublicReadButStaysInTheQueueAndComesBack() throws Exception {
        JsonNode before = api.get("/api/projects/" + PROJECT).json();
        String hiddenItem = before.path("timeline").path(0).path("id").asText();
        String title = before.path("timeline").path(0).path("title").asText();
        long searchBefore = api.get("/api/items?q=" + encode(title)).json().path("total").asLong();
        assertThat(searchBefore).isPositive();

        ApiClient.Answer hidden = asEditor("POST", "/api/items/" + hiddenItem + "/hide", "{\"reason\":\"Werbebeitrag\"}");

        assertThat(hidden.status()).isEqualTo(200);
        assertThat(schemas.problems(hidden.json(), schemas.answerSchema("/api/items/{id}/hide", "post", 200))).isEmpty();
        assertThat(hidden.json().path("state").asText()).isEqualTo("hidden");
        assertThat(hidden.json().path("changedBy").asText()).isEqualTo(editorKey.substring(4, 16));
        assertThat(api.get("/api/items/" + hiddenItem).status()).isEqualTo(404);
        assertThat(api.get("/api/items/" + hiddenItem + "/similar").status()).isEqualTo(404);
        JsonNode after = api.get("/api/projects/" + PROJECT).json();
        assertThat(texts(after.path("timeline"), "id")).doesNotContain(hiddenItem);
        assertThat(after.path("newsCount").asLong()).isEqualTo(before.path("newsCount").asLong() - 1);
        assertThat(api.get("/api/items?q=" + encode(title)).json().path("total").asLong()).isEqualTo(searchBefore - 1);
        assertThat(api.get("/api/items?size=100&project=" + PROJECT).json().toString()).doesNotContain(hiddenItem);
        for (String similarTo : texts(api.get("/api/items?size=5&sort=date").json().path("items"), "id")) {
            assertThat(api.get("/api/items/" + similarTo + "/similar?limit=20").json().toString()).doesNotContain(hiddenItem);
        }

        JsonNode queue = asEditor("GET", "/api/review?state=hidden", "").json();
        assertThat(schemas.problems(queue, schemas.answerSchema("/api/review", "get", 200))).isEmpty();
        assertThat(queue.path("items").path(0).path("item").path("id").asText()).isEqualTo(hiddenItem);
        assertThat(queue.path("items").path(0).path("review").path("reason").asText()).isEqualTo("Werbebeitrag");
        assertThat(queue.path("items").path(0).path("item").path("themes").path(0).path("evidence").isArray()).isTrue();

        ApiClient.Answer unhidden = asEditor("POST", "/api/items/" + hiddenItem + "/unhide", "");
        assertThat(unhidden.json().path("state").asText()).isEqualTo("new");
        assertThat(api.get("/api/items/" + hiddenItem).status()).isEqualTo(200);
        assertThat(api.get("/api/projects/" + PROJECT).json().path("newsCount").asLong())
                .isEqualTo(before.path("newsCount").asLong());

        JsonNode audit = asEditor("GET", "/api/audit?item=" + hiddenItem, "").json();
        assertThat(schemas.problems(audit, schemas.answerSchema("/api/audit", "get", 200))).isEmpty();
        // The newest first; another test may have featured the same item before.
        assertThat(texts(audit, "action").subList(0, 2)).containsExactly("unhide", "hide");
        assertThat(audit.path(1).path("keyName").asText()).isEqualTo("Redaktion Kommune21");
        assertThat(audit.path(1).path("before").path("state").asText()).isNotEqualTo("hidden");
        assertThat(audit.path(1).path("after").path("reason").asText()).isEqualTo("Werbebeitrag");
    }

    @Test
    void theQueueListsNewItemsNewestFirstWithTheirEvidenceAndFeaturedOnesApart() throws Exception {
        JsonNode queue = asEditor("GET", "/api/review?theme=parking&size=100", "").json();
        assertThat(schemas.problems(queue, schemas.answerSchema("/api/review", "get", 200))).isEmpty();
        assertThat(queue.path("state").asText()).isEqualTo("new");
        assertThat(queue.path("total").asLong()).isPositive();
        List<String> published = texts(queue.path("items"), "item", "published");
        assertThat(published).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String featured = queue.path("items").path(0).path("item").path("id").asText();
        for (JsonNode entry : queue.path("items")) {
            assertThat(texts(entry.path("item").path("themes"), "id")).contains("parking");
            assertThat(entry.path("review").path("state").asText()).isEqualTo("new");
        }

        assertThat(asEditor("POST", "/api/items/" + featured + "/feature", "").json().path("state").asText()).isEqualTo("featured");

        assertThat(texts(asEditor("GET", "/api/review?theme=parking&size=100", "").json().path("items"), "item", "id"))
                .doesNotContain(featured);
        assertThat(texts(asEditor("GET", "/api/review?state=featured", "").json().path("items"), "item", "id"))
                .containsExactly(featured);
        assertThat(api.get("/api/items/" + featured).status()).as("featured items are public").isEqualTo(200);
        JsonNode city = asEditor("GET", "/api/review?city=" + encode("Frankfurt am Main"), "").json();
        for (JsonNode entry : city.path("items")) {
            assertThat(entry.path("item").path("place").path("name").asText()).isEqualTo("Frankfurt am Main");
        }
        assertThat(asEditor("POST", "/api/items/" + featured + "/unfeature", "").json().path("state").asText()).isEqualTo("approved");
    }

    @Test
    void anEditorsProjectLinksOutliveTheLinkerAndAReindex() throws Exception {
        JsonNode project = api.get("/api/projects/" + LINKED_PROJECT).json();
        String linked = project.path("timeline").path(0).path("id").asText();
        String other = FRANKFURT_CAR_PARK;

        ApiClient.Answer unlinked = asEditor("DELETE", "/api/items/" + linked + "/projects/" + LINKED_PROJECT,
                "{\"reason\":\"Nur am Rande erwähnt\"}");
        ApiClient.Answer link = asEditor("PUT", "/api/items/" + other + "/projects/" + LINKED_PROJECT, "");

        assertThat(schemas.problems(unlinked.json(), schemas.answerSchema("/api/items/{id}/projects/{slug}", "delete", 200)))
                .isEmpty();
        assertThat(unlinked.json().toString()).doesNotContain(LINKED_PROJECT);
        assertThat(schemas.problems(link.json(), schemas.answerSchema("/api/items/{id}/projects/{slug}", "put", 200))).isEmpty();
        assertThat(link.json().path("projects").toString()).contains(LINKED_PROJECT).contains("\"origin\":\"editor\"");

        served.catalogue().reindexProjects();
        served.catalogue().indexer().reindex();

        List<String> timeline = texts(api.get("/api/projects/" + LINKED_PROJECT).json().path("timeline"), "id");
        assertThat(timeline).contains(other).doesNotContain(linked);
        assertThat(texts(asEditor("GET", "/api/audit?project=" + LINKED_PROJECT, "").json(), "action"))
                .containsExactly("link-project", "unlink-project");
        assertThat(asEditor("PUT", "/api/items/" + other + "/projects/gibt-es-nicht", "").status()).isEqualTo(404);
    }

    @Test
    void badEditorialRequestsAreClearErrors() throws Exception {
        ApiClient.Answer noReason = asEditor("POST", "/api/items/" + FRANKFURT_CAR_PARK + "/hide", "");
        ApiClient.Answer notHidden = asEditor("POST", "/api/items/" + FRANKFURT_CAR_PARK + "/unhide", "");
        ApiClient.Answer unknownItem = asEditor("POST", "/api/items/00000000000000000000/approve", "");
        ApiClient.Answer badState = asEditor("GET", "/api/review?state=done", "");
        ApiClient.Answer badTheme = asEditor("GET", "/api/review?theme=parken", "");
        ApiClient.Answer badSize = asEditor("GET", "/api/audit?size=0", "");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("message").asText()).startsWith("Parameter 'reason'");
        assertThat(notHidden.status()).isEqualTo(409);
        assertThat(notHidden.json().path("error").asText()).isEqualTo("conflict");
        assertThat(unknownItem.status()).isEqualTo(404);
        assertThat(badState.json().path("message").asText()).startsWith("Parameter 'state'");
        assertThat(badTheme.json().path("message").asText()).startsWith("Parameter 'theme'");
        assertThat(badSize.json().path("message").asText()).startsWith("Parameter 'size'");
        assertThat(api.get("/api/items/" + FRANKFURT_CAR_PARK).status()).as("nothing changed").isEqualTo(200);
    }

    private static ApiClient.Answer asEditor(String method, String path, String body) throws Exception {
        return api.send(method, path, body, "Authorization", "Bearer " + editorKey);
    }

    private static List<String> texts(JsonNode array, String... path) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            JsonNode value = element;
            for (String name : path) {
                value = value.path(name);
            }
            texts.add(value.asText());
        }
        return texts;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static ApiClient.Answer asAdmin(String method, String path, String body) throws Exception {
        return api.send(method, path, body, "Authorization", "Bearer " + adminKey);
    }

    /** An operation of the served document that needs a key, with its path filled in from the examples. */
    private record SecuredOperation(String method, String template, String path, String role, String body) {
    }

    private static List<SecuredOperation> securedOperations() {
        List<SecuredOperation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode node = operation.getValue();
            if (node.has("security")) {
                String filled = path.getKey();
                for (JsonNode parameter : node.path("parameters")) {
                    JsonNode resolved = parameter.has("$ref") ? document.at(parameter.path("$ref").asText().substring(1)) : parameter;
                    if (resolved.path("in").asText().equals("path")) {
                        filled = filled.replace("{" + resolved.path("name").asText() + "}", resolved.path("example").asText());
                    }
                }
                operations.add(new SecuredOperation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), filled,
                        node.path("x-role").asText(), node.has("requestBody") ? "{}" : ""));
            }
        }));
        return operations;
    }

    private record Run(int exitCode, String out) {
    }

    private static Run command(String... arguments) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ApiKeyCommand.run(List.of(arguments).subList(1, arguments.length), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    /** A new key of the role, made as an operator would with {@code bin/catalogue apikey create}. */
    static String createKey(String role, String name) throws Exception {
        Run run = command("apikey", "create", "--role", role, "--name", name);
        assertThat(run.exitCode()).as(run.out()).isZero();
        Matcher token = TOKEN.matcher(run.out());
        assertThat(token.find()).as(run.out()).isTrue();
        return token.group(1);
    }
}
