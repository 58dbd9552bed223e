package de.smartcity.catalogue.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks JSON answers against the schemas of the API's OpenAPI document, for the keywords that document uses.
 * Stricter than JSON Schema in one way, on purpose: an object may only have the properties its schema (with all
 * parts of an {@code allOf}) describes, unless the schema allows others, so that a field the document forgets fails.
 */
final class OpenApiSchemas {
    private final JsonNode document;

    OpenApiSchemas(JsonNode document) {
        this.document = document;
    }

    /** The schema of a GET operation's answer with this status. */
    JsonNode answerSchema(String path, int status) {
        return answerSchema(path, "get", status);
    }

    /** The schema of an operation's answer with this status; {@code method} in lower case, as the document has it. */
    JsonNode answerSchema(String path, String method, int status) {
        JsonNode response = resolve(document.path("paths").path(path).path(method).path("responses").path(String.valueOf(status)));
        return response.path("content").path("application/json").path("schema");
    }

    /** Every way the value does not fit the schema, each with where in the value; empty when it fits. */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("allOf")) {
            checkObject(value, schema, at, problems);
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, at, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": not an array");
                    return;
                }
                if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
                    problems.add(at + ": more than " + schema.path("maxItems").asInt() + " items");
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), at + "[" + i + "]", problems);
                }
            }
            case "string" -> checkString(value, schema, at, problems);
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": not an integer: " + value);
                } else {
                    checkRange(value, schema, at, problems);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": not a number: " + value);
                } else {
                    checkRange(value, schema, at, problems);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": not a boolean: " + value);
                }
            }
            default -> problems.add(at + ": the schema has no type the check knows: " + schema);
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (!value.isObject()) {
            problems.add(at + ": not an object");
            return;
        }
        List<JsonNode> parts = new ArrayList<>();
        if (schema.has("allOf")) {
            schema.path("allOf").forEach(part -> parts.add(resolve(part)));
        } else {
            parts.add(schema);
        }
        Set<String> known = new HashSet<>();
        for (JsonNode part : parts) {
            part.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    problems.add(at + ": lacks required '" + name.asText() + "'");
                }
            });
            part.path("properties").properties().forEach(property -> {
                known.add(property.getKey());
                if (value.has(property.getKey())) {
                    check(value.get(property.getKey()), property.getValue(), at + "." + property.getKey(), problems);
                }
            });
        }
        JsonNode others = schema.path("additionalProperties");
        // An object schema without any properties, such as the OpenAPI document's own, takes anything.
        boolean freeForm = !schema.has("allOf") && !schema.has("properties") && others.isMissingNode();
        value.properties().forEach(property -> {
            if (known.contains(property.getKey())) {
                return;
            }
            if (others.isObject()) {
                check(property.getValue(), others, at + "." + property.getKey(), problems);
            } else if (!freeForm && !others.asBoolean(false)) {
                problems.add(at + ": '" + property.getKey() + "' is not described");
            }
        });
    }

    private static void checkString(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (!value.isTextual()) {
            problems.add(at + ": not a string: " + value);
            return;
        }
        String text = value.asText();
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.path("enum").forEach(option -> allowed.add(option.asText()));
            if (!allowed.contains(text)) {
                problems.add(at + ": '" + text + "' is not one of " + allowed);
            }
        }
        if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asText()).matcher(text).find()) {
            problems.add(at + ": '" + text + "' does not match " + schema.path("pattern").asText());
        }
        if (schema.has("minLength") && text.length() < schema.path("minLength").asInt()) {
            problems.add(at + ": shorter than " + schema.path("minLength").asInt());
        }
        if ("date-time".equals(schema.path("format").asText())) {
            try {
                Instant.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(at + ": not a date-time: " + text);
            }
        }
    }

    private static void checkRange(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("minimum") && value.asDouble() < schema.path("minimum").asDouble()) {
            problems.add(at + ": below " + schema.path("minimum").asText());
        }
        if (schema.has("maximum") && value.asDouble() > schema.path("maximum").asDouble()) {
            problems.add(at + ": above " + schema.path("maximum").asText());
        }
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? resolve(document.at(node.path("$ref").asText().substring(1))) : node;
    }
}
