package de.smartcity.catalogue.routes;

import de.smartcity.catalogue.routes.fetch.FetchSettings;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import de.smartcity.catalogue.routes.index.PendingIndexing;
import de.smartcity.catalogue.routes.poll.PollingSettings;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;

/**
 * The ingest pipeline: a scheduler route hands the sources that are due to a bounded pool of pollers, which
 * run each through one shared route that fetches (conditional GET), parses, normalises, places, tags, stores
 * and links the stored items to the projects they name; a separate route indexes whatever the database holds that
 * Elasticsearch has not acknowledged.
 *
 * <p>Why one scheduler route and not one timer route per source (a {@code poll-source} route template, as
 * before): every timer endpoint has its own thread, so 1,000 sources meant 1,000 timer threads, and nothing
 * bounded how many polls ran at once or how many hit one host. Each source's schedule also changes after every
 * poll (a quiet source is polled less often, a failing one backs off, a server may ask us to wait), which a fixed
 * timer period cannot express, and it should survive a restart. So the schedule lives in the database
 * ({@code sources.next_poll_at}) and:
 * <ul>
 *   <li>{@code poll-scheduler}, a single timer, asks the database every tick which sources are due, skips those
 *       still under way, and hands the others (hosts taking turns) to a SEDA queue: the queue holds source ids
 *       only, at most one entry per source;</li>
 *   <li>{@code poll-due} consumes that queue with {@code maxConcurrentPolls} consumers: the bound on total
 *       concurrency; a slow source holds one of them and never delays the scheduler;</li>
 *   <li>{@code ingest-source} waits for a free permit at the source's host before the first request (at most
 *       {@code maxPerHost} polls talk to one host at once; the permit is held until the body is parsed, since a
 *       listing's further pages are requests to the same host), sends {@code If-None-Match} /
 *       {@code If-Modified-Since}, and on a 304 records "not modified" and stops: no parse, no store.</li>
 * </ul>
 * {@code ingest --once} sends every source straight to {@code ingest-source}, whatever the schedule says.
 *
 * <p>Which sources exist is read from the {@link SourceRegistry} on every tick and at the start of every poll, not
 * fixed when the routes are built: admins add, edit, pause and remove sources through the API while the routes run.
 * Since no route belongs to a source, none needs adding, restarting or removing on the CamelContext; a changed source
 * is made due in the database, and the scheduler's next tick (a second) polls it with its new definition.
 */
public final class IngestRoutes extends RouteBuilder {
    public static final String INGEST = "direct:ingest-source";

    private final IngestSteps steps;
    private final ItemIndexer indexer;
    private final FetchSettings fetchSettings;
    private final boolean scheduled;
    private final Optional<Duration> indexPeriod;

    /**
     * @param scheduled     whether the registry's active sources are polled on their schedule; false when ingest is
     *                      driven by hand ({@code ingest --once})
     * @param indexPeriod   how often pending items are sent to Elasticsearch; empty when the caller indexes itself
     */
    public IngestRoutes(IngestSteps steps, ItemIndexer indexer, FetchSettings fetchSettings,
                        boolean scheduled, Optional<Duration> indexPeriod) {
        this.steps = steps;
        this.indexer = indexer;
        this.fetchSettings = fetchSettings;
        this.scheduled = scheduled;
        this.indexPeriod = indexPeriod;
    }

    @Override
    public void configure() {
        // The HTTP client would otherwise retry a 429 or 503 by itself, sleeping for the server's Retry-After
        // (an hour, say) while it holds a poll thread and the host's permit, and repeat timed-out requests.
        // A failed poll is recorded and the schedule decides when to try again.
        HttpComponent http = getContext().getComponent("http", HttpComponent.class);
        http.setAutomaticRetriesDisabled(true);
        fetchSettings.guardConnections(http);
        PollingSteps polling = steps.polling();
        if (scheduled) {
            PollScheduler scheduler = polling.scheduler(steps.sources());
            PollingSettings settings = polling.settings();
            // One queue entry per source at most (claimed sources are skipped until their poll ends). Admins add sources
            // while this runs, so the queue has SEDA's default bound: past it the scheduler waits for the pollers.
            String pollQueue = "seda:poll-due?blockWhenFull=true&concurrentConsumers=" + settings.maxConcurrentPolls();
            from("timer:poll-scheduler?period=" + settings.tick().toMillis() + "&delay=" + settings.tick().toMillis())
                    .routeId("poll-scheduler")
                    .process(scheduler::claimDue)
                    .split(body())
                        .to(pollQueue)
                    .end();

            from(pollQueue).routeId("poll-due")
                    .setProperty(PollScheduler.POLLED_SOURCE, body())
                    .setHeader(IngestSteps.SOURCE_ID, body())
                    .doTry()
                        .to(INGEST)
                    .doFinally()
                        .process(scheduler::finished)
                    .end();
        }

        from(INGEST).routeId("ingest-source").routeConfigurationId(IngestErrorHandling.ID)
                .noStreamCaching()
                .process(steps::prepare)
                .process(polling::begin)
                .choice()
                    .when(exchangeProperty(IngestSteps.OVER_HTTP).isEqualTo(true))
                        .process(polling::acquireHostPermit)
                        // Redirects are followed here rather than inside the HTTP client, so the route
                        // knows the final URL, can refuse loops and counts the hops.
                        .loopDoWhile(exchangeProperty(IngestSteps.FOLLOW_REDIRECT).isNotEqualTo(false))
                            .process(steps::prepareRequest)
                            .process(polling::addValidators)
                            .to(fetchSettings.httpEndpointUri())
                            .process(steps::noteResponse)
                        .end()
                        .process(polling::noteAnswer)
                        .process(steps::checkHttpResponse)
                    .endChoice()
                    .otherwise()
                        .process(steps::readLocal)
                .end()
                .choice()
                    .when(PollingSteps::notModified)
                        // 304: the feed is as we stored it; nothing is parsed or stored.
                        .process(polling::releaseHostPermit)
                        .process(polling::recordNotModified)
                    .otherwise()
                        .process(steps::parse)
                        // Held through parsing: further pages of a listing are requests to the same host too.
                        .process(polling::releaseHostPermit)
                        .process(steps::normalise)
                        .process(steps::placeAndTag)
                        // Stores the items and the source's health in one transaction.
                        .process(steps::store)
                        .process(steps::linkProjects)
                        .process(polling::countStored)
                .end();

        // Not the ingest error handling: an index run that fails is no source's failure (PendingIndexing says why).
        indexPeriod.ifPresent(period -> {
            PendingIndexing pending = new PendingIndexing(indexer, period);
            from("timer:index-pending?period=" + period.toMillis()).routeId("index-pending")
                    .process(exchange -> pending.run());
        });
    }
}
