package de.smartcity.catalogue.routes.fetch;

import de.smartcity.catalogue.model.AddressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Limits for fetching a source.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the response
 * @param maxBytes       the largest body accepted
 * @param maxRedirects   how many redirects are followed
 * @param userAgent      the User-Agent header, naming the project
 * @param addressGuard   where sources may not lead (internal addresses), and the exceptions allowed
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects, String userAgent,
                            AddressGuard addressGuard) {
    public static final String DEFAULT_USER_AGENT = "SmartCityCatalogue/0.1 (Katalog kommunaler Smart-City-Meldungen)";

    /** The limits of production; no internal address is allowed. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), 10L * 1024 * 1024, 5, DEFAULT_USER_AGENT,
                AddressGuard.refusingInternal());
    }

    public FetchSettings withAddressGuard(AddressGuard guard) {
        return new FetchSettings(connectTimeout, readTimeout, maxBytes, maxRedirects, userAgent, guard);
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

    /**
     * Makes the component's HTTP client resolve every host through the {@link #addressGuard}, so each connection
     * (the first request, every redirect hop, every further listing page) is checked against the very addresses it
     * connects to: a name that resolved outside when the source was saved and inside now (DNS rebinding) is refused.
     * Call it before the component creates its first endpoint. The pool sizes are the component's; the socket
     * timeout, which camel-http would otherwise set on a pool of its own making, is the read timeout.
     */
    public void guardConnections(HttpComponent component) {
        component.setClientConnectionManager(connectionManager(component.getMaxTotalConnections(),
                component.getConnectionsPerRoute()));
    }

    private HttpClientConnectionManager connectionManager(int maxTotal, int perRoute) {
        DnsResolver resolver = new SystemDefaultDnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return addressGuard.resolve(host);
            }
        };
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setMaxConnTotal(maxTotal)
                .setMaxConnPerRoute(perRoute)
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(readTimeout)).build())
                .build();
    }
}
