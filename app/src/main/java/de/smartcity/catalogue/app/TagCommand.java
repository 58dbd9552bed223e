package de.smartcity.catalogue.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code tag}: JSON lines in ({@code {"id","title","summary","city"}}), one JSON line out per line in,
 * in order. It streams: one line is read, tagged and written before the next is read, and nothing is kept,
 * so memory does not grow with the input. A bad line yields an error line and the rest goes on. Output is
 * flushed whenever no further input is waiting, so a caller that writes one line and waits gets its answer,
 * while a pipe full of lines is written in large blocks.
 */
final class TagCommand {
    private TagCommand() {
    }

    static int run(InputStream in, OutputStream out) throws IOException {
        ObjectMapper json = CatalogueJson.mapper();
        ThemeTagger tagger = new ThemeTagger(Catalogue.configuredTaxonomy());
        PlaceRecognizer places = PlaceRecognizer.withBundledGazetteer();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            writer.write(json.writeValueAsString(tagLine(line, number, json, tagger, places)));
            writer.write('\n');
            if (!reader.ready()) {
                writer.flush();
            }
        }
        writer.flush();
        return 0;
    }

    static ObjectNode tagLine(String line, int number, ObjectMapper json, ThemeTagger tagger, PlaceRecognizer places) {
        JsonNode input;
        try {
            input = json.readTree(line);
        } catch (JsonProcessingException e) {
            return error(json, number, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!input.isObject() || !input.path("title").isTextual() || input.path("title").asText().isBlank()) {
            return error(json, number, "expected an object with a non-empty string 'title'");
        }
        String title = input.get("title").asText();
        String summary = input.path("summary").asText("");
        Optional<String> city = Optional.ofNullable(input.get("city")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(text -> !text.isBlank());
        ThemeTagger.TagResult tags = tagger.tag(title, summary);
        ObjectNode result = json.createObjectNode();
        result.set("id", input.path("id").isMissingNode() ? null : input.get("id"));
        result.set("themes", json.valueToTree(tags.themes()));
        result.set("fields", json.valueToTree(tags.fields()));
        result.set("place", places.recognise(title, summary, city).map(place -> (JsonNode) json.valueToTree(place))
                .orElse(json.nullNode()));
        return result;
    }

    private static ObjectNode error(ObjectMapper json, int number, String message) {
        ObjectNode error = json.createObjectNode();
        error.put("line", number);
        error.put("error", message);
        return error;
    }
}
