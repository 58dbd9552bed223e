package de.smartcity.catalogue.search.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The API's description for people, at {@code /api.html}: rendered once, on the server, from the OpenAPI document
 * the app serves, so the page and the document cannot disagree. It has the site's header, stylesheet and footer
 * and needs no script. Every text of the document is escaped; only its {@code `code`} and {@code *emphasis*}
 * become markup.
 */
final class ApiPage {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern EMPHASIS = Pattern.compile("\\*([^*]+)\\*");
    private static final String SCHEMA_REF = "#/components/schemas/";

    private final JsonNode document;
    private final StringBuilder html = new StringBuilder();

    private ApiPage(JsonNode document) {
        this.document = document;
    }

    /**
     * @param document   the OpenAPI document as served
     * @param stylesheet the address of the site's stylesheet
     */
    static String render(JsonNode document, String stylesheet) {
        return new ApiPage(document).page(stylesheet);
    }

    private String page(String stylesheet) {
        JsonNode info = document.path("info");
        html.append("""
                <!doctype html>
                <html lang="de">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>API – Smart-City-Katalog</title>
                  <link rel="stylesheet" href="%s">
                </head>
                <body>
                  <a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
                  <header class="site-header">
                    <div class="wrap site-header__inner">
                      <a class="brand" href="/">
                        <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                          <rect width="32" height="32" rx="6"/>
                          <path d="M8 24V13l5-4 5 4v11M18 24V8l6 3v13"/>
                        </svg>
                        <span>Smart-City-Katalog</span>
                      </a>
                      <nav class="site-nav" aria-label="Hauptnavigation">
                        <ul>
                          <li><a href="/">Suche <span class="en" lang="en">Search</span></a></li>
                          <li><a href="/quellen">Quellen <span class="en" lang="en">Sources</span></a></li>
                          <li><a href="/api.html" aria-current="page">API</a></li>
                        </ul>
                      </nav>
                    </div>
                  </header>
                  <main id="inhalt" class="wrap api">
                """.formatted(escape(stylesheet)));
        html.append("<h1>API <span class=\"en\" lang=\"en\">Reference</span></h1>\n");
        html.append("<p class=\"lead\">Die Schnittstelle des Katalogs: JSON über HTTP, lesend frei nutzbar auch aus "
                + "anderen Webseiten; Schreiben nur für die Redaktion mit API-Schlüssel. Beschreibung in Englisch, wie die "
                + "Schnittstelle selbst.</p>\n");
        html.append("<p>Maschinenlesbar: <a href=\"/api/openapi.json\"><code>/api/openapi.json</code></a> (OpenAPI ")
                .append(escape(document.path("openapi").asText())).append(", ").append(escape(info.path("title").asText()))
                .append(" ").append(escape(info.path("version").asText())).append(").</p>\n");
        html.append("<div lang=\"en\">");
        paragraphs(info.path("description").asText());
        html.append("</div>\n");

        Map<String, List<Operation>> byTag = operationsByTag();
        html.append("<nav aria-labelledby=\"endpunkte\"><h2 id=\"endpunkte\">Endpunkte <span class=\"en\" lang=\"en\">Endpoints</span></h2>\n<ul class=\"api-toc\">\n");
        byTag.values().stream().flatMap(List::stream).forEach(operation -> html.append("<li><a href=\"#op-")
                .append(escape(operation.id())).append("\"><code>").append(operation.method()).append(" ").append(escape(operation.path())).append("</code></a> ")
                .append("<span lang=\"en\">").append(escape(operation.node().path("summary").asText())).append("</span></li>\n"));
        html.append("</ul></nav>\n");
        byTag.forEach((tag, operations) -> {
            html.append("<h2>").append(escape(tag)).append("</h2>\n");
            operations.forEach(this::operation);
        });

        html.append("<h2 id=\"schemas\">Datentypen <span class=\"en\" lang=\"en\">Schemas</span></h2>\n");
        document.path("components").path("schemas").properties().forEach(entry -> schema(entry.getKey(), entry.getValue()));
        html.append("""
                  </main>
                  <footer class="site-footer">
                    <div class="wrap">
                      <p>Diese Seite entsteht aus <a href="/api/openapi.json">/api/openapi.json</a>.
                        Zurück zur <a href="/">Suche</a>.</p>
                    </div>
                  </footer>
                </body>
                </html>
                """);
        return html.toString();
    }

