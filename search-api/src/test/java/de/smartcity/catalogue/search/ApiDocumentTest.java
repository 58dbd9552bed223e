package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document against the OpenAPI 3 rules, the read routes and the parameters they take. The
 * operations that need a key (those with {@code security}) belong to the write side, whose module checks them.
 */
class ApiDocumentTest {
    private static final ObjectMapper JSON = CatalogueJson.mapper();
    private static final ObjectNode DOCUMENT = ApiDocument.bundled(JSON);
    private static DefaultCamelContext camel;
    private static SearchApiRoutes routes;

    @BeforeAll
    static void buildTheRoutes() throws Exception {
        camel = new DefaultCamelContext();
        // The services are never called here: only the routes' shape is read.
        routes = new SearchApiRoutes(null, JSON, Taxonomy.bundled(), SourceDirectory.of(List::of, List::of), () -> null, Optional.empty());
        camel.addRoutes(routes);
    }

    @AfterAll
    static void close() throws Exception {
        camel.close();
    }

    @Test
    void isAValidOpenApi3DocumentWhoseReferencesAllResolve() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        byte[] served = ApiDocument.describing(Vocabulary.of(Taxonomy.bundled()), JSON).json();

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(new String(served, StandardCharsets.UTF_8), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
        assertThat(publicPaths()).hasSameSizeAs(routes.queryParameters().keySet());
    }

    @Test
    void describesEveryRouteOfTheRestDslAndNoOther() {
        Set<String> restPaths = new HashSet<>();
        for (RestDefinition rest : camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            rest.getVerbs().forEach(verb -> {
                assertThat(verb.asVerb()).as(verb.getPath()).isEqualTo("get");
                restPaths.add(rest.getPath() + verb.getPath());
            });
        }

        assertThat(publicPaths()).isEqualTo(restPaths).isEqualTo(routes.queryParameters().keySet());
    }

    @Test
    void describesExactlyTheQueryParametersEachEndpointTakes() {
        Map<String, Set<String>> described = new TreeMap<>();
        publicPaths().forEach(path -> described.put(path,
                new HashSet<>(parameters(DOCUMENT.path("paths").path(path).path("get"), "query").stream()
                        .map(parameter -> parameter.path("name").asText()).toList())));

        assertThat(described).isEqualTo(new TreeMap<>(routes.queryParameters()));
    }

    @Test
    void everyOperationSaysWhatItAnswersAndGivesExamplesForItsPath() {
        publicPaths().forEach(path -> {
            JsonNode get = DOCUMENT.path("paths").path(path).path("get");
            assertThat(get.path("responses").has("200")).as(path).isTrue();
            assertThat(get.path("responses").path("400").path("$ref").asText()).as(path)
                    .isEqualTo("#/components/responses/BadRequest");
            // Exports are streamed while they are made: no ETag, so no If-None-Match and no 304, but a download name.
            boolean streamed = path.startsWith("/api/export/");
            assertThat(get.path("responses").path("200").path("headers").has("ETag")).as(path).isEqualTo(!streamed);
            assertThat(get.path("responses").has("304")).as(path).isEqualTo(!streamed);
            assertThat(parameters(get, "header")).as(path).hasSize(streamed ? 0 : 1);
            assertThat(get.path("responses").path("200").path("headers").has("Content-Disposition")).as(path)
                    .isEqualTo(streamed);
            for (JsonNode parameter : parameters(get, "path")) {
                assertThat(parameter.has("example")).as(path + " " + parameter.path("name")).isTrue();
                assertThat(path).contains("{" + parameter.path("name").asText() + "}");
            }
            for (JsonNode parameter : parameters(get, "query")) {
                assertThat(parameter.path("description").asText()).as(path + " " + parameter.path("name")).isNotBlank();
                assertThat(parameter.has("schema")).isTrue();
            }
        });
    }

    @Test
    void errorAnswersHaveTheErrorShape() {
        for (String response : List.of("BadRequest", "NotFound", "Unavailable", "InternalError")) {
            assertThat(DOCUMENT.at("/components/responses/" + response + "/content/application~1json/schema/$ref").asText())
                    .as(response).isEqualTo("#/components/schemas/ErrorBody");
        }
        assertThat(texts(DOCUMENT.at("/components/schemas/ErrorBody/required"))).containsExactly("error", "message");
    }

    @Test
    void theBundledVocabulariesAreThoseOfTheBundledTaxonomyAndGazetteer() {
        Taxonomy taxonomy = Taxonomy.bundled();

        assertThat(texts(DOCUMENT.at("/components/schemas/ThemeId/enum")))
                .isEqualTo(taxonomy.themes().stream().map(Theme::id).toList());
        assertThat(texts(DOCUMENT.at("/components/schemas/FieldOfAction/enum"))).isEqualTo(taxonomy.fields());
        assertThat(texts(DOCUMENT.at("/components/schemas/State/enum"))).isEqualTo(Gazetteer.instance().states());
    }

    @Test
    void theServedDocumentDescribesTheTaxonomyTheAppRunsWith() throws Exception {
        Taxonomy bundled = Taxonomy.bundled();
        Taxonomy own = new Taxonomy(List.of("Mobilität"), List.of(bundled.theme("parking").orElseThrow()),
                bundled.titleWeight(), bundled.threshold(), bundled.titleAloneWeight());

        JsonNode served = JSON.readTree(ApiDocument.describing(Vocabulary.of(own), JSON).json());

        assertThat(texts(served.at("/components/schemas/ThemeId/enum"))).containsExactly("parking");
        assertThat(texts(served.at("/components/schemas/FieldOfAction/enum"))).containsExactly("Mobilität");
    }

    /** The paths whose GET anyone may call: those of the read API. */
    private static Set<String> publicPaths() {
        Set<String> paths = new HashSet<>();
        DOCUMENT.path("paths").properties().forEach(path -> {
            JsonNode get = path.getValue().path("get");
            if (!get.isMissingNode() && !get.has("security")) {
                paths.add(path.getKey());
            }
        });
        return paths;
    }

    private static List<JsonNode> parameters(JsonNode operation, String in) {
        return StreamSupport.stream(operation.path("parameters").spliterator(), false)
                .map(parameter -> parameter.has("$ref") ? DOCUMENT.at(parameter.path("$ref").asText().substring(1)) : parameter)
                .filter(parameter -> parameter.path("in").asText().equals(in))
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
