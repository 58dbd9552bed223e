package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.Taxonomy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;

/**
 * The read API, in Camel's REST DSL on the platform HTTP server. Each endpoint names the query parameters it
 * takes; any other parameter answers 400, and the OpenAPI document must describe exactly these.
 */
public final class SearchApiRoutes extends RouteBuilder {
    private static final String JSON = "application/json";

    private final ItemSearchService items;
    private final ProjectSearchService projects;
    private final CompareService compare;
    private final SimilarService similar;
    private final SuggestService suggest;
    private final Vocabulary vocabulary;
    private final SourceDirectory sources;
    private final IngestMetricsSource metrics;
    private final ApiResponses responses;
    private final ApiDocument document;
    private final Map<String, Set<String>> parameters = new LinkedHashMap<>();

    public SearchApiRoutes(ElasticsearchClient client, ObjectMapper json, Taxonomy taxonomy, SourceDirectory sources,
                           IngestMetricsSource metrics) {
        this.items = new ItemSearchService(client, json, taxonomy);
        this.projects = new ProjectSearchService(client, json);
        this.compare = new CompareService(client);
        this.similar = new SimilarService(client, json, taxonomy);
        this.suggest = new SuggestService(client, taxonomy);
        this.vocabulary = Vocabulary.of(taxonomy);
        this.sources = sources;
        this.metrics = metrics;
        this.responses = new ApiResponses(json);
        this.document = ApiDocument.describing(vocabulary, json);
    }

    /** An endpoint's answer to a request whose query parameters have been read and checked to be known. */
    @FunctionalInterface
    private interface Answer {
        Object answer(Map<String, String> query, Exchange exchange) throws Exception;
    }

    @Override
    public void configure() throws Exception {
        // JSON is written by ApiResponses with the catalogue's mapper, so binding stays off.
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);
        RestDefinition api = rest("/api");

        get(api, "/items", "api-items", ItemQuery.PARAMETERS, (query, exchange) -> items.search(ItemQuery.parse(query, vocabulary)));
        get(api, "/items/{id}", "api-item", Set.of(), (query, exchange) -> items.get(header(exchange, "id")));
        get(api, "/items/{id}/similar", "api-item-similar", SimilarService.PARAMETERS,
                (query, exchange) -> similar.items(header(exchange, "id"), SimilarService.limit(query)));
        get(api, "/projects", "api-projects", ProjectQuery.PARAMETERS,
                (query, exchange) -> projects.search(ProjectQuery.parse(query, vocabulary)));
        get(api, "/projects/{slug}", "api-project", Set.of(), (query, exchange) -> projects.get(header(exchange, "slug")));
        get(api, "/projects/{slug}/similar", "api-project-similar", SimilarService.PARAMETERS,
                (query, exchange) -> similar.projects(header(exchange, "slug"), SimilarService.limit(query)));
        get(api, "/compare", "api-compare", CompareQuery.PARAMETERS,
                (query, exchange) -> compare.compare(CompareQuery.parse(query, vocabulary)));
        get(api, "/suggest", "api-suggest", SuggestService.PARAMETERS,
                (query, exchange) -> suggest.suggest(SuggestService.query(query)));
        get(api, "/themes", "api-themes", Set.of(), (query, exchange) -> items.themes());
        get(api, "/cities", "api-cities", Set.of(), (query, exchange) -> items.cities());
        get(api, "/sources", "api-sources", Set.of(), (query, exchange) -> sources.statuses());
        get(api, "/sources/{id}", "api-source", Set.of(), (query, exchange) -> {
            String id = header(exchange, "id");
            return sources.status(id).orElseThrow(() -> ApiException.notFound("No source with id '" + id + "'"));
        });
        get(api, "/metrics", "api-metrics", Set.of(), (query, exchange) -> metrics.metrics());

        api.get("/openapi.json").id("api-openapi").produces(JSON).to("direct:api-openapi");
        parameters.put("/api/openapi.json", Set.of());
        from("direct:api-openapi").routeId("api-openapi-answer").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> {
                    ApiResponses.queryParameters(exchange, Set.of());
                    responses.send(exchange, 200, document.json());
                });

        installHeaders();
    }

    /** Every endpoint's path (as in the OpenAPI document, with {@code /api}) and the query parameters it takes. */
    public Map<String, Set<String>> queryParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    private void get(RestDefinition api, String path, String id, Set<String> known, Answer answer) {
        api.get(path).id(id).produces(JSON).to("direct:" + id);
        parameters.put("/api" + path, known);
        from("direct:" + id).routeId(id + "-answer").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> {
                    Object body = answer.answer(ApiResponses.queryParameters(exchange, known), exchange);
                    responses.json(exchange, 200, body);
                });
    }

    private static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    /** Puts {@link ApiHttpHeaders} in front of the API once Camel has started the HTTP server. */
    private void installHeaders() throws Exception {
        getContext().addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // The server's router exists once everything has started, below.
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                VertxPlatformHttpRouter router = context.getRegistry().findSingleByType(VertxPlatformHttpRouter.class);
                if (router == null) {
                    throw new IllegalStateException("No single platform-http server to serve the API on");
                }
                new ApiHttpHeaders().install(router);
            }
        });
    }
}
