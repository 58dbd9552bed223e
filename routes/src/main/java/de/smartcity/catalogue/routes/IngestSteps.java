package de.smartcity.catalogue.routes;

import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.model.RefusedAddressException;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.routes.dedup.NearDuplicates;
import de.smartcity.catalogue.routes.dedup.StoryWords;
import de.smartcity.catalogue.routes.fetch.BodyReader;
import de.smartcity.catalogue.routes.fetch.CamelPageFetcher;
import de.smartcity.catalogue.routes.fetch.FetchedBody;
import de.smartcity.catalogue.routes.fetch.ListingPager;
import de.smartcity.catalogue.routes.normalise.ItemNormaliser;
import de.smartcity.catalogue.routes.parse.FeedEntry;
import de.smartcity.catalogue.routes.parse.FeedParser;
import de.smartcity.catalogue.routes.parse.HtmlListingParser;
import de.smartcity.catalogue.routes.parse.UnreadableSourceException;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.store.ItemStore;
import de.smartcity.catalogue.routes.store.Sighting;
import de.smartcity.catalogue.routes.store.SourceStore;
import de.smartcity.catalogue.routes.store.UpsertResult;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.sql.SQLException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the ingest route, one method per step. Each reads what the previous step left in the
 * exchange and leaves its own result there; the route says the order.
 */
public final class IngestSteps {
    public static final String SOURCE_ID = "CatalogueSourceId";
    static final String SOURCE = "CatalogueSource";
    static final String OVER_HTTP = "CatalogueFetchOverHttp";
    /** Where the source is fetched from now: its URL, or where its redirects led. Relative links resolve against it. */
    static final String CURRENT_URL = "CatalogueCurrentUrl";
    static final String FOLLOW_REDIRECT = "CatalogueFollowRedirect";
    private static final String VISITED = "CatalogueVisitedUrls";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    public static final String OUTCOME = "CatalogueIngestOutcome";
    private static final String STARTED = "CatalogueIngestStarted";
    /** System.nanoTime() when the last request went out, so that a timeout can say how long we waited. */
    private static final String REQUEST_SENT = "CatalogueRequestSent";
    private static final Logger LOG = LoggerFactory.getLogger(IngestSteps.class);

    private final SourceRegistry sources;
    private final BodyReader bodyReader;
    private final int maxRedirects;
    private final FeedParser feedParser = new FeedParser();
    private final HtmlListingParser htmlParser = new HtmlListingParser();
    private final ListingPager listingPager = new ListingPager(htmlParser);
    private final ItemNormaliser normaliser = new ItemNormaliser();
    private final PlaceRecognizer placeRecognizer;
    private final ThemeTagger tagger;
    private final ItemStore itemStore;
    private final ProjectCatalogue projects;
    private final PollingSteps polling;
    private final Clock clock;

    /** With the default polling settings ({@link PollingSteps#withDefaults}). */
    public IngestSteps(SourceRegistry sources, BodyReader bodyReader, int maxRedirects, PlaceRecognizer placeRecognizer,
                       ThemeTagger tagger, ItemStore itemStore, ProjectCatalogue projects, SourceStore sourceStore,
                       Clock clock) {
        this(sources, bodyReader, maxRedirects, placeRecognizer, tagger, itemStore, projects,
                PollingSteps.withDefaults(sourceStore, clock), clock);
    }

    /**
     * @param projects the project catalogue stored items are linked to
     * @param polling  conditional GET, per-host limits and each source's health and schedule
     */
    public IngestSteps(SourceRegistry sources, BodyReader bodyReader, int maxRedirects, PlaceRecognizer placeRecognizer,
                       ThemeTagger tagger, ItemStore itemStore, ProjectCatalogue projects, PollingSteps polling,
                       Clock clock) {
        this.sources = sources;
        this.maxRedirects = maxRedirects;
        this.bodyReader = bodyReader;
        this.placeRecognizer = placeRecognizer;
        this.tagger = tagger;
        this.itemStore = itemStore;
        this.projects = projects;
        this.polling = polling;
        this.clock = clock;
    }

    PollingSteps polling() {
        return polling;
    }

    /** The sources polled and listed, which the admin API changes while the routes run. */
    public SourceRegistry sources() {
        return sources;
    }

