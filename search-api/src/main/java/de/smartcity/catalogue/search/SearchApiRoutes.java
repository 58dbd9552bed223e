package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.Taxonomy;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/** The read API, in Camel's REST DSL on the platform HTTP server. */
public final class SearchApiRoutes extends RouteBuilder {
    private final ItemSearchService search;
    private final ProjectSearchService projects;
    private final Taxonomy taxonomy;
    private final SourceDirectory sources;
    private final IngestMetricsSource metrics;
    private final ApiResponses responses;

    public SearchApiRoutes(ItemSearchService search, ProjectSearchService projects, Taxonomy taxonomy,
                           SourceDirectory sources, IngestMetricsSource metrics, ApiResponses responses) {
        this.search = search;
        this.projects = projects;
        this.taxonomy = taxonomy;
        this.sources = sources;
        this.metrics = metrics;
        this.responses = responses;
    }

    @Override
    public void configure() {
        // JSON is written by ApiResponses with the catalogue's mapper, so binding stays off.
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        rest("/api")
                .get("/items").id("api-items").produces("application/json").to("direct:api-items")
                .get("/items/{id}").id("api-item").produces("application/json").to("direct:api-item")
                .get("/projects").id("api-projects").produces("application/json").to("direct:api-projects")
                .get("/projects/{slug}").id("api-project").produces("application/json").to("direct:api-project")
                .get("/themes").id("api-themes").produces("application/json").to("direct:api-themes")
                .get("/cities").id("api-cities").produces("application/json").to("direct:api-cities")
                .get("/sources").id("api-sources").produces("application/json").to("direct:api-sources")
                .get("/sources/{id}").id("api-source").produces("application/json").to("direct:api-source")
                .get("/metrics").id("api-metrics").produces("application/json").to("direct:api-metrics");

        from("direct:api-items").routeId("api-search-items").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> ok(exchange, search.search(
                        ItemQuery.parse(ApiResponses.queryParameters(exchange, ItemQuery.PARAMETERS)))));
        from("direct:api-item").routeId("api-get-item").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> {
                    ApiResponses.queryParameters(exchange, Set.of());
                    ok(exchange, search.get(exchange.getMessage().getHeader("id", String.class)));
                });
        from("direct:api-projects").routeId("api-search-projects").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> ok(exchange, projects.search(
                        ProjectQuery.parse(ApiResponses.queryParameters(exchange, ProjectQuery.PARAMETERS), taxonomy))));
        from("direct:api-project").routeId("api-get-project").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> {
                    ApiResponses.queryParameters(exchange, Set.of());
                    ok(exchange, projects.get(exchange.getMessage().getHeader("slug", String.class)));
                });
        from("direct:api-themes").routeId("api-themes").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> ok(exchange, search.themes()));
        from("direct:api-cities").routeId("api-cities").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> ok(exchange, search.cities()));
        from("direct:api-sources").routeId("api-sources").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> {
                    ApiResponses.queryParameters(exchange, Set.of());
                    ok(exchange, sources.statuses());
                });
        from("direct:api-source").routeId("api-source").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> {
                    ApiResponses.queryParameters(exchange, Set.of());
                    String id = exchange.getMessage().getHeader("id", String.class);
                    ok(exchange, sources.status(id).orElseThrow(() -> ApiException.notFound("No source with id '" + id + "'")));
                });
        from("direct:api-metrics").routeId("api-metrics").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> {
                    ApiResponses.queryParameters(exchange, Set.of());
                    ok(exchange, metrics.metrics());
                });
    }

    private void ok(Exchange exchange, Object body) {
        responses.json(exchange, 200, body);
    }
}
