package de.smartcity.catalogue.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.search.ApiDocument;
import de.smartcity.catalogue.search.LocalPlatformHttp;
import de.smartcity.catalogue.search.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page on a real platform-http server next to a REST route, asked over HTTP as a browser would. */
class WebPageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CamelContext camel;
    private static URI base;

    @BeforeAll
    static void serve() throws Exception {
        LocalPlatformHttp server = LocalPlatformHttp.onFreePort();
        int port = server.port();
        base = server.base();
        camel = server.camel();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);
                rest("/api").get("/items").to("direct:items");
                from("direct:items").setBody(constant("{\"total\":0}"));
            }
        });
        ObjectMapper json = new ObjectMapper();
        camel.addRoutes(new WebPageRoutes(WebPage.bundled(json, ApiDocument.describing(Vocabulary.of(Taxonomy.bundled()), json)), port));
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?q=Parken&state=Hessen", "/quellen", "/meldung/e7dd04c52c137516f99b", "/vergleich?field=Mobilit%C3%A4t",
            "/projekte?theme=parking", "/projekt/kl-parksensoren", "/redaktion", "/redaktion?state=hidden"})
    void everyViewGetsTheShellWhichTheBrowserAsksAgainEachTime(String path) throws Exception {
        HttpResponse<String> page = get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(page.body()).contains("<main id=\"inhalt\"");
    }

    @Test
    void assetsAreNamedByTheirContentAndKeptForGood() throws Exception {
        String script = assetPath(get("/").body(), "app.js");

        HttpResponse<String> versioned = get(script);
        HttpResponse<String> bare = get("/assets/app.js");

        assertThat(script).matches("/assets/app\\.js\\?v=[0-9a-f]{16}");
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(versioned.body()).contains("function highlighted(");
        assertThat(bare.headers().firstValue("Cache-Control")).as("an address without the version").hasValue("no-cache");
        assertThat(get(assetPath(get("/").body(), "app.css")).headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=utf-8");
    }

    @Test
    void theEditorsModuleIsServedButNotLoadedByTheShell() throws Exception {
        HttpResponse<String> module = get("/assets/editor.js");

        assertThat(get("/").body()).doesNotContain("editor.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(module.headers().firstValue("Cache-Control")).as("imported without a version").hasValue("no-cache");
        assertThat(module.body()).contains("export async function render(");
    }

    @Test
    void browsersThatTakeGzipGetItCompressed() throws Exception {
        HttpResponse<byte[]> plain = HTTP.send(request("/assets/app.js").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = HTTP.send(request("/assets/app.js").header("Accept-Encoding", "gzip, deflate, br").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aBrowserHoldingTheCurrentVersionGets304() throws Exception {
        String etag = get("/").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = HTTP.send(request("/").header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stale = HTTP.send(request("/").header("If-None-Match", "\"0000000000000000\"").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @Test
    void theApiStillAnswersItsOwnPaths() throws Exception {
        HttpResponse<String> items = get("/api/items");

        assertThat(items.statusCode()).isEqualTo(200);
        assertThat(items.body()).isEqualTo("{\"total\":0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/nichts", "/api/items/1/similar", "/api"})
    void unknownApiPathsAnswerWithTheApisJsonError(String path) throws Exception {
        HttpResponse<String> answer = get(path);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(answer.body()).startsWith("{\"error\":\"not_found\",\"message\":\"No API endpoint at ");
    }

    @Test
    void otherMethodsOnTheApiAnswer405AsJson() throws Exception {
        HttpResponse<String> answer = HTTP.send(request("/api/items").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.body()).contains("\"error\":\"method_not_allowed\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gibt-es-nicht", "/meldung", "/meldung/a/b", "/assets/fehlt.js", "/quellen/kommune21",
            "/projekt", "/projekte/kl-parksensoren"})
    void unknownPagesGetTheShellWith404SoThePageCanSaySo(String path) throws Exception {
        HttpResponse<String> answer = get(path);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(answer.body()).contains("<main id=\"inhalt\"");
    }

    @Test
    void gzipIsRefusedWhenTheClientSaysSo() {
        assertThat(StaticFile.acceptsGzip("gzip;q=0, br")).isFalse();
        assertThat(StaticFile.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(StaticFile.acceptsGzip("identity")).isFalse();
        assertThat(StaticFile.acceptsGzip(null)).isFalse();
    }

    private static String assetPath(String html, String name) {
        Matcher matcher = Pattern.compile("\"(/assets/" + Pattern.quote(name) + "[^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("the shell loads " + name).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }
}
