package de.smartcity.catalogue.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.routes.store.ApiKey;
import de.smartcity.catalogue.routes.store.ApiKeyStore;
import de.smartcity.catalogue.routes.store.ReviewAction;
import de.smartcity.catalogue.routes.store.SourceStore;
import de.smartcity.catalogue.search.ApiErrorHandling;
import de.smartcity.catalogue.search.ApiException;
import de.smartcity.catalogue.search.ApiResponses;
import de.smartcity.catalogue.search.ItemQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;

/**
 * The write side of the API, in Camel's REST DSL next to the read API. Every endpoint is declared here with the role
 * it needs ({@link #endpoints()}), and its route checks the caller's key before it reads anything else of the request.
 */
public final class CurationRoutes extends RouteBuilder {
    private static final String JSON = "application/json";
    private static final Set<String> KEY_FIELDS = Set.of("name", "role");
    private static final Set<String> REASON = Set.of("reason");
    private static final Set<String> THEMES_FIELDS = Set.of("themes", "reason");
    private static final Set<String> PLACE_FIELDS = Set.of("place", "reason");
    private static final Set<String> MERGE_FIELDS = Set.of("other", "reason");
    private static final Set<String> SPLIT_FIELDS = Set.of("report", "reason");
    /** A project's fields as in the catalogue file, and why the editor changes it. */
    private static final Set<String> PROJECT_FIELDS = Set.of("slug", "name", "aliases", "place", "themes", "status",
            "programme", "period", "partners", "description", "links", "reason");
    /** A source's fields as in the sources file, and why the admin changes it. */
    private static final Set<String> SOURCE_FIELDS = Set.of("id", "city", "url", "kind", "interval", "html", "reason");
    private static final Set<String> AUDIT_PARAMETERS = Set.of("item", "project", "source", "size");
    private static final Set<String> SIZE = Set.of("size");
    private static final int AUDIT_DEFAULT = 50;
    private static final int SUGGESTIONS_DEFAULT = 100;
    private static final int MAX_SIZE = 500;

    private final Authenticator authenticator;
    private final ApiKeyStore keys;
    private final EditorialService editorial;
    private final SourceAdmin sources;
    private final ReviewQueue queue;
    private final ObjectMapper json;
    private final ApiResponses responses;
    private final Clock clock;
    private final List<Endpoint> endpoints = new ArrayList<>();

    public CurationRoutes(ApiKeyStore keys, EditorialService editorial, SourceAdmin sources, ReviewQueue queue,
                          ObjectMapper json, Clock clock) {
        this.authenticator = new Authenticator(keys);
        this.keys = keys;
        this.editorial = editorial;
        this.sources = sources;
        this.queue = queue;
        this.json = json;
        this.responses = new ApiResponses(json);
        this.clock = clock;
    }

    /** A request whose caller has been checked and whose query parameters have been read. */
    record Request(ApiKey caller, Map<String, String> query, Exchange exchange) {
        String path(String name) {
            return exchange.getMessage().getHeader(name, String.class);
        }
    }

    /** An endpoint's answer, given the checked request. */
    @FunctionalInterface
    private interface Answer {
        Object answer(Request request) throws Exception;
    }

