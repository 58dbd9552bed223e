package de.smartcity.catalogue.model;

import static de.smartcity.catalogue.model.YamlFields.text;
import static de.smartcity.catalogue.model.YamlFields.unknownKeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a project catalogue (YAML). Every problem names the project and the field, and all
 * problems of a file are reported together, as for the sources file.
 *
 * <p>Places are resolved through the gazetteer (AGS, state, coordinates) and fields of action derived from
 * the themes. Names and aliases link news to projects, so they must be specific: a phrase that is only a
 * theme, a field of action or a general smart-city word ("Smart City", "Digitalisierung") is refused, and two
 * projects in one place must not share one.
 */
public final class ProjectsFile {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> PROJECT_KEYS = Set.of("slug", "name", "aliases", "place", "themes", "status",
            "programme", "period", "partners", "description", "links");
    private static final Set<String> PERIOD_KEYS = Set.of("from", "to");
    private static final Set<String> LINK_KEYS = Set.of("label", "url");
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 1000;
    private static final int MIN_NAME_CHARACTERS = 4;
    /** Words every smart-city text may use: as a project's name they would link half the news of its place. */
    private static final Set<String> GENERAL_WORDS = Set.of("smart city", "smart cities", "smarte stadt",
            "digitale stadt", "smart region", "modellprojekt", "modellprojekte", "modellprojekt smart cities",
            "modellprojekte smart cities", "pilotprojekt", "projekt", "digitalisierung", "digitalstrategie",
            "open data", "app", "stadt app", "sensoren", "datenplattform");

    private ProjectsFile() {
    }

