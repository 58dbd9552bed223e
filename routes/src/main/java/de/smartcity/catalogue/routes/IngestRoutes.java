package de.smartcity.catalogue.routes;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.fetch.FetchSettings;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;

/**
 * The ingest pipeline: one timer route per source, instantiated from the {@code poll-source}
 * template, feeding one shared route that fetches, parses, normalises, places, tags and stores;
 * a separate route indexes whatever the database holds that Elasticsearch has not acknowledged.
 */
public final class IngestRoutes extends RouteBuilder {
    public static final String INGEST = "direct:ingest-source";
    public static final String TEMPLATE = "poll-source";

    private final IngestSteps steps;
    private final ItemIndexer indexer;
    private final FetchSettings fetchSettings;
    private final Collection<Source> polledSources;
    private final Optional<Duration> indexPeriod;

    /**
     * @param polledSources sources to poll on their interval; empty when ingest is driven by hand ({@code ingest --once})
     * @param indexPeriod   how often pending items are sent to Elasticsearch; empty when the caller indexes itself
     */
    public IngestRoutes(IngestSteps steps, ItemIndexer indexer, FetchSettings fetchSettings,
                        Collection<Source> polledSources, Optional<Duration> indexPeriod) {
        this.steps = steps;
        this.indexer = indexer;
        this.fetchSettings = fetchSettings;
        this.polledSources = polledSources;
        this.indexPeriod = indexPeriod;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("sourceId")
                .templateParameter("periodMillis")
                .templateParameter("delayMillis")
                .from("timer:poll-{{sourceId}}?period={{periodMillis}}&delay={{delayMillis}}")
                .setHeader(IngestSteps.SOURCE_ID, constant("{{sourceId}}"))
                .to(INGEST);

        long delay = 500;
        for (Source source : polledSources) {
            templatedRoute(TEMPLATE)
                    .routeId("poll-" + source.id())
                    .parameter("sourceId", source.id())
                    .parameter("periodMillis", String.valueOf(source.interval().toMillis()))
                    // Spread first polls so a restart does not hit every source at once.
                    .parameter("delayMillis", String.valueOf(delay));
            delay += 250;
        }

        from(INGEST).routeId("ingest-source").routeConfigurationId(IngestErrorHandling.ID)
                .process(steps::prepare)
                .choice()
                    .when(exchangeProperty(IngestSteps.OVER_HTTP).isEqualTo(true))
                        // Redirects are followed here rather than inside the HTTP client, so the route
                        // knows the final URL, can refuse loops and counts the hops.
                        .loopDoWhile(exchangeProperty(IngestSteps.FOLLOW_REDIRECT).isNotEqualTo(false))
                            .process(steps::prepareRequest)
                            .to(fetchSettings.httpEndpointUri())
                            .process(steps::noteResponse)
                        .end()
                        .process(steps::checkHttpResponse)
                    .endChoice()
                    .otherwise()
                        .process(steps::readLocal)
                .end()
                .process(steps::parse)
                .process(steps::normalise)
                .process(steps::placeAndTag)
                .process(steps::store);

        indexPeriod.ifPresent(period -> from("timer:index-pending?period=" + period.toMillis()).routeId("index-pending")
                .routeConfigurationId(IngestErrorHandling.ID)
                .process(exchange -> indexer.indexPending()));
    }
}
