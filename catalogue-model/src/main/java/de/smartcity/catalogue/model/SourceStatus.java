package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The health of a source as an operator sees it.
 *
 * @param id                  source id
 * @param city                the city, or null for portals
 * @param url                 where it is fetched from
 * @param kind                its format
 * @param status              {@code ok} (the last poll brought the feed), {@code not-modified} (the server answered
 *                            304: nothing new), {@code failing} (the last poll failed), {@code backing-off} (it failed
 *                            several times in a row or the server asked us to wait, so it is polled less often until
 *                            it works again), {@code never-fetched} or {@code paused} (an admin paused it: not
 *                            polled until resumed)
 * @param lastAttempt         when it was last fetched, or null
 * @param lastSuccess         when a fetch last succeeded (a 304 counts), or null
 * @param lastError           the last error in words an operator understands, or null
 * @param consecutiveFailures failed fetches since the last success
 * @param nextPoll            when it is polled next, or null before its first poll (then it is due at once)
 * @param itemCount           items that came from this source
 * @param itemsLast30Days     of those, the items published in the 30 days before the question
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceStatus(
        String id,
        String city,
        String url,
        String kind,
        String status,
        Instant lastAttempt,
        Instant lastSuccess,
        String lastError,
        int consecutiveFailures,
        Instant nextPoll,
        long itemCount,
        long itemsLast30Days) {

    public static final String OK = "ok";
    public static final String NOT_MODIFIED = "not-modified";
    public static final String FAILING = "failing";
    public static final String BACKING_OFF = "backing-off";
    public static final String NEVER_FETCHED = "never-fetched";
    public static final String PAUSED = "paused";
}
