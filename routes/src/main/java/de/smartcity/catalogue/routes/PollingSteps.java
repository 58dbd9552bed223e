package de.smartcity.catalogue.routes;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.poll.HostPermits;
import de.smartcity.catalogue.routes.poll.IngestCounters;
import de.smartcity.catalogue.routes.poll.PollingPolicy;
import de.smartcity.catalogue.routes.poll.PollingSettings;
import de.smartcity.catalogue.routes.poll.RetryAfter;
import de.smartcity.catalogue.routes.store.FailedPoll;
import de.smartcity.catalogue.routes.store.PollHealth;
import de.smartcity.catalogue.routes.store.PollState;
import de.smartcity.catalogue.routes.store.SourceStore;
import de.smartcity.catalogue.routes.store.SuccessfulPoll;
import de.smartcity.catalogue.routes.store.UpsertResult;
import de.smartcity.catalogue.routes.store.Validators;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The steps of the ingest route that make polling polite: conditional GET with the validators the database
 * keeps, a per-host limit on requests under way, and after every poll the source's health and next poll
 * (adaptive interval, backoff with jitter, {@code Retry-After}) in the database. The decisions themselves are
 * {@link PollingPolicy}'s; this class reads what they need from the exchange and writes what they decide.
 */
public final class PollingSteps {
    static final String IF_NONE_MATCH = "If-None-Match";
    static final String IF_MODIFIED_SINCE = "If-Modified-Since";
    private static final String STATE = "CataloguePollState";
    private static final String NOT_MODIFIED = "CatalogueNotModified";
    private static final String ANSWER_VALIDATORS = "CatalogueAnswerValidators";
    private static final String RETRY_AFTER = "CatalogueRetryAfter";
    private static final String PERMIT = "CatalogueHostPermit";
    private static final int HTTP_NOT_MODIFIED = 304;
    private static final Set<Integer> MAY_ASK_TO_WAIT = Set.of(429, 503);

    private final SourceStore store;
    private final PollingPolicy policy;
    private final HostPermits hostPermits;
    private final IngestCounters counters;
    private final Clock clock;

    public PollingSteps(SourceStore store, PollingPolicy policy, IngestCounters counters, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.hostPermits = new HostPermits(policy.settings().maxPerHost());
        this.counters = counters;
        this.clock = clock;
    }

    /** Default settings, counting from now. */
    public static PollingSteps withDefaults(SourceStore store, Clock clock) {
        return new PollingSteps(store, new PollingPolicy(PollingSettings.defaults()), new IngestCounters(clock.instant()), clock);
    }

    public PollingSettings settings() {
        return policy.settings();
    }

    public IngestCounters counters() {
        return counters;
    }

    /** The scheduler of {@code serve}: polls the registry's active sources whenever the database says they are due. */
    public PollScheduler scheduler(SourceRegistry sources) {
        return new PollScheduler(sources, store, clock);
    }

    /** Reads the source's validators and recent history, which the rest of the poll decides on. */
    public void begin(Exchange exchange) throws SQLException {
        exchange.setProperty(STATE, store.pollState(sourceId(exchange)));
    }

