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
 * @param status              {@code ok}, {@code failing} or {@code never-fetched}
 * @param lastAttempt         when it was last fetched, or null
 * @param lastSuccess         when a fetch last succeeded, or null
 * @param lastError           the last error in words an operator understands, or null
 * @param consecutiveFailures failed fetches since the last success
 * @param itemCount           items that came from this source
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
        long itemCount) {
}