    @Override
    public void configure() {
        RestDefinition api = rest("/api");

        endpoint(api, "GET", "/review", "api-review", Role.EDITOR, ReviewQueue.PARAMETERS, 200,
                request -> queue.list(request.query()));
        for (ReviewAction action : ReviewAction.values()) {
            endpoint(api, "POST", "/items/{id}/" + action.id(), "api-item-" + action.id(), Role.EDITOR, Set.of(), 200,
                    request -> editorial.review(request.path("id"), action, reason(request),
                            request.caller(), clock.instant()));
        }
        endpoint(api, "PUT", "/items/{id}/themes", "api-item-themes", Role.EDITOR, Set.of(), 200, request -> {
            RequestBody body = body(request, THEMES_FIELDS);
            return editorial.overrideThemes(request.path("id"), body.requiredTexts("themes"), body.optionalText("reason"),
                    request.caller(), clock.instant());
        });
        endpoint(api, "DELETE", "/items/{id}/themes", "api-item-themes-clear", Role.EDITOR, Set.of(), 200,
                request -> editorial.clearThemes(request.path("id"), reason(request),
                        request.caller(), clock.instant()));
        endpoint(api, "PUT", "/items/{id}/place", "api-item-place", Role.EDITOR, Set.of(), 200, request -> {
            RequestBody body = body(request, PLACE_FIELDS);
            return editorial.overridePlace(request.path("id"), body.requiredText("place"), body.optionalText("reason"),
                    request.caller(), clock.instant());
        });
        endpoint(api, "DELETE", "/items/{id}/place", "api-item-place-clear", Role.EDITOR, Set.of(), 200,
                request -> editorial.clearPlace(request.path("id"), reason(request),
                        request.caller(), clock.instant()));
        endpoint(api, "PUT", "/items/{id}/projects/{slug}", "api-item-link", Role.EDITOR, Set.of(), 200,
                request -> editorial.link(request.path("id"), request.path("slug"), true,
                        reason(request), request.caller(), clock.instant()));
        endpoint(api, "DELETE", "/items/{id}/projects/{slug}", "api-item-unlink", Role.EDITOR, Set.of(), 200,
                request -> editorial.link(request.path("id"), request.path("slug"), false,
                        reason(request), request.caller(), clock.instant()));
        endpoint(api, "POST", "/items/{id}/merge", "api-item-merge", Role.EDITOR, Set.of(), 200, request -> {
            RequestBody body = body(request, MERGE_FIELDS);
            return editorial.merge(request.path("id"), body.requiredText("other"), body.optionalText("reason"),
                    request.caller(), clock.instant());
        });
        endpoint(api, "POST", "/items/{id}/split", "api-item-split", Role.EDITOR, Set.of(), 200, request -> {
            RequestBody body = body(request, SPLIT_FIELDS);
            return editorial.split(request.path("id"), body.requiredText("report"), body.optionalText("reason"),
                    request.caller(), clock.instant());
        });
        endpoint(api, "POST", "/projects", "api-project-create", Role.EDITOR, Set.of(), 201, request -> {
            RequestBody body = body(request, PROJECT_FIELDS);
            return editorial.saveProject(body.requiredText("slug"), body.fieldsWithout("reason"), true,
                    body.optionalText("reason"), request.caller(), clock.instant());
        });
        endpoint(api, "PUT", "/projects/{slug}", "api-project-edit", Role.EDITOR, Set.of(), 200, request -> {
            RequestBody body = body(request, PROJECT_FIELDS);
            return editorial.saveProject(request.path("slug"), body.fieldsWithout("reason"), false,
                    body.optionalText("reason"), request.caller(), clock.instant());
        });
        endpoint(api, "GET", "/projects/{slug}/suggestions", "api-project-suggestions", Role.EDITOR, SIZE, 200,
                request -> editorial.suggestions(request.path("slug"), size(request, SUGGESTIONS_DEFAULT)));
        for (boolean accept : List.of(true, false)) {
            String decision = accept ? "accept" : "reject";
            endpoint(api, "POST", "/projects/{slug}/links/{itemId}/" + decision, "api-project-link-" + decision,
                    Role.EDITOR, Set.of(), 200, request -> editorial.decide(request.path("itemId"), request.path("slug"),
                            accept, reason(request), request.caller(), clock.instant()));
        }
        endpoint(api, "GET", "/audit", "api-audit", Role.EDITOR, AUDIT_PARAMETERS, 200, request -> {
            Optional<String> item = ItemQuery.text(request.query(), "item");
            Optional<String> project = ItemQuery.text(request.query(), "project");
            Optional<String> source = ItemQuery.text(request.query(), "source");
            return editorial.audit(item, project, source, size(request, AUDIT_DEFAULT));
        });
        endpoint(api, "POST", "/sources", "api-source-create", Role.ADMIN, Set.of(), 201, request -> {
            RequestBody body = body(request, SOURCE_FIELDS);
            return sources.create(body.fieldsWithout("reason"), body.optionalText("reason"), request.caller(), clock.instant());
        });
        endpoint(api, "PUT", "/sources/{id}", "api-source-edit", Role.ADMIN, Set.of(), 200, request -> {
            RequestBody body = body(request, SOURCE_FIELDS);
            return sources.edit(request.path("id"), body.fieldsWithout("reason"), body.optionalText("reason"),
                    request.caller(), clock.instant());
        });
        for (SourceStore.StateChange change : SourceStore.StateChange.values()) {
            String name = change.name().toLowerCase(Locale.ROOT);
            boolean remove = change == SourceStore.StateChange.REMOVE;
            endpoint(api, remove ? "DELETE" : "POST", remove ? "/sources/{id}" : "/sources/{id}/" + name,
                    "api-source-" + name, Role.ADMIN, Set.of(), 200, request -> sources.change(request.path("id"), change,
                            reason(request), request.caller(), clock.instant()));
        }
        endpoint(api, "POST", "/sources/opml", "api-sources-import", Role.ADMIN, Set.of(), 200,
                request -> sources.importOpml(Optional.ofNullable(request.exchange().getMessage().getBody(byte[].class))
                        .orElse(new byte[0]), request.caller(), clock.instant()));
        endpoint(api, "GET", "/keys", "api-keys", Role.ADMIN, Set.of(), 200, request -> keys.list());
        endpoint(api, "POST", "/keys", "api-key-create", Role.ADMIN, Set.of(), 201, request -> {
            RequestBody body = body(request, KEY_FIELDS);
            String roleId = body.requiredText("role");
            Role role = Role.of(roleId).orElseThrow(() -> ApiException.badParameter("role",
                    "must be 'editor' or 'admin', was '" + roleId + "'"));
            try {
                return CreatedKey.of(keys.create(body.requiredText("name"), role, clock.instant()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter("name", e.getMessage());
            }
        });
        endpoint(api, "DELETE", "/keys/{id}", "api-key-revoke", Role.ADMIN, Set.of(), 200, request -> {
            String id = request.path("id");
            return keys.revoke(id, clock.instant()).orElseThrow(() -> ApiException.notFound("No API key with id '" + id + "'"));
        });
    }

    /** Every endpoint of the write side with the role it needs, in the order declared. */
    public List<Endpoint> endpoints() {
        return Collections.unmodifiableList(endpoints);
    }

    private void endpoint(RestDefinition api, String method, String path, String id, Role role, Set<String> parameters,
                          int status, Answer answer) {
        RestDefinition verb = switch (method) {
            case "GET" -> api.get(path);
            case "POST" -> api.post(path);
            case "PUT" -> api.put(path);
            case "DELETE" -> api.delete(path);
            default -> throw new IllegalArgumentException("No REST verb " + method);
        };
        verb.id(id).produces(JSON).to("direct:" + id);
        endpoints.add(new Endpoint(method, "/api" + path, role, parameters));
        from("direct:" + id).routeId(id + "-answer").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> {
                    // Who asks comes first: an anonymous caller learns nothing about the request's other faults.
                    ApiKey caller = authenticator.require(
                            Optional.ofNullable(exchange.getMessage().getHeader("Authorization", String.class)), role);
                    Map<String, String> query = ApiResponses.queryParameters(exchange, parameters);
                    responses.json(exchange, status, answer.answer(new Request(caller, query, exchange)));
                });
    }

    /** The {@code size} parameter of a list, 1 to 500. */
    private static int size(Request request, int fallback) {
        int size = ItemQuery.integer(request.query(), "size", fallback);
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        return size;
    }

    /** The optional {@code {"reason": "…"}} most editorial actions take. */
    private Optional<String> reason(Request request) {
        return body(request, REASON).optionalText("reason");
    }

    private RequestBody body(Request request, Set<String> known) {
        return RequestBody.parse(request.exchange().getMessage().getBody(String.class), known, json);
    }
}
