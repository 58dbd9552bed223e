package de.smartcity.catalogue.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.search.ApiDocument;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The write side's operations in the OpenAPI document: exactly those declared, each with its role, key and errors. */
class CurationApiDocumentTest {
    private static final ObjectMapper JSON = CatalogueJson.mapper();
    private static final ObjectNode DOCUMENT = ApiDocument.bundled(JSON);
    private static DefaultCamelContext camel;
    private static CurationRoutes routes;

    @BeforeAll
    static void buildTheRoutes() throws Exception {
        camel = new DefaultCamelContext();
        // The services are never called here: only the routes' shape is read.
        routes = new CurationRoutes(null, null, null, null, JSON, Clock.systemUTC());
        camel.addRoutes(routes);
    }

    @AfterAll
    static void close() throws Exception {
        camel.close();
    }

    @Test
    void describesEveryDeclaredEndpointWithItsRoleAndNoOtherOperationNeedsAKey() {
        Set<String> declared = new HashSet<>();
        routes.endpoints().forEach(endpoint -> declared.add(endpoint.method() + " " + endpoint.path() + " " + endpoint.role().id()));
        Set<String> described = new HashSet<>();
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (operation.getValue().has("security")) {
                described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " "
                        + operation.getValue().path("x-role").asText());
            }
        }));

        assertThat(described).isEqualTo(declared);
    }

    @Test
    void theRestDslHasExactlyTheDeclaredEndpoints() {
        Set<String> rest = new HashSet<>();
        for (RestDefinition definition : camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            definition.getVerbs().forEach(verb -> rest.add(verb.asVerb().toUpperCase(Locale.ROOT) + " " + definition.getPath() + verb.getPath()));
        }

        assertThat(rest).isEqualTo(new HashSet<>(routes.endpoints().stream().map(e -> e.method() + " " + e.path()).toList()));
    }

    @Test
    void everySecuredOperationNeedsTheBearerKeyAndSaysHowItRefuses() {
        assertThat(DOCUMENT.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        for (Endpoint endpoint : routes.endpoints()) {
            JsonNode operation = DOCUMENT.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase(Locale.ROOT));
            String name = endpoint.method() + " " + endpoint.path();
            assertThat(operation.at("/security/0").has("bearer")).as(name).isTrue();
            assertThat(operation.at("/responses/401/$ref").asText()).as(name).isEqualTo("#/components/responses/Unauthorized");
            assertThat(operation.at("/responses/403/$ref").asText()).as(name).isEqualTo("#/components/responses/Forbidden");
            assertThat(operation.at("/responses/400/$ref").asText()).as(name).isEqualTo("#/components/responses/BadRequest");
            Set<String> query = new HashSet<>();
            StreamSupport.stream(operation.path("parameters").spliterator(), false)
                    .map(parameter -> parameter.has("$ref") ? DOCUMENT.at(parameter.path("$ref").asText().substring(1)) : parameter)
                    .forEach(parameter -> {
                        if (parameter.path("in").asText().equals("query")) {
                            query.add(parameter.path("name").asText());
                        } else {
                            assertThat(endpoint.path()).contains("{" + parameter.path("name").asText() + "}");
                            assertThat(parameter.has("example")).as(name + " " + parameter.path("name")).isTrue();
                        }
                    });
            assertThat(query).as(name).isEqualTo(endpoint.parameters());
        }
        for (String response : new String[] {"Unauthorized", "Forbidden"}) {
            assertThat(DOCUMENT.at("/components/responses/" + response + "/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/ErrorBody");
        }
        assertThat(DOCUMENT.at("/components/responses/Unauthorized/headers").has("WWW-Authenticate")).isTrue();
    }
}
