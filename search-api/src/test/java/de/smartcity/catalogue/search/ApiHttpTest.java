package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.IngestMetrics;
import de.smartcity.catalogue.model.SourceStatus;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.search.web.WebPage;
import de.smartcity.catalogue.search.web.WebPageRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's HTTP manners on a real platform-http server: ETag and 304, Cache-Control, CORS with preflight, HEAD,
 * and the API's description for people. Only endpoints that need no Elasticsearch are asked.
 */
class ApiHttpTest {
    /** HTTP/1.1 as browsers speak it without TLS; the JDK's default would upgrade to cleartext HTTP/2. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final SourceStatus SOURCE = new SourceStatus("kommune21", null, "https://www.kommune21.de/meldungen",
            "html", "ok", Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:00:00Z"), null, 0,
            Instant.parse("2026-11-24T10:30:00Z"), 12, 3);
    private static CamelContext camel;
    private static URI base;
    private static SearchApiRoutes routes;

    @BeforeAll
    static void serve() throws Exception {
        LocalPlatformHttp server = LocalPlatformHttp.onFreePort();
        int port = server.port();
        base = server.base();
        ObjectMapper json = CatalogueJson.mapper();
        camel = server.camel();
        routes = new SearchApiRoutes(null, json, Taxonomy.bundled(), SourceDirectory.of(() -> List.of(SOURCE), List::of),
                () -> new IngestMetrics(Instant.EPOCH, 1, 0, 0, 12, 0), Optional.empty());
        camel.addRoutes(new ApiErrorHandling(new ApiResponses(json)));
        camel.addRoutes(routes);
        camel.addRoutes(new WebPageRoutes(WebPage.bundled(json, ApiDocument.describing(Vocabulary.of(Taxonomy.bundled()), json)), port));
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    @Test
    void answersCarryAnEtagAndMayBeReadFromAnyOrigin() throws Exception {
        HttpResponse<String> sources = send(get("/api/sources").header("Origin", "https://example.org"));

        assertThat(sources.statusCode()).isEqualTo(200);
        assertThat(sources.headers().firstValue("ETag").orElseThrow()).matches("\"[0-9a-f]{24}\"");
        assertThat(sources.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(sources.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag");
        assertThat(sources.body()).contains("\"id\":\"kommune21\"");
    }

    @Test
    void anUnchangedAnswerIs304WithoutABody() throws Exception {
        String etag = send(get("/api/sources/kommune21")).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = send(get("/api/sources/kommune21").header("If-None-Match", etag));
        HttpResponse<String> other = send(get("/api/sources/kommune21").header("If-None-Match", "\"0123\""));

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void answersAreKeptAMinuteHealthIsAskedForAgainAndErrorsAreNeverStored() throws Exception {
        HttpResponse<String> document = send(get("/api/openapi.json"));
        HttpResponse<String> metrics = send(get("/api/metrics"));
        HttpResponse<String> badParameter = send(get("/api/items?colour=blue"));
        HttpResponse<String> unknownSource = send(get("/api/sources/gibt-es-nicht"));
        HttpResponse<String> unknownPath = send(get("/api/nirgends"));

        assertThat(document.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(metrics.headers().firstValue("Cache-Control")).hasValue("no-cache");
        for (HttpResponse<String> error : List.of(badParameter, unknownSource, unknownPath)) {
            assertThat(error.statusCode()).as(error.uri().toString()).isIn(400, 404);
            assertThat(error.headers().firstValue("Cache-Control")).as(error.uri().toString()).hasValue("no-store");
            assertThat(error.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(error.body()).startsWith("{\"error\":");
        }
    }

    @Test
    void aPreflightIsAnsweredWithoutEchoingTheRequest() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(base.resolve("/api/items?q=Parken"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("if-none-match");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isPresent();
        assertThat(preflight.headers().map()).doesNotContainKeys("origin", "q", "access-control-request-method");
    }

    @Test
    void anotherOriginMayNeitherWriteNorSendAKey() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(base.resolve("/api/items/abc/hide"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD, OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");
    }

    @Test
    void anAnswerToARequestWithCredentialsIsNeverStored() throws Exception {
        HttpResponse<String> sources = send(get("/api/sources").header("Authorization", "Bearer sck_x"));

        assertThat(sources.statusCode()).isEqualTo(200);
        assertThat(sources.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() throws Exception {
        HttpResponse<String> get = send(get("/api/sources"));
        HttpResponse<String> head = send(HttpRequest.newBuilder(base.resolve("/api/sources"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpResponse<String> post = send(HttpRequest.newBuilder(base.resolve("/api/items"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(post.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theApiPageDescribesEveryEndpointAndTheWebPageLinksToIt() throws Exception {
        HttpResponse<String> page = send(get("/api.html"));
        HttpResponse<String> shell = send(get("/"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        routes.queryParameters().forEach((path, parameters) -> {
            assertThat(page.body()).contains("<code>GET " + path + "</code>");
            parameters.forEach(parameter -> assertThat(page.body()).contains("<code>" + parameter + "</code>"));
        });
        assertThat(page.body()).contains("id=\"schema-CompareResult\"").doesNotContain("<script");
        assertThat(shell.body()).contains("href=\"/api.html\"").contains("href=\"/api/openapi.json\"");
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
