package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.Opml;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.search.export.ExportStream;
import de.smartcity.catalogue.search.feed.FeedWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

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
    private final FeedService feeds;
    private final ExportService exports;
    /** Where the catalogue is reached from outside, for feed links; empty: the address each request came in on. */
    private final Optional<URI> publicAddress;
    private final Map<String, Set<String>> parameters = new LinkedHashMap<>();
    private static final String OPML_TYPE = "text/x-opml; charset=utf-8";
    private static final String OPML_TITLE = "Quellen des Smart-City-Katalogs";

    public SearchApiRoutes(ElasticsearchClient client, ObjectMapper json, Taxonomy taxonomy, SourceDirectory sources,
                           IngestMetricsSource metrics, Optional<URI> publicAddress) {
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
        this.feeds = new FeedService(client, json, taxonomy, projects);
        this.exports = new ExportService(client, json, vocabulary, projects);
        this.publicAddress = publicAddress;
    }

    /** An endpoint's answer to a request whose query parameters have been read and checked to be known. */
    @FunctionalInterface
    private interface Answer {
        Object answer(Map<String, String> query, Exchange exchange) throws Exception;
    }

    /** An endpoint that writes its whole answer, status, headers and body, to the exchange. */
    @FunctionalInterface
    private interface Handler {
        void handle(Map<String, String> query, Exchange exchange) throws Exception;
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
        route(api, "/api", "/sources.opml", "api-sources-opml", OPML_TYPE, Set.of(),
                (query, exchange) -> responses.send(exchange, 200, Opml.write(sources.active(), OPML_TITLE)
                        .getBytes(StandardCharsets.UTF_8), OPML_TYPE));
        get(api, "/sources/{id}", "api-source", Set.of(), (query, exchange) -> {
            String id = header(exchange, "id");
            return sources.status(id).orElseThrow(() -> ApiException.notFound("No source with id '" + id + "'"));
        });
        get(api, "/metrics", "api-metrics", Set.of(), (query, exchange) -> metrics.metrics());

        route(api, "/api", "/openapi.json", "api-openapi", JSON, Set.of(),
                (query, exchange) -> responses.send(exchange, 200, document.json()));

        export(api, "items", (query, format) -> exports.items(query, format), ItemQuery.FILTERS);
        export(api, "projects", (query, format) -> exports.projects(query, format), ProjectQuery.FILTERS);

        RestDefinition feed = rest("/feeds");
        route(feed, "/feeds", "/items.atom", "feed-items-atom", FeedWriter.ATOM_TYPE, FeedService.ITEM_PARAMETERS,
                (query, exchange) -> responses.send(exchange, 200,
                        feeds.items(query, feedRequest(exchange), FeedWriter.ATOM), FeedWriter.ATOM_TYPE));
        route(feed, "/feeds", "/items.rss", "feed-items-rss", FeedWriter.RSS_TYPE, FeedService.ITEM_PARAMETERS,
                (query, exchange) -> responses.send(exchange, 200,
                        feeds.items(query, feedRequest(exchange), FeedWriter.RSS), FeedWriter.RSS_TYPE));
        route(feed, "/feeds", "/projects.atom", "feed-projects-atom", FeedWriter.ATOM_TYPE, FeedService.PROJECT_PARAMETERS,
                (query, exchange) -> responses.send(exchange, 200,
                        feeds.projects(query, feedRequest(exchange)), FeedWriter.ATOM_TYPE));

        installHeaders();
    }

    /** Every endpoint's path (as in the OpenAPI document, with {@code /api}) and the query parameters it takes. */
    public Map<String, Set<String>> queryParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    private void get(RestDefinition api, String path, String id, Set<String> known, Answer answer) {
        route(api, "/api", path, id, JSON, known,
                (query, exchange) -> responses.json(exchange, 200, answer.answer(query, exchange)));
    }

    /** One export in both formats, {@code /api/export/{name}.csv} and {@code .json}. */
    private void export(RestDefinition api, String name, Export export, Set<String> known) {
        for (ExportService.Format format : ExportService.Format.values()) {
            String extension = format.name().toLowerCase(Locale.ROOT);
            route(api, "/api", "/export/" + name + "." + extension, "api-export-" + name + "-" + extension,
                    format == ExportService.Format.CSV ? "text/csv" : JSON, known, (query, exchange) -> {
                        ExportStream<?> body = export.start(query, format);
                        String file = name + "-" + LocalDate.now(GERMANY) + "." + extension;
                        responses.stream(exchange, body, body.contentType(), file);
                    });
        }
    }

    @FunctionalInterface
    private interface Export {
        ExportStream<?> start(Map<String, String> query, ExportService.Format format) throws Exception;
    }

    /**
     * A GET endpoint at {@code base + path}: reads the query parameters, rejecting unknown ones, then lets the
     * handler answer; errors are answered by {@link ApiErrorHandling}.
     */
    private void route(RestDefinition rest, String base, String path, String id, String produces, Set<String> known,
                       Handler handler) {
        rest.get(path).id(id).produces(produces).to("direct:" + id);
        parameters.put(base + path, known);
        from("direct:" + id).routeId(id + "-answer").routeConfigurationId(ApiErrorHandling.ID)
                .process(exchange -> handler.handle(ApiResponses.queryParameters(exchange, known), exchange));
    }

    /**
     * The feed's address, for its self link and its links into the catalogue: below the public address when one is
     * set, else below the address the request came in on, which a client chooses with its {@code Host} header.
     */
    private FeedService.Request feedRequest(Exchange exchange) {
        URI url = URI.create(exchange.getMessage().getHeader(Exchange.HTTP_URL, String.class));
        String base = publicAddress.map(URI::toString).orElse(url.getScheme() + "://" + url.getRawAuthority());
        String query = Optional.ofNullable(exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, String.class)).orElse("");
        return new FeedService.Request(base, url.getRawPath(), query);
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
