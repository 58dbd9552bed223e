package de.smartcity.catalogue.search;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;

/**
 * HTTP headers every answer under {@code /api} and {@code /feeds} carries, set on the Vert.x router in front of Camel's routes:
 * platform-http drops {@code Cache-Control} from a route's answer, Camel's own CORS support sends the request's
 * headers back on a preflight, and the JSON 404 and 405 of unknown paths never reach a route.
 *
 * <ul>
 *   <li>CORS: any origin may read with GET; a preflight ({@code OPTIONS}) is answered here, with 204. It allows
 *       neither the write methods nor the {@code Authorization} header, so a page of another origin can never make a
 *       browser send an editor's key or a write.</li>
 *   <li>{@code Cache-Control}: answers change when news come in, so successful ones may be kept a minute
 *       ({@code public, max-age=60}); source health and counters are asked again each time ({@code no-cache}, cheap
 *       with the ETag); errors, writes and answers to requests with credentials are never stored
 *       ({@code no-store}).</li>
 * </ul>
 * The {@code ETag} itself comes with the body, from {@link ApiResponses}.
 */
public final class ApiHttpHeaders {
    static final String CACHEABLE = "public, max-age=60";
    static final String REVALIDATE = "no-cache";
    static final String NEVER_STORE = "no-store";
    private static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    private static final String ONE_DAY = "86400";

    /** Adds the handler before every other handler of the router for {@code /api}, {@code /feeds} and below. */
    public void install(Router router) {
        router.route("/api/*").order(-1).handler(this::handle);
        router.route("/feeds/*").order(-1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (context.request().method().equals(HttpMethod.HEAD)) {
            // Camel's routes take GET only; Vert.x sends no body in answer to HEAD whatever the handler writes.
            context.reroute(HttpMethod.GET, context.request().uri());
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (context.request().method().equals(HttpMethod.OPTIONS)) {
            String requested = context.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, ONE_DAY)
                    .putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS)
                    .putHeader(HttpHeaders.CACHE_CONTROL, NEVER_STORE);
            String allowed = requested == null ? "" : String.join(",", Arrays.stream(requested.split(","))
                    .map(String::strip).filter(header -> !header.equalsIgnoreCase(HttpHeaders.AUTHORIZATION.toString()))
                    .toList());
            if (!allowed.isEmpty()) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowed);
            }
            response.setStatusCode(204).end();
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag");
        String path = context.request().path();
        boolean personal = !context.request().method().equals(HttpMethod.GET)
                || context.request().headers().contains(HttpHeaders.AUTHORIZATION);
        context.addHeadersEndHandler(ignored -> response.putHeader(HttpHeaders.CACHE_CONTROL,
                personal ? NEVER_STORE : cacheControl(path, response.getStatusCode())));
        context.next();
    }

    static String cacheControl(String path, int status) {
        if (status != 200 && status != 304) {
            return NEVER_STORE;
        }
        return path.startsWith("/api/sources") || path.startsWith("/api/metrics") ? REVALIDATE : CACHEABLE;
    }
}