    /**
     * Looks up the source named in the {@link #SOURCE_ID} header: the poll keeps the definition it started with, even
     * when an admin edits or pauses the source meanwhile.
     */
    public void prepare(Exchange exchange) {
        String id = exchange.getMessage().getHeader(SOURCE_ID, String.class);
        Source source = Optional.ofNullable(id).flatMap(sources::polled)
                .orElseThrow(() -> new IllegalArgumentException("unknown or paused source '" + id + "'"));
        exchange.setProperty(SOURCE_ID, id);
        exchange.setProperty(SOURCE, source);
        exchange.setProperty(STARTED, clock.instant());
        String scheme = source.url().getScheme().toLowerCase(Locale.ROOT);
        exchange.setProperty(OVER_HTTP, scheme.equals("http") || scheme.equals("https"));
        exchange.setProperty(CURRENT_URL, source.url());
        exchange.setProperty(VISITED, new HashSet<>(Set.of(source.url())));
    }

    /**
     * Before each request: only the URL travels, nothing of ours goes to the source as an HTTP header
     * (the conditional GET's validators are added by {@link PollingSteps#addValidators} after this).
     */
    public void prepareRequest(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_URI, currentUrl(exchange).toString());
        exchange.getMessage().setBody(null);
        exchange.setProperty(REQUEST_SENT, System.nanoTime());
    }

    /**
     * After each response: a redirect is followed by the route's loop, at most {@code maxRedirects} times,
     * never in a circle and only to http(s), so the final URL is known for resolving relative links.
     */
    @SuppressWarnings("unchecked")
    public void noteResponse(Exchange exchange) throws UnreadableSourceException {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String location = exchange.getMessage().getHeader("Location", String.class);
        if (!REDIRECTS.contains(status) || location == null) {
            exchange.setProperty(FOLLOW_REDIRECT, false);
            return;
        }
        Set<URI> visited = exchange.getProperty(VISITED, Set.class);
        if (visited.size() > maxRedirects) {
            throw new UnreadableSourceException("Mehr als " + maxRedirects + " Weiterleitungen, zuletzt nach " + location + ".");
        }
        URI target;
        try {
            target = currentUrl(exchange).resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new UnreadableSourceException("Weiterleitung auf eine ungültige Adresse: " + location);
        }
        String scheme = Optional.ofNullable(target.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnreadableSourceException("Weiterleitung auf eine Adresse, die nicht http(s) ist: " + target);
        }
        if (!visited.add(target)) {
            throw new UnreadableSourceException("Weiterleitungsschleife: " + target + " wurde schon besucht.");
        }
        exchange.setProperty(CURRENT_URL, target);
        BodyReader.abort(exchange.getMessage().getBody(InputStream.class));
        exchange.setProperty(FOLLOW_REDIRECT, true);
    }

    /** Reads a {@code file:} or {@code classpath:} source. */
    public void readLocal(Exchange exchange) throws Exception {
        byte[] bytes = bodyReader.readLocal(source(exchange).url());
        exchange.getMessage().setBody(new FetchedBody(bytes, null));
    }

    /** Turns the HTTP answer into a capped body, or fails with the status in words. */
    public void checkHttpResponse(Exchange exchange) throws Exception {
        if (PollingSteps.notModified(exchange)) {
            return;
        }
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status < 200 || status > 299) {
            BodyReader.abort(exchange.getMessage().getBody(InputStream.class));
            throw new UnreadableSourceException("Server antwortet mit HTTP " + status
                    + Optional.ofNullable(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_TEXT, String.class))
                    .map(text -> " (" + text + ")").orElse("") + ".");
        }
        InputStream in = exchange.getMessage().getBody(InputStream.class);
        byte[] bytes = in == null ? new byte[0] : bodyReader.read(in, exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, String.class));
        exchange.getMessage().setBody(new FetchedBody(bytes, exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)));
    }

    public void parse(Exchange exchange) throws UnreadableSourceException {
        Source source = source(exchange);
        FetchedBody body = exchange.getMessage().getBody(FetchedBody.class);
        List<FeedEntry> entries;
        if (source.kind() == SourceKind.HTML) {
            HtmlSelectors selectors = source.htmlSelectors().orElseThrow();
            entries = listingPager.collect(source.id(), body, currentUrl(exchange), selectors,
                    CamelPageFetcher.sameEndpointAs(exchange, bodyReader, maxRedirects));
        } else {
            entries = feedParser.parse(body.bytes(), body.contentType());
        }
        exchange.getMessage().setBody(entries);
    }

    @SuppressWarnings("unchecked")
    public void normalise(Exchange exchange) {
        List<FeedEntry> entries = exchange.getMessage().getBody(List.class);
        exchange.getMessage().setBody(normaliser.normalise(source(exchange), currentUrl(exchange), entries, clock.instant()));
    }

    /** Places each item (the source's city, or the city a portal's title names) and tags its themes. */
    @SuppressWarnings("unchecked")
    public void placeAndTag(Exchange exchange) {
        List<Sighting> sightings = exchange.getMessage().getBody(List.class);
        Source source = source(exchange);
        exchange.getMessage().setBody(sightings.stream()
                .map(sighting -> withThemes(sighting, tagger.tagAnalysed(placeRecognizer.place(sighting.item(), source))))
                .toList());
    }

    /**
     * The sighting of the tagged item, with the words the store compares it by with other stories of its block,
     * taken from the tagger's analysis so that the story is analysed once.
     */
    public static Sighting withThemes(Sighting sighting, ThemeTagger.Tagged tagged) {
        Optional<StoryWords> words = NearDuplicates.block(tagged.item()).map(block ->
                NearDuplicates.wordsOf(tagged.item(), tagged.titleTokens(), tagged.summaryTokens()));
        return new Sighting(tagged.item(), sighting.sourceId(), sighting.guid(), sighting.sourceUrl(), words);
    }

    @SuppressWarnings("unchecked")
    public void store(Exchange exchange) throws Exception {
        List<Sighting> sightings = exchange.getMessage().getBody(List.class);
        Source source = source(exchange);
        String sourceId = source.id();
        Instant now = clock.instant();
        UpsertResult result = itemStore.upsert(sightings, now, source, polling.healthAfterStoring(exchange, now));
        exchange.setProperty(OUTCOME, IngestOutcome.success(sourceId, result));
        LOG.info("Source {}: {} new, {} merged, {} changed, {} unchanged", sourceId, result.inserted(), result.merged(),
                result.changed(), result.unchanged());
    }

    /**
     * Links the stored items to the projects they name. It runs after storing, on the items as stored: a story
     * keeps the wording of the source that first carried it, and a second source's wording must not change its
     * links on every poll.
     */
    @SuppressWarnings("unchecked")
    public void linkProjects(Exchange exchange) throws SQLException {
        List<Sighting> sightings = exchange.getMessage().getBody(List.class);
        projects.linkItems(sightings.stream().map(sighting -> sighting.item().id()).toList());
    }

    /**
     * The route configuration's error handler: one broken source is recorded, with when to try it again,
     * and the others go on.
     */
    public void recordFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String sourceId = exchange.getProperty(SOURCE_ID, "unknown", String.class);
        String reason = describe(cause, waited(exchange), Optional.ofNullable(currentUrl(exchange)));
        if (exchange.getProperty(SOURCE) != null) {
            try {
                reason = polling.recordFailure(exchange, reason);
            } catch (Exception e) {
                LOG.error("Could not record the failure of source {}", sourceId, e);
            }
        }
        exchange.setProperty(OUTCOME, IngestOutcome.failure(sourceId, reason));
        LOG.warn("Source {} failed: {}", sourceId, reason);
    }

    /** How long the last request has been waiting, when one was sent. */
    private static Optional<Duration> waited(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(REQUEST_SENT, Long.class))
                .map(sent -> Duration.ofNanos(System.nanoTime() - sent));
    }

    /** An operator's sentence for what went wrong. */
    static String describe(Throwable cause, Optional<Duration> waited, Optional<URI> url) {
        String host = url.map(URI::getHost).orElse("dem Server");
        String after = waited.map(duration -> " nach " + GermanDurations.of(duration)).orElse("");
        if (cause instanceof UnreadableSourceException || cause instanceof RefusedAddressException) {
            return cause.getMessage();
        }
        if (cause instanceof ConnectTimeoutException) {
            return "Zeitüberschreitung" + after + ": keine Verbindung zu " + host + " zustande gekommen.";
        }
        if (cause instanceof SocketTimeoutException) {
            return "Zeitüberschreitung" + after + ": " + host + " hat nicht rechtzeitig geantwortet.";
        }
        if (cause instanceof UnknownHostException) {
            return "Rechnername unbekannt: " + host + " ist im DNS nicht zu finden.";
        }
        if (cause instanceof HttpHostConnectException || cause instanceof ConnectException) {
            return "Verbindung abgelehnt: auf " + host + " nimmt kein Server Anfragen an.";
        }
        if (cause instanceof SSLException) {
            return "Verschlüsselte Verbindung zu " + host + " gescheitert (TLS): " + cause.getMessage();
        }
        return cause == null ? "unbekannter Fehler" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static URI currentUrl(Exchange exchange) {
        return exchange.getProperty(CURRENT_URL, URI.class);
    }

    private static Source source(Exchange exchange) {
        return exchange.getProperty(SOURCE, Source.class);
    }
}
