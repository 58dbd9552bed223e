package de.smartcity.catalogue.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.search.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON object a write request sends, checked field by field: every problem is a 400 naming the field, and a field
 * the endpoint does not know is one, so a typo never passes silently.
 */
public record RequestBody(ObjectNode fields) {
    private static final int MAX_TEXT = 1000;

    /**
     * @param text  the request's body; empty counts as {@code {}}
     * @param known the fields the endpoint takes
     */
    public static RequestBody parse(String text, Set<String> known, ObjectMapper json) {
        if (text == null || text.isBlank()) {
            return new RequestBody(json.createObjectNode());
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badParameter("body", "not JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw ApiException.badParameter("body", "must be a JSON object");
        }
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw ApiException.badParameter(name, "unknown field; known fields are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        });
        return new RequestBody(object);
    }

    /** A text field that must be there and not blank, at most 1,000 characters. */
    public String requiredText(String name) {
        return optionalText(name).orElseThrow(() -> ApiException.badParameter(name, "required"));
    }

    public Optional<String> optionalText(String name) {
        JsonNode value = fields.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badParameter(name, "must be a string");
        }
        String text = value.asText().strip();
        if (text.length() > MAX_TEXT) {
            throw ApiException.badParameter(name, "may have at most " + MAX_TEXT + " characters");
        }
        return Optional.of(text).filter(t -> !t.isEmpty());
    }

    /** A field that must be an array of strings, possibly empty. */
    public List<String> requiredTexts(String name) {
        JsonNode value = fields.path(name);
        if (!value.isArray()) {
            throw ApiException.badParameter(name, "required, an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw ApiException.badParameter(name, "must hold strings only");
            }
            texts.add(element.asText().strip());
        }
        return texts;
    }

    /** The body's fields but these, for a part that is checked elsewhere. */
    public ObjectNode fieldsWithout(String... names) {
        ObjectNode rest = fields.deepCopy();
        rest.remove(List.of(names));
        return rest;
    }
}
