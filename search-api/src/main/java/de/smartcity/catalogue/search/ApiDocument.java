package de.smartcity.catalogue.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The OpenAPI 3 description of the API, {@code openapi.json} next to this class, as served at
 * {@code /api/openapi.json}. It is written by hand: the REST DSL's parameter declarations cannot state a
 * parameter's limits, and the answers' schemas need the care of someone who knows what each field means.
 * {@code ApiDocumentTest} holds it to the routes and their parameters, and {@code DemoCatalogueIT} every answer to
 * its schema. The vocabularies (theme ids, fields of action, states) are filled in from the ones the app runs with,
 * so that a taxonomy of one's own is described too.
 */
public final class ApiDocument {
    public static final String RESOURCE = "openapi.json";

    private final byte[] json;

    private ApiDocument(byte[] json) {
        this.json = json;
    }

    /** The bundled document as it is in the repository. */
    public static ObjectNode bundled(ObjectMapper mapper) {
        try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + RESOURCE + " is not on the classpath");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The bundled document with the vocabularies of this app. */
    public static ApiDocument describing(Vocabulary vocabulary, ObjectMapper mapper) {
        ObjectNode document = bundled(mapper);
        ObjectNode schemas = document.withObject("/components/schemas");
        replaceEnum(schemas, "ThemeId", vocabulary.taxonomy().themes().stream().map(Theme::id).toList());
        replaceEnum(schemas, "FieldOfAction", vocabulary.taxonomy().fields());
        replaceEnum(schemas, "State", vocabulary.states());
        try {
            return new ApiDocument(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private static void replaceEnum(ObjectNode schemas, String schema, List<String> values) {
        if (!schemas.has(schema)) {
            throw new IllegalStateException("The OpenAPI document has no schema " + schema);
        }
        schemas.withObject("/" + schema).putArray("enum").addAll(values.stream()
                .map(value -> schemas.textNode(value)).toList());
    }

    public byte[] json() {
        return json.clone();
    }
}
