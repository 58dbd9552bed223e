package de.smartcity.catalogue.routes.fetch;

import java.time.Duration;

/**
 * Limits for fetching a source.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the response
 * @param maxBytes       the largest body accepted
 * @param maxRedirects   how many redirects are followed
 * @param userAgent      the User-Agent header, naming the project
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects, String userAgent) {
    public static final String DEFAULT_USER_AGENT = "SmartCityCatalogue/0.1 (Katalog kommunaler Smart-City-Meldungen)";

    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), 10L * 1024 * 1024, 5, DEFAULT_USER_AGENT);
    }

    /**
     * The camel-http endpoint that fetches every source; the URL travels in the CamelHttpUri header.
     * It does not follow redirects itself: the ingest route does, so it knows where the source now lives.
     */
    public String httpEndpointUri() {
        return "http:catalogue-fetch?throwExceptionOnFailure=false&followRedirects=false&disableStreamCache=true"
                + "&connectTimeout=" + connectTimeout.toMillis()
                + "&responseTimeout=" + readTimeout.toMillis()
                + "&soTimeout=" + readTimeout.toMillis()
                + "&userAgent=RAW(" + userAgent + ")";
    }
}