    /**
     * @param in       the YAML text
     * @param name     how to name the file in error messages
     * @param taxonomy the themes projects may name
     * @throws InvalidProjectsException listing every problem found
     */
    public static List<Project> read(InputStream in, String name, Taxonomy taxonomy, Gazetteer gazetteer) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidProjectsException(name, List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !root.path("projects").isArray()) {
            throw new InvalidProjectsException(name, List.of("expected a top-level list 'projects:'"));
        }
        List<String> problems = new ArrayList<>();
        unknownKeys(root, Set.of("projects"), "top level", problems);
        Reader reader = new Reader(taxonomy, gazetteer, problems);
        int position = 0;
        for (JsonNode node : root.get("projects")) {
            reader.project(node, ++position);
        }
        if (!problems.isEmpty()) {
            throw new InvalidProjectsException(name, problems);
        }
        return List.copyOf(reader.projects);
    }

    /**
     * Validates one project as an editor sends it, by the rules of the file: its names must not clash with those of
     * the other projects in its place.
     *
     * @param node   the project's fields as in the file (place by name, themes by id)
     * @param others the stored projects; one with the same slug is the project's earlier state and is not compared
     * @throws InvalidProjectsException listing every problem found
     */
    public static Project readOne(JsonNode node, String name, List<Project> others, Taxonomy taxonomy,
                                  Gazetteer gazetteer) throws InvalidProjectsException {
        List<String> problems = new ArrayList<>();
        Reader reader = new Reader(taxonomy, gazetteer, problems);
        others.forEach(reader::known);
        reader.project(node, 1);
        if (!problems.isEmpty()) {
            throw new InvalidProjectsException(name, problems);
        }
        return reader.projects.getFirst();
    }

    /**
     * A name as the checks compare it: lower case, umlauts and ß folded, every run of other characters one
     * space, so "Smart-City" and "smart city" are the same.
     */
    static String normalise(String phrase) {
        String folded = phrase.toLowerCase(Locale.GERMAN)
                .replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss");
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Reads one project after another, remembering slugs and names to find clashes. */
    private static final class Reader {
        private final Taxonomy taxonomy;
        private final Gazetteer gazetteer;
        private final List<String> problems;
        private final Set<String> general = new HashSet<>();
        private final Set<String> slugs = new HashSet<>();
        /** Normalised name with the place's AGS → the slug of the project that uses it there. */
        private final Map<String, String> namesInPlace = new HashMap<>();
        private final List<Project> projects = new ArrayList<>();

        Reader(Taxonomy taxonomy, Gazetteer gazetteer, List<String> problems) {
            this.taxonomy = taxonomy;
            this.gazetteer = gazetteer;
            this.problems = problems;
            GENERAL_WORDS.forEach(word -> general.add(normalise(word)));
            taxonomy.fields().forEach(this::addLabel);
            taxonomy.themes().forEach(theme -> {
                general.add(normalise(theme.id()));
                addLabel(theme.de());
                addLabel(theme.en());
            });
        }

        /** A project already stored: its names are taken in its place. */
        void known(Project project) {
            project.names().forEach(phrase -> namesInPlace.put(project.place().ags() + "|" + normalise(phrase),
                    project.slug()));
        }

        /** A label and each of its parts: "Verkehr & ÖPNV" makes "Verkehr & ÖPNV", "Verkehr" and "ÖPNV" general. */
        private void addLabel(String label) {
            general.add(normalise(label));
            for (String part : label.split("[&,]")) {
                general.add(normalise(part));
            }
        }

        void project(JsonNode node, int position) {
            String where = "project #" + position;
            if (!node.isObject()) {
                problems.add(where + ": expected a mapping with slug, name, place, …");
                return;
            }
            String slug = text(node, "slug");
            if (slug == null) {
                problems.add(where + ": field 'slug' is missing");
            } else if (!SLUG.matcher(slug).matches()) {
                problems.add(where + " '" + slug + "': field 'slug' must be lower-case letters, digits and dashes");
            } else {
                where = "project '" + slug + "'";
                if (!slugs.add(slug)) {
                    problems.add(where + ": field 'slug' is used by an earlier project too");
                }
            }
            int before = problems.size();
            unknownKeys(node, PROJECT_KEYS, where, problems);
            String name = required(node, "name", where);
            List<String> aliases = strings(node, "aliases", where);
            Optional<Place> place = place(node, where);
            List<String> themes = themes(node, where);
            Optional<ProjectStatus> status = status(node, where);
            String programme = text(node, "programme");
            if (node.has("programme") && (programme == null || programme.isEmpty())) {
                problems.add(where + ": field 'programme' is empty (omit it when there is none)");
            }
            ProjectPeriod period = period(node, where);
            List<String> partners = strings(node, "partners", where);
            String description = required(node, "description", where);
            if (description != null && description.length() > MAX_DESCRIPTION) {
                problems.add(where + ": field 'description' has " + description.length() + " characters; keep it under "
                        + MAX_DESCRIPTION);
            }
            List<WebLink> links = links(node, where);
            if (name != null && place.isPresent()) {
                checkNames(name, aliases, place.get(), slug, where);
            }
            if (problems.size() == before && slug != null) {
                projects.add(new Project(slug, name, aliases, place.orElseThrow(), themes, fields(themes),
                        status.orElseThrow(), programme, period, partners, description, links));
            }
        }

        private String required(JsonNode node, String field, String where) {
            String value = text(node, field);
            if (value == null || value.isEmpty()) {
                problems.add(where + ": field '" + field + "' is missing");
                return null;
            }
            return value;
        }

        private List<String> strings(JsonNode node, String field, String where) {
            JsonNode list = node.get(field);
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                problems.add(where + ": field '" + field + "' must be a list");
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (JsonNode value : list) {
                if (!value.isValueNode() || value.asText().isBlank()) {
                    problems.add(where + ": field '" + field + "' has an empty or non-text entry");
                } else {
                    values.add(value.asText().strip());
                }
            }
            return values;
        }

        private Optional<Place> place(JsonNode node, String where) {
            String value = required(node, "place", where);
            if (value == null) {
                return Optional.empty();
            }
            Optional<Place> place = gazetteer.resolve(value);
            if (place.isEmpty()) {
                problems.add(where + ": field 'place': the gazetteer knows no place '" + value + "'");
                return Optional.empty();
            }
            if (place.get().kind() == PlaceKind.UNKNOWN || place.get().ags() == null) {
                problems.add(where + ": field 'place': '" + value + "' is not one place (" + place.get().reason()
                        + "); name it exactly, e.g. with its Kreis");
                return Optional.empty();
            }
            return Optional.of(place.get().withReason(null));
        }

        private List<String> themes(JsonNode node, String where) {
            List<String> themes = strings(node, "themes", where);
            if (!node.has("themes") || (themes.isEmpty() && node.get("themes").isArray())) {
                problems.add(where + ": field 'themes' must list at least one theme");
            }
            for (String theme : themes) {
                if (taxonomy.theme(theme).isEmpty()) {
                    problems.add(where + ": field 'themes': unknown theme '" + theme + "' (known: "
                            + String.join(", ", taxonomy.themes().stream().map(Theme::id).toList()) + ")");
                }
            }
            return themes;
        }

        /** The fields of action of the themes, in the taxonomy's order. */
        private List<String> fields(List<String> themes) {
            Set<String> used = new HashSet<>();
            themes.forEach(id -> taxonomy.theme(id).ifPresent(theme -> used.add(theme.field())));
            return taxonomy.fields().stream().filter(used::contains).toList();
        }

        private Optional<ProjectStatus> status(JsonNode node, String where) {
            String value = required(node, "status", where);
            if (value == null) {
                return Optional.empty();
            }
            Optional<ProjectStatus> status = ProjectStatus.fromId(value);
            if (status.isEmpty()) {
                problems.add(where + ": field 'status' must be one of " + ProjectStatus.ids() + " (was '" + value + "')");
            }
            return status;
        }

        private ProjectPeriod period(JsonNode node, String where) {
            JsonNode period = node.get("period");
            if (period == null || period.isNull()) {
                return null;
            }
            if (!period.isObject()) {
                problems.add(where + ": field 'period' must be a mapping like {from: 2025-03, to: 2027-12}");
                return null;
            }
            unknownKeys(period, PERIOD_KEYS, where + " period", problems);
            YearMonth from = month(period, "from", where);
            YearMonth to = month(period, "to", where);
            if (text(period, "from") == null) {
                problems.add(where + ": field 'period.from' is missing");
            }
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(where + ": field 'period.to' (" + to + ") is before 'period.from' (" + from + ")");
            }
            return new ProjectPeriod(from, to);
        }

        private YearMonth month(JsonNode period, String field, String where) {
            String value = text(period, field);
            if (value == null) {
                return null;
            }
            try {
                return YearMonth.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(where + ": field 'period." + field + "' must be a month like 2025-03 (was '" + value + "')");
                return null;
            }
        }

        private List<WebLink> links(JsonNode node, String where) {
            JsonNode list = node.get("links");
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                problems.add(where + ": field 'links' must be a list of {label, url}");
                return List.of();
            }
            List<WebLink> links = new ArrayList<>();
            int position = 0;
            for (JsonNode link : list) {
                String at = where + ": field 'links[" + position++ + "]";
                if (!link.isObject()) {
                    problems.add(at + "' must be a mapping {label, url}");
                    continue;
                }
                unknownKeys(link, LINK_KEYS, where + " links", problems);
                String label = text(link, "label");
                String url = text(link, "url");
                if (label == null || label.isEmpty()) {
                    problems.add(at + ".label' is missing");
                }
                if (url == null || !isWebUrl(url)) {
                    problems.add(at + ".url' must be an http(s) URL (was '" + url + "')");
                }
                links.add(new WebLink(label, url));
            }
            return links;
        }

        /** Names and aliases must be specific, differ from each other and from those of other projects in the place. */
        private void checkNames(String name, List<String> aliases, Place place, String slug, String where) {
            Set<String> own = new LinkedHashSet<>();
            List<String> phrases = new ArrayList<>(aliases);
            phrases.addFirst(name);
            for (int i = 0; i < phrases.size(); i++) {
                String phrase = phrases.get(i);
                String field = i == 0 ? "field 'name'" : "alias '" + phrase + "'";
                String key = normalise(phrase);
                if (phrase.length() > MAX_NAME) {
                    problems.add(where + ": " + field + " has " + phrase.length() + " characters; at most " + MAX_NAME);
                } else if (key.replace(" ", "").length() < MIN_NAME_CHARACTERS) {
                    problems.add(where + ": " + field + " is too short to link news reliably; use at least "
                            + MIN_NAME_CHARACTERS + " letters");
                } else if (general.contains(key)) {
                    problems.add(where + ": " + field + " is too general to link news ('" + phrase
                            + "' is a theme or a common smart-city word); name the project itself, e.g. '"
                            + phrase + " " + place.name() + "'");
                }
                if (!own.add(key)) {
                    problems.add(where + ": " + field + " repeats the project's name or another alias");
                    continue;
                }
                String other = namesInPlace.putIfAbsent(place.ags() + "|" + key, slug);
                if (other != null && !other.equals(slug)) {
                    problems.add(where + ": " + field + " is also a name of project '" + other + "' in " + place.name()
                            + "; news naming it could not tell the two apart");
                }
            }
        }
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A project catalogue that cannot be used; the message lists every problem. */
    public static final class InvalidProjectsException extends InvalidFileException {
        public InvalidProjectsException(String file, List<String> problems) {
            super("project catalogue", file, problems);
        }
    }
}
