package de.smartcity.catalogue.search.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.search.ApiDocument;
import de.smartcity.catalogue.search.ErrorBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web page: one HTML shell for every view, its stylesheet and script, the API's description for people, and
 * the answers for paths nothing else serves (JSON under {@code /api}, the shell with status 404 elsewhere, whose
 * script then says "not found").
 * The files come from the classpath directory {@code web/}; the shell names each asset with its content hash, so
 * browsers may keep assets for good and only ask again for the shell.
 */
public final class WebPage {
    private static final String ROOT = "web/";
    /** The views the script shows; each is served the shell, so every view has an address of its own. */
    /**
     * The largest request body the server reads ({@code Serve} sets it); a larger one is refused with 413 before any
     * route sees it. The largest body the API takes is an OPML import: 1,000 sources are about 300 KB.
     */
    public static final long MAX_REQUEST_BODY_BYTES = 1024 * 1024;
    private static final List<String> VIEWS = List.of("/", "/meldung/:id", "/vergleich", "/projekte", "/projekt/:slug", "/quellen",
            "/redaktion");
    /** What the shell loads; each is named with its content hash. */
    private static final List<String> ASSETS = List.of("app.css", "app.js");
    /** Modules the script imports only for the view that needs them, so public views never load them. */
    private static final List<String> MODULES = List.of("editor.js");
    /** The API's description for people, next to the machine-readable one at {@code /api/openapi.json}. */
    public static final String API_PAGE = "/api.html";
    private static final String REVALIDATE = "no-cache";
    private static final String FOREVER = "public, max-age=31536000, immutable";
    /** Defence in depth: even a text from a feed that slipped into the page as HTML could run no script. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final ObjectMapper json;
    private final StaticFile shell;
    private final Map<String, StaticFile> assets;
    private final StaticFile apiPage;

    private WebPage(ObjectMapper json, StaticFile shell, Map<String, StaticFile> assets, StaticFile apiPage) {
        this.json = json;
        this.shell = shell;
        this.assets = assets;
        this.apiPage = apiPage;
    }

    /**
     * The page bundled in this jar, and the API's description for people rendered from the OpenAPI document.
     *
     * @param api the OpenAPI document the app serves
     */
    public static WebPage bundled(ObjectMapper json, ApiDocument api) {
        Map<String, StaticFile> assets = new LinkedHashMap<>();
        String html = new String(read("index.html"), StandardCharsets.UTF_8);
        for (String name : ASSETS) {
            StaticFile asset = StaticFile.of(contentType(name), read("assets/" + name));
            assets.put(name, asset);
            String path = "/assets/" + name;
            if (!html.contains("\"" + path + "\"")) {
                throw new IllegalStateException("index.html does not load " + path);
            }
            html = html.replace("\"" + path + "\"", "\"" + path + "?v=" + asset.hash() + "\"");
        }
        for (String name : MODULES) {
            assets.put(name, StaticFile.of(contentType(name), read("assets/" + name)));
        }
        String stylesheet = "/assets/app.css?v=" + assets.get("app.css").hash();
        String apiHtml;
        try {
            apiHtml = ApiPage.render(json.readTree(api.json()), stylesheet);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document is not JSON", e);
        }
        return new WebPage(json, StaticFile.of(contentType("index.html"), html.getBytes(StandardCharsets.UTF_8)), assets,
                StaticFile.of(contentType("index.html"), apiHtml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds the page's handlers to the router the API is served by. */
    public void install(Router router) {
        for (String view : VIEWS) {
            router.route(view).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::sendShell);
        }
        router.route("/assets/:name").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::sendAsset);
        router.route(API_PAGE).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::sendApiPage);
        // Ordered after every other route, so it only sees requests that no route, the API's included, took. (The
        // router's own 404 handler is out of reach: Camel mounts this router below one it keeps to itself.)
        router.route().order(Integer.MAX_VALUE).handler(this::unmatched);
        // A failure handler, not the router's error handler: Camel's outer router would answer before that one.
        router.route().failureHandler(this::failed);
    }

    /** Vert.x's body handler stops reading at {@link #MAX_REQUEST_BODY_BYTES} and fails the request with 413. */
    private void failed(RoutingContext context) {
        if (context.statusCode() == 413 && isApi(context)) {
            sendError(context, 413, new ErrorBody("payload_too_large", "Parameter 'body': larger than the "
                    + MAX_REQUEST_BODY_BYTES / 1024 + " KB the server accepts"));
        } else {
            context.next();
        }
    }

    private void sendShell(RoutingContext context) {
        sendShell(context, 200);
    }

    private void sendShell(RoutingContext context, int status) {
        context.response()
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("Referrer-Policy", "same-origin");
        shell.send(context, status, REVALIDATE);
    }

    private void sendApiPage(RoutingContext context) {
        context.response()
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("Referrer-Policy", "same-origin");
        apiPage.send(context, 200, REVALIDATE);
    }

    private void sendAsset(RoutingContext context) {
        StaticFile asset = assets.get(context.pathParam("name"));
        if (asset == null) {
            notFound(context);
            return;
        }
        // Only the address the shell names is the current version; an old or bare one is checked again each time.
        boolean current = asset.hash().equals(context.request().getParam("v"));
        asset.send(context, 200, current ? FOREVER : REVALIDATE);
    }

    /** The API and the page only answer GET (and HEAD): another method is not allowed, an unknown path not found. */
    private void unmatched(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            if (isApi(context)) {
                sendError(context, 405, new ErrorBody("method_not_allowed", "The API only answers GET, not " + method));
            } else {
                context.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "GET, HEAD").end();
            }
        } else {
            notFound(context);
        }
    }

    private void notFound(RoutingContext context) {
        if (isApi(context)) {
            sendError(context, 404, new ErrorBody("not_found",
                    "No API endpoint at " + context.request().path() + "; the endpoints are described at /api/openapi.json"));
        } else {
            sendShell(context, 404);
        }
    }

    private static boolean isApi(RoutingContext context) {
        String path = context.request().path();
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/feeds/");
    }

    private void sendError(RoutingContext context, int status, ErrorBody body) {
        try {
            if (status == 405) {
                context.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS");
            }
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(Buffer.buffer(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body is two strings and always serialises", e);
        }
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            default -> throw new IllegalArgumentException("No content type known for " + name);
        };
    }

    private static byte[] read(String name) {
        try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("The web page's file " + ROOT + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT + name, e);
        }
    }
}
