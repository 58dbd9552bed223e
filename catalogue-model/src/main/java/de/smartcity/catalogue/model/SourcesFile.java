package de.smartcity.catalogue.model;

import static de.smartcity.catalogue.model.YamlFields.text;
import static de.smartcity.catalogue.model.YamlFields.unknownKeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a sources file (YAML). Every problem names the source and the field, and all
 * problems of a file are reported together, so an operator fixes the file in one go.
 */
public final class SourcesFile {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> SOURCE_KEYS = Set.of("id", "city", "url", "kind", "interval", "html");
    private static final Set<String> HTML_KEYS = Set.of("item", "title", "link", "date", "dateFormat", "summary", "next",
            "maxPages");
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "file", "classpath");
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

    private SourcesFile() {
    }

    /**
     * Reads a sources file from disk; relative {@code file:} URLs ({@code file:feeds/ulm.rss}) are
     * resolved against the file's directory.
     */
    public static List<Source> read(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString()).stream()
                    .map(source -> isRelativeFile(source.url())
                            ? new Source(source.id(), source.city(), directory.resolve(source.url().getSchemeSpecificPart()).toUri(),
                            source.kind(), source.interval(), source.html())
                            : source)
                    .toList();
        }
    }

    private static boolean isRelativeFile(URI url) {
        return "file".equalsIgnoreCase(url.getScheme()) && url.isOpaque();
    }

    /**
     * @param in   the YAML text
     * @param name how to name the file in error messages
     * @throws InvalidSourcesException listing every problem found
     */
    public static List<Source> read(InputStream in, String name) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidSourcesException(name, List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject() || !root.path("sources").isArray()) {
            throw new InvalidSourcesException(name, List.of("expected a top-level list 'sources:'"));
        }
        unknownKeys(root, Set.of("sources"), "top level", problems);
        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int position = 0;
        for (JsonNode node : root.get("sources")) {
            position++;
            String where = "source #" + position;
            if (!node.isObject()) {
                problems.add(where + ": expected a mapping with id, url, kind, …");
                continue;
            }
            String id = text(node, "id");
            where = checkId(id, where, problems);
            if (isValidId(id) && !ids.add(id)) {
                problems.add(where + ": field 'id' is used by an earlier source too");
            }
            int before = problems.size();
            Source source = source(node, id, where, problems);
            if (problems.size() == before && id != null) {
                sources.add(source);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourcesException(name, problems);
        }
        return List.copyOf(sources);
    }

    /**
     * Validates one source given as the file's fields (id, city, url, kind, interval, html) by the file's rules, for
     * sources that come from elsewhere (the admin API, an OPML outline), so that every way in says the same.
     *
     * @param name how to name where it came from in the exception
     * @throws InvalidSourcesException listing every problem, each naming the field as the file's messages do
     */
    public static Source readOne(JsonNode node, String name) throws InvalidSourcesException {
        String id = text(node, "id");
        List<String> problems = new ArrayList<>();
        String where = checkId(id, "source", problems);
        Source source = source(node, id, where, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSourcesException(name, problems);
        }
        return source;
    }

    /** Adds the id's problems; answers how to name the source in the other problems: by id when it has a valid one. */
    private static String checkId(String id, String unnamed, List<String> problems) {
        if (id == null) {
            problems.add(unnamed + ": field 'id' is missing");
        } else if (!isValidId(id)) {
            problems.add(unnamed + " '" + id + "': field 'id' must be lower-case letters, digits and dashes");
        } else {
            return "source '" + id + "'";
        }
        return unnamed;
    }

    /** Whether a source may have this id: lower-case letters, digits and dashes, at most 64. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The checks of every field but the id's, adding one problem per fault; the source is only usable without problems. */
    private static Source source(JsonNode node, String id, String where, List<String> problems) {
        unknownKeys(node, SOURCE_KEYS, where, problems);
        String city = text(node, "city");
        if (node.has("city") && (city == null || city.isBlank())) {
            problems.add(where + ": field 'city' is empty (omit it for portals about many cities)");
        }
        URI url = url(node, where, problems);
        SourceKind kind = kind(node, where, problems);
        Duration interval = interval(node, where, problems);
        HtmlSelectors html = html(node, kind, where, problems);
        return new Source(id, city, url, kind, interval, html);
    }

    private static URI url(JsonNode node, String where, List<String> problems) {
        String value = text(node, "url");
        if (value == null) {
            problems.add(where + ": field 'url' is missing");
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !URL_SCHEMES.contains(uri.getScheme().toLowerCase())) {
                problems.add(where + ": field 'url' must start with http:, https:, file: or classpath: (was '" + value + "')");
            } else if (uri.getScheme().startsWith("http") && (uri.getHost() == null || uri.getHost().isBlank())) {
                problems.add(where + ": field 'url' has no host (was '" + value + "')");
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(where + ": field 'url' is not a valid URL: " + e.getMessage());
            return null;
        }
    }

    private static SourceKind kind(JsonNode node, String where, List<String> problems) {
        String value = text(node, "kind");
        if (value == null) {
            return SourceKind.AUTO;
        }
        try {
            return SourceKind.fromId(value);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": field 'kind': " + e.getMessage());
            return SourceKind.AUTO;
        }
    }

    private static Duration interval(JsonNode node, String where, List<String> problems) {
        String value = text(node, "interval");
        if (value == null) {
            return DEFAULT_INTERVAL;
        }
        try {
            Duration interval = Duration.parse(value);
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                problems.add(where + ": field 'interval' must be at least PT1M (was " + value + ")");
            }
            return interval;
        } catch (DateTimeParseException e) {
            problems.add(where + ": field 'interval' is not an ISO-8601 duration such as PT30M (was '" + value + "')");
            return DEFAULT_INTERVAL;
        }
    }

    private static HtmlSelectors html(JsonNode node, SourceKind kind, String where, List<String> problems) {
        JsonNode html = node.get("html");
        if (kind != SourceKind.HTML) {
            if (html != null) {
                problems.add(where + ": field 'html' is only for kind html");
            }
            return null;
        }
        if (html == null || !html.isObject()) {
            problems.add(where + ": field 'html' with CSS selectors (item, title, link) is required for kind html");
            return null;
        }
        unknownKeys(html, HTML_KEYS, where + " html", problems);
        for (String required : List.of("item", "title", "link")) {
            if (text(html, required) == null) {
                problems.add(where + ": field 'html." + required + "' is missing");
            }
        }
        return new HtmlSelectors(text(html, "item"), text(html, "title"), text(html, "link"),
                text(html, "date"), text(html, "dateFormat"), text(html, "summary"), text(html, "next"),
                maxPages(html, where, problems));
    }

    private static Integer maxPages(JsonNode html, String where, List<String> problems) {
        JsonNode value = html.get("maxPages");
        if (value == null || value.isNull()) {
            return null;
        }
        Integer pages = value.isIntegralNumber() && value.canConvertToInt() ? Integer.valueOf(value.asInt())
                : value.isTextual() && value.asText().strip().matches("\\d{1,9}") ? Integer.valueOf(value.asText().strip())
                : null;
        if (pages == null) {
            problems.add(where + ": field 'html.maxPages' must be a whole number from 1 to " + HtmlSelectors.MAX_PAGES
                    + " (was '" + value.asText() + "')");
            return null;
        }
        if (pages < 1 || pages > HtmlSelectors.MAX_PAGES) {
            problems.add(where + ": field 'html.maxPages' must be from 1 to " + HtmlSelectors.MAX_PAGES + " (was " + pages + ")");
            return null;
        }
        if (text(html, "next") == null) {
            problems.add(where + ": field 'html.maxPages' needs 'html.next', the selector of the next-page link");
        }
        return pages;
    }

    /** A sources file that cannot be used; the message lists every problem. */
    public static final class InvalidSourcesException extends InvalidFileException {
        public InvalidSourcesException(String file, List<String> problems) {
            super("sources file", file, problems);
        }
    }
}
