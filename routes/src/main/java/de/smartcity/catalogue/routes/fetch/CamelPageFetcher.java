package de.smartcity.catalogue.routes.fetch;

import de.smartcity.catalogue.routes.parse.UnreadableSourceException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Fetches further listing pages through the same camel-http endpoint as the first page, so they get the
 * same timeouts, user agent, connection pool and transparent decompression, and reads them with the same
 * {@link BodyReader} limits. Redirects are followed here, at most {@code maxRedirects}, only to http(s) and
 * never in a circle; only the URL travels as a header. Local listings ({@code file:}) are read from disk.
 */
public final class CamelPageFetcher implements PageFetcher {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final CamelContext context;
    private final String endpointUri;
    private final BodyReader bodyReader;
    private final int maxRedirects;

    /**
     * @param endpointUri the camel-http endpoint that fetches sources (see {@code FetchSettings#httpEndpointUri()});
     *                    null when only local pages are read
     */
    public CamelPageFetcher(CamelContext context, String endpointUri, BodyReader bodyReader, int maxRedirects) {
        this.context = context;
        this.endpointUri = endpointUri;
        this.bodyReader = bodyReader;
        this.maxRedirects = maxRedirects;
    }

    /**
     * A fetcher that uses the HTTP endpoint that fetched the exchange's first page, {@code http:catalogue-fetch}
     * (see {@code FetchSettings#httpEndpointUri()}): the last endpoint the exchange was sent to when it is that one,
     * else the one registered in the context; with neither, only local pages can be read.
     */
    public static CamelPageFetcher sameEndpointAs(Exchange exchange, BodyReader bodyReader, int maxRedirects) {
        String endpoint = Optional.ofNullable(exchange.getProperty(ExchangePropertyKey.TO_ENDPOINT, String.class))
                .filter(CamelPageFetcher::isFetchEndpoint)
                .or(() -> exchange.getContext().getEndpoints().stream().map(Endpoint::getEndpointUri)
                        .filter(CamelPageFetcher::isFetchEndpoint).findFirst())
                .orElse(null);
        return new CamelPageFetcher(exchange.getContext(), endpoint, bodyReader, maxRedirects);
    }

    private static boolean isFetchEndpoint(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://catalogue-fetch") || lower.startsWith("http:catalogue-fetch");
    }

    @Override
    public FetchedBody fetch(URI url) throws Exception {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return new FetchedBody(bodyReader.readLocal(url), null);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnreadableSourceException("Folgeseite hat keine http(s)-Adresse: " + url);
        }
        if (endpointUri == null) {
            throw new UnreadableSourceException("Kein HTTP-Endpunkt für Folgeseiten eingerichtet.");
        }
        Endpoint endpoint = context.getEndpoint(endpointUri);
        Producer producer = endpoint.createProducer();
        ServiceHelper.startService(producer);
        try {
            return fetch(endpoint, producer, url);
        } finally {
            ServiceHelper.stopAndShutdownService(producer);
        }
    }

    private FetchedBody fetch(Endpoint endpoint, Producer producer, URI url) throws Exception {
        URI current = url;
        Set<URI> visited = new HashSet<>(Set.of(url));
        while (true) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setHeader(Exchange.HTTP_URI, current.toString());
            producer.process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
            InputStream in = exchange.getMessage().getBody(InputStream.class);
            String location = exchange.getMessage().getHeader("Location", String.class);
            if (REDIRECTS.contains(status) && location != null) {
                BodyReader.abort(in);
                current = redirectTarget(current, location, visited);
                continue;
            }
            if (status < 200 || status > 299) {
                BodyReader.abort(in);
                throw new UnreadableSourceException("Folgeseite " + current + ": Server antwortet mit HTTP " + status + ".");
            }
            byte[] bytes = in == null ? new byte[0]
                    : bodyReader.read(in, exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, String.class));
            return new FetchedBody(bytes, exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class));
        }
    }

    private URI redirectTarget(URI current, String location, Set<URI> visited) throws UnreadableSourceException {
        if (visited.size() > maxRedirects) {
            throw new UnreadableSourceException("Folgeseite: mehr als " + maxRedirects + " Weiterleitungen.");
        }
        URI target;
        try {
            target = current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new UnreadableSourceException("Folgeseite: Weiterleitung auf eine ungültige Adresse: " + location);
        }
        String scheme = Optional.ofNullable(target.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnreadableSourceException("Folgeseite: Weiterleitung auf eine Adresse, die nicht http(s) ist: " + target);
        }
        if (!visited.add(target)) {
            throw new UnreadableSourceException("Folgeseite: Weiterleitungsschleife über " + target + ".");
        }
        return target;
    }
}