    /** @param method upper case, as in the request line */
    private record Operation(String method, String path, String id, JsonNode node) {
    }

    private Map<String, List<Operation>> operationsByTag() {
        Map<String, List<Operation>> byTag = new LinkedHashMap<>();
        document.path("tags").forEach(tag -> byTag.put(tag.path("name").asText(), new ArrayList<>()));
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode node = method.getValue();
            String tag = node.path("tags").path(0).asText("API");
            byTag.computeIfAbsent(tag, ignored -> new ArrayList<>()).add(new Operation(
                    method.getKey().toUpperCase(Locale.ROOT), path.getKey(), node.path("operationId").asText(), node));
        }));
        byTag.values().removeIf(List::isEmpty);
        return byTag;
    }

    private void operation(Operation operation) {
        JsonNode node = operation.node();
        html.append("<section class=\"item__section api-op\" id=\"op-").append(escape(operation.id())).append("\" lang=\"en\">\n");
        html.append("<h3><span class=\"api-method\">").append(operation.method()).append("</span> <code>")
                .append(escape(operation.path())).append("</code> ").append(escape(node.path("summary").asText())).append("</h3>\n");
        if (node.has("x-role")) {
            html.append("<p>Needs an API key with the role <code>").append(escape(node.path("x-role").asText()))
                    .append("</code>, sent as <code>Authorization: Bearer &lt;key&gt;</code>.</p>\n");
        }
        paragraphs(node.path("description").asText());

        html.append("<h4 lang=\"de\">Parameter <span class=\"en\" lang=\"en\">Parameters</span></h4>\n");
        List<JsonNode> parameters = StreamSupport.stream(node.path("parameters").spliterator(), false).map(this::resolve).toList();
        html.append("<table class=\"source-table api-table\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">In</th>"
                + "<th scope=\"col\">Type</th><th scope=\"col\">Description</th></tr></thead><tbody>\n");
        for (JsonNode parameter : parameters) {
            html.append("<tr><td data-label=\"Name\"><code>").append(escape(parameter.path("name").asText())).append("</code>");
            if (parameter.path("required").asBoolean()) {
                html.append(" <span class=\"badge\">required</span>");
            }
            html.append("</td><td data-label=\"In\">").append(escape(parameter.path("in").asText())).append("</td><td data-label=\"Type\">");
            type(parameter.path("schema"));
            html.append("</td><td data-label=\"Description\">").append(inline(parameter.path("description").asText()));
            if (parameter.has("example")) {
                html.append(" Example: <code>").append(escape(parameter.path("example").asText())).append("</code>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        JsonNode body = node.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            html.append("<h4 lang=\"de\">Inhalt <span class=\"en\" lang=\"en\">Request body</span></h4>\n<p>JSON: ");
            type(body);
            html.append("</p>\n");
        }

        html.append("<h4 lang=\"de\">Antworten <span class=\"en\" lang=\"en\">Responses</span></h4>\n<dl class=\"legend\">\n");
        node.path("responses").properties().forEach(entry -> {
            JsonNode response = resolve(entry.getValue());
            html.append("<dt><code>").append(escape(entry.getKey())).append("</code></dt><dd>")
                    .append(inline(response.path("description").asText()));
            JsonNode schema = response.path("content").path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                html.append(" ");
                type(schema);
            }
            html.append("</dd>\n");
        });
        html.append("</dl>\n</section>\n");
    }

    private void schema(String name, JsonNode schema) {
        html.append("<section class=\"item__section api-schema\" id=\"schema-").append(escape(name)).append("\" lang=\"en\">\n");
        html.append("<h3><code>").append(escape(name)).append("</code></h3>\n");
        if (schema.has("description")) {
            paragraphs(schema.path("description").asText());
        }
        List<JsonNode> parts = schema.has("allOf")
                ? StreamSupport.stream(schema.path("allOf").spliterator(), false).toList() : List.of(schema);
        List<String[]> rows = new ArrayList<>();
        for (JsonNode part : parts) {
            if (part.has("$ref")) {
                html.append("<p>All of ");
                type(part);
                html.append(", and:</p>\n");
            } else {
                properties(part, "", rows);
            }
        }
        if (!rows.isEmpty()) {
            html.append("<table class=\"source-table api-table\"><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Type</th>"
                    + "<th scope=\"col\">Description</th></tr></thead><tbody>\n");
            rows.forEach(row -> html.append("<tr><td data-label=\"Field\">").append(row[0]).append("</td><td data-label=\"Type\">")
                    .append(row[1]).append("</td><td data-label=\"Description\">").append(row[2]).append("</td></tr>\n"));
            html.append("</tbody></table>\n");
        } else if (!schema.has("allOf")) {
            html.append("<p>");
            type(schema);
            html.append("</p>\n");
        }
        html.append("</section>\n");
    }

    /** The object's fields as table rows; fields that are objects or lists of objects of their own follow as {@code a.b} or {@code a[].b}. */
    private void properties(JsonNode schema, String prefix, List<String[]> rows) {
        List<String> required = StreamSupport.stream(schema.path("required").spliterator(), false).map(JsonNode::asText).toList();
        schema.path("properties").properties().forEach(entry -> {
            JsonNode property = entry.getValue();
            String name = "<code>" + escape(prefix + entry.getKey()) + "</code>"
                    + (required.contains(entry.getKey()) ? " <span class=\"badge\">always</span>" : "");
            rows.add(new String[] {name, typeHtml(property), inline(property.path("description").asText())});
            if (property.has("properties")) {
                properties(property, prefix + entry.getKey() + ".", rows);
            } else if (property.path("items").has("properties")) {
                properties(property.path("items"), prefix + entry.getKey() + "[].", rows);
            }
        });
    }

    private void type(JsonNode schema) {
        html.append(typeHtml(schema));
    }

    /** A schema in a few words: a link for a named schema, else its type with its limits. */
    private String typeHtml(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring(SCHEMA_REF.length());
            return "<a href=\"#schema-" + escape(name) + "\"><code>" + escape(name) + "</code></a>";
        }
        if (schema.has("allOf")) {
            return String.join(" + ", StreamSupport.stream(schema.path("allOf").spliterator(), false).map(this::typeHtml).toList());
        }
        String type = schema.path("type").asText("any");
        StringBuilder text = new StringBuilder();
        switch (type) {
            case "array" -> text.append("array of ").append(typeHtml(schema.path("items")));
            case "object" -> text.append(schema.has("additionalProperties")
                    ? "object: key → " + typeHtml(schema.path("additionalProperties")) : "object");
            default -> text.append(escape(type));
        }
        List<String> limits = new ArrayList<>();
        if (schema.has("format")) {
            limits.add(escape(schema.path("format").asText()));
        }
        if (schema.has("enum")) {
            limits.add("one of " + String.join(", ", StreamSupport.stream(schema.path("enum").spliterator(), false)
                    .map(value -> "<code>" + escape(value.asText()) + "</code>").toList()));
        }
        for (String[] limit : new String[][] {{"minimum", "≥ "}, {"maximum", "≤ "}, {"minLength", "length ≥ "},
                {"maxLength", "length ≤ "}, {"maxItems", "at most "}, {"default", "default "}}) {
            if (schema.has(limit[0])) {
                limits.add(limit[1] + "<code>" + escape(schema.path(limit[0]).asText()) + "</code>");
            }
        }
        if (schema.has("pattern")) {
            limits.add("pattern <code>" + escape(schema.path("pattern").asText()) + "</code>");
        }
        return limits.isEmpty() ? text.toString() : text + " (" + String.join("; ", limits) + ")";
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.path("$ref").asText().substring(1)) : node;
    }

    private void paragraphs(String text) {
        for (String paragraph : text.split("\n\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(inline(paragraph.strip())).append("</p>\n");
            }
        }
    }

    private static String inline(String text) {
        String escaped = escape(text);
        escaped = CODE.matcher(escaped).replaceAll("<code>$1</code>");
        return EMPHASIS.matcher(escaped).replaceAll("<em>$1</em>");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
