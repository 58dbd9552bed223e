package de.smartcity.catalogue.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** What the catalogue's YAML files (sources, projects) read alike: no unknown keys, and text without stray blanks. */
final class YamlFields {
    private YamlFields() {
    }

    /** Adds a problem for every key of {@code node} that is not {@code allowed}; {@code where} names the entry. */
    static void unknownKeys(JsonNode node, Set<String> allowed, String where, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                problems.add(where + ": unknown field '" + key + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** The field's text, stripped, or null when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText().strip();
    }
}
