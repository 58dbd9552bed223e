package de.smartcity.catalogue.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two-level theme taxonomy: fields of action (after the Bitkom Smart-City-Atlas) and the themes
 * under them, with their recognition rules. It lives in a YAML file so editors can change it
 * without recompiling; the bundled default is {@code taxonomy.yaml} next to this class.
 *
 * @param fields           fields of action, German labels, in display order
 * @param themes           themes in display order
 * @param titleWeight      how much more a word in the title counts than one in the summary
 * @param threshold        the minimum score for a theme to be assigned
 * @param titleAloneWeight the weight a title word needs to give a theme when the item has a teaser that
 *                         mentions nothing of the theme; empty when any title word may
 */
public record Taxonomy(List<String> fields, List<Theme> themes, double titleWeight, double threshold,
                       Optional<Double> titleAloneWeight) {
    public static final String BUNDLED = "taxonomy.yaml";

    public Taxonomy {
        fields = List.copyOf(fields);
        themes = List.copyOf(themes);
    }

    public Optional<Theme> theme(String id) {
        return themes.stream().filter(theme -> theme.id().equals(id)).findFirst();
    }

    /** The bundled taxonomy. */
    public static Taxonomy bundled() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(BUNDLED)) {
            return read(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a taxonomy file; problems name the line, the theme and the reason. */
    public static Taxonomy read(InputStream in, String name) throws IOException {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        File file;
        try {
            file = yaml.readValue(in, File.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null ? "" : " line " + at.getLineNr();
            throw new IOException("Invalid taxonomy " + name + line + ": " + e.getOriginalMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (file.fields() == null || file.fields().isEmpty()) {
            problems.add("'fields' must list the fields of action");
        }
        if (file.themes() == null || file.themes().isEmpty()) {
            problems.add("'themes' must list at least one theme");
        }
        if (!problems.isEmpty()) {
            throw new IOException("Invalid taxonomy " + name + ": " + String.join("; ", problems));
        }
        Set<String> ids = new HashSet<>();
        List<Theme> themes = new ArrayList<>();
        for (ThemeAt located : file.themes()) {
            ThemeEntry entry = located.entry();
            String where = "theme '" + entry.id() + "' (line " + located.line() + ")";
            if (entry.id() == null || !entry.id().matches("[a-z][a-z-]*")) {
                problems.add("the theme at line " + located.line() + " needs an id of lower-case letters and dashes (was '"
                        + entry.id() + "')");
            } else if (!ids.add(entry.id())) {
                problems.add(where + " is defined twice");
            }
            if (entry.de() == null || entry.en() == null) {
                problems.add(where + " needs the labels 'de' and 'en'");
            }
            if (!file.fields().contains(entry.field())) {
                problems.add(where + " names field '" + entry.field() + "', which is not in 'fields'");
            }
            if (entry.terms() == null || entry.terms().isEmpty()) {
                problems.add(where + " needs at least one term");
            } else {
                entry.terms().forEach((term, weight) -> {
                    if (term.isBlank()) {
                        problems.add(where + " has an empty term");
                    }
                    if (weight == null || !(weight > 0)) {
                        problems.add(where + " term '" + term + "' needs a positive weight (was " + weight + ")");
                    }
                });
            }
            List<String> broad = entry.broad() == null ? List.of() : entry.broad();
            for (String term : broad) {
                if (entry.terms() == null || !entry.terms().containsKey(term)) {
                    problems.add(where + " lists '" + term + "' under 'broad', but it is not one of its terms");
                } else if (!term.matches("[\\p{L}\\p{N}]+")) {
                    problems.add(where + " lists '" + term + "' under 'broad', but only a single word can be broad");
                }
            }
            Map<String, List<String>> senses = entry.senses() == null ? Map.of() : entry.senses();
            senses.forEach((term, others) -> {
                if (entry.terms() == null || !entry.terms().containsKey(term)) {
                    problems.add(where + " lists '" + term + "' under 'senses', but it is not one of its terms");
                } else if (!term.matches("[\\p{L}\\p{N}-]+")) {
                    problems.add(where + " lists '" + term + "' under 'senses', but only a single word can have senses");
                }
                if (others == null || others.isEmpty() || others.stream().anyMatch(word -> word == null || word.isBlank())) {
                    problems.add(where + " needs the words that show the other sense of '" + term + "' under 'senses'");
                }
            });
            themes.add(new Theme(entry.id(), entry.de(), entry.en(), entry.field(),
                    entry.terms() == null ? Map.of() : new LinkedHashMap<>(entry.terms()),
                    entry.vetoes() == null ? List.of() : entry.vetoes(), broad, senses));
        }
        if (!(value(file.threshold()) > 0 && value(file.threshold()) < 1)) {
            problems.add("'threshold' must lie between 0 and 1, as scores do (" + described(file.threshold()) + ")");
        }
        if (!(value(file.titleWeight()) > 0)) {
            problems.add("'titleWeight' must be positive (" + described(file.titleWeight()) + ")");
        }
        if (file.titleAloneWeight() != null && !(value(file.titleAloneWeight()) > 0)) {
            problems.add("'titleAloneWeight' must be positive (" + described(file.titleAloneWeight()) + ")");
        }
        if (!problems.isEmpty()) {
            throw new IOException("Invalid taxonomy " + name + ": " + String.join("; ", problems));
        }
        return new Taxonomy(file.fields(), themes, value(file.titleWeight()), value(file.threshold()),
                Optional.ofNullable(file.titleAloneWeight()).map(NumberAt::value));
    }

    /** The number, NaN when the file does not give it, so that every range check fails. */
    private static double value(NumberAt number) {
        return number == null || number.value() == null ? Double.NaN : number.value();
    }

    private static String described(NumberAt number) {
        return number == null || number.value() == null ? "missing" : "was " + number.value() + ", line " + number.line();
    }

    private record File(List<String> fields, List<ThemeAt> themes, NumberAt titleWeight, NumberAt threshold,
                        NumberAt titleAloneWeight) {
    }

    private record ThemeEntry(String id, String de, String en, String field, Map<String, Double> terms,
                              List<String> vetoes, List<String> broad, Map<String, List<String>> senses) {
    }

    /** A number of the file with its line, so that problems can point editors to it. */
    @JsonDeserialize(using = NumberAtDeserializer.class)
    private record NumberAt(int line, Double value) {
    }

    private static final class NumberAtDeserializer extends StdDeserializer<NumberAt> {
        NumberAtDeserializer() {
            super(NumberAt.class);
        }

        @Override
        public NumberAt deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new NumberAt(parser.currentTokenLocation().getLineNr(), context.readValue(parser, Double.class));
        }
    }

    /** A theme of the file with the line it starts on, so that problems can point editors to it. */
    @JsonDeserialize(using = ThemeAtDeserializer.class)
    private record ThemeAt(int line, ThemeEntry entry) {
    }

    private static final class ThemeAtDeserializer extends StdDeserializer<ThemeAt> {
        ThemeAtDeserializer() {
            super(ThemeAt.class);
        }

        /** Reads one theme; a field it cannot read is reported with the theme's id and first line. */
        @Override
        public ThemeAt deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonLocation start = parser.currentTokenLocation();
            JsonNode theme = context.readTree(parser);
            try {
                return new ThemeAt(start.getLineNr(), context.readTreeAsValue(theme, ThemeEntry.class));
            } catch (JsonMappingException e) {
                String reason = e instanceof UnrecognizedPropertyException unknown
                        ? "has an unknown field '" + unknown.getPropertyName() + "' (known fields: "
                                + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() + ")"
                        : "cannot be read: " + e.getOriginalMessage();
                throw new JsonMappingException(parser, "theme '" + theme.path("id").asText("?") + "' " + reason, start);
            }
        }
    }
}