    /** Waits for a free request slot at the source's host; it is given back after the body is read, or when the poll ends anyhow. */
    public void acquireHostPermit(Exchange exchange) throws InterruptedException {
        HostPermits.Permit permit = hostPermits.acquire(source(exchange).url());
        exchange.setProperty(PERMIT, permit);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                permit.close();
            }
        });
    }

    public void releaseHostPermit(Exchange exchange) {
        Optional.ofNullable(exchange.getProperty(PERMIT, HostPermits.Permit.class)).ifPresent(HostPermits.Permit::close);
    }

    /** After {@link IngestSteps#prepareRequest} cleared every header: the validators, and nothing else of ours. */
    public void addValidators(Exchange exchange) {
        Validators validators = state(exchange).validators();
        validators.etagValue().ifPresent(etag -> exchange.getMessage().setHeader(IF_NONE_MATCH, etag));
        validators.lastModifiedValue().ifPresent(date -> exchange.getMessage().setHeader(IF_MODIFIED_SINCE, date));
    }

    /** After the last response: its validators, whether it says "not modified", and how long it asks us to wait. */
    public void noteAnswer(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        exchange.setProperty(ANSWER_VALIDATORS, new Validators(message.getHeader("ETag", String.class),
                message.getHeader("Last-Modified", String.class)));
        // A 304 we did not ask for (no validators sent) is a broken server, left to checkHttpResponse to report.
        if (status == HTTP_NOT_MODIFIED && !state(exchange).validators().isEmpty()) {
            exchange.setProperty(NOT_MODIFIED, true);
        }
        if (MAY_ASK_TO_WAIT.contains(status)) {
            RetryAfter.parse(message.getHeader("Retry-After", String.class), clock.instant())
                    .ifPresent(wait -> exchange.setProperty(RETRY_AFTER, wait));
        }
    }

    /** Whether the server answered 304 to our conditional GET: nothing to parse or store. */
    public static boolean notModified(Exchange exchange) {
        return exchange.getProperty(NOT_MODIFIED, false, Boolean.class);
    }

    /** A 304: the source is fine and unchanged; its interval may stretch. */
    public void recordNotModified(Exchange exchange) throws SQLException {
        String sourceId = sourceId(exchange);
        PollState state = state(exchange);
        Validators answer = exchange.getProperty(ANSWER_VALIDATORS, Validators.NONE, Validators.class);
        // A 304 may carry fresher validators; what it leaves out stays as it was.
        Validators kept = new Validators(answer.etagValue().orElse(state.validators().etag()),
                answer.lastModifiedValue().orElse(state.validators().lastModified()));
        recordSuccess(exchange, true, kept, state.unchangedPolls() + 1);
        counters.notModified();
        exchange.setProperty(IngestSteps.OUTCOME, IngestOutcome.notModified(sourceId));
    }

    /**
     * The health this poll leaves its source in once its items are stored at {@code now}, which the store writes in
     * the items' transaction: news snaps the interval back, nothing new stretches it; the validators of this response
     * are kept.
     */
    public PollHealth healthAfterStoring(Exchange exchange, Instant now) {
        Validators validators = exchange.getProperty(ANSWER_VALIDATORS, Validators.NONE, Validators.class);
        int unchangedBefore = state(exchange).unchangedPolls();
        Duration sourceInterval = source(exchange).interval();
        return stored -> {
            int unchanged = written(stored) > 0 ? 0 : unchangedBefore + 1;
            return successfulPoll(sourceInterval, false, validators, unchanged, now);
        };
    }

    /** After the items and the source's health are stored: counts what was written. */
    public void countStored(Exchange exchange) {
        counters.stored(written(exchange.getProperty(IngestSteps.OUTCOME, IngestOutcome.class).stored().orElseThrow()));
    }

    private static int written(UpsertResult stored) {
        return stored.inserted() + stored.merged() + stored.changed();
    }

    private void recordSuccess(Exchange exchange, boolean notModified, Validators validators, int unchangedPolls)
            throws SQLException {
        Instant now = clock.instant();
        store.recordSuccess(source(exchange), now, successfulPoll(source(exchange).interval(), notModified, validators,
                unchangedPolls, now));
    }

    private SuccessfulPoll successfulPoll(Duration sourceInterval, boolean notModified, Validators validators,
                                          int unchangedPolls, Instant now) {
        return new SuccessfulPoll(notModified, validators, unchangedPolls, now.plus(policy.interval(sourceInterval, unchangedPolls)));
    }

    /**
     * A failed poll: the source backs off, or waits as long as the server asked. Returns the reason as recorded,
     * with the server's request to wait added in words.
     */
    public String recordFailure(Exchange exchange, String reason) throws SQLException {
        int failures = state(exchange).consecutiveFailures() + 1;
        Optional<Duration> retryAfter = Optional.ofNullable(exchange.getProperty(RETRY_AFTER, Duration.class));
        String sentence = retryAfter.map(wait -> reason + " Der Server bittet, frühestens in " + GermanDurations.of(wait)
                + " wieder anzufragen (Retry-After).").orElse(reason);
        Instant now = clock.instant();
        Duration wait = policy.afterFailure(source(exchange).interval(), failures, retryAfter);
        counters.failed();
        store.recordFailure(source(exchange), now, new FailedPoll(sentence, policy.backingOff(failures, retryAfter.isPresent()), now.plus(wait)));
        return sentence;
    }

    private static PollState state(Exchange exchange) {
        return exchange.getProperty(STATE, PollState.NEW, PollState.class);
    }

    private static String sourceId(Exchange exchange) {
        return exchange.getProperty(IngestSteps.SOURCE_ID, String.class);
    }

    /** The definition the poll started with ({@link IngestSteps#prepare}). */
    private static Source source(Exchange exchange) {
        return exchange.getProperty(IngestSteps.SOURCE, Source.class);
    }
}
