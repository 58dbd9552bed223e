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
        assertThat(checked).as("operations that need a key").contains("POST /api/keys", "DELETE /api/keys/{id}");
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

    private static String createKey(String role, String name) throws Exception {
        Run run = command("apikey", "create", "--role", role, "--name", name);
        assertThat(run.exitCode()).as(run.out()).isZero();
        Matcher token = TOKEN.matcher(run.out());
        assertThat(token.find()).as(run.out()).isTrue();
        return token.group(1);
    }
}
