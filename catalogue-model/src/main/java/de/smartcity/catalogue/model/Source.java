package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A place that publishes news: a city's feed or press listing, or a portal reporting on many cities.
 *
 * @param id       stable identifier, lower-case letters, digits and dashes
 * @param city     the city the source reports on; null for portals that report on many cities,
 *                 whose items are placed by the city they name
 * @param url      http(s) or file URL of the feed or listing
 * @param kind     the format
 * @param interval how often to poll
 * @param html     selectors, only for {@link SourceKind#HTML}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String id, String city, URI url, SourceKind kind, Duration interval, HtmlSelectors html) {

    public Optional<String> cityName() {
        return Optional.ofNullable(city);
    }

    public Optional<HtmlSelectors> htmlSelectors() {
        return Optional.ofNullable(html);
    }

    /** A portal such as Kommune21: its items name the city they are about. */
    public boolean isMultiCity() {
        return city == null;
    }
}
