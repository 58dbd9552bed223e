package de.smartcity.catalogue.routes.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.smartcity.catalogue.model.AddressGuard;
import de.smartcity.catalogue.model.AllowList;
import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.routes.parse.FeedEntry;
import de.smartcity.catalogue.routes.parse.UnreadableSourceException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pagination and layout memory of HTML listings, with further pages fetched from a real local HTTP server. */
class ListingPagerTest {

    private static final FetchSettings FETCH = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, 5,
            FetchSettings.DEFAULT_USER_AGENT, AddressGuard.allowing(AllowList.parse("localhost, 127.0.0.1")));
    private static final HtmlSelectors PAGED = new HtmlSelectors("article", "h3", "h3 a", "time", "dd.MM.yyyy", "p",
            "a[rel=next]", 3);

    private static WireMockServer server;
    private CamelContext camel;
    private PageFetcher fetcher;
    private ListingPager pager;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void startCamel() {
        server.resetAll();
        camel = new DefaultCamelContext();
        camel.start();
        fetcher = new CamelPageFetcher(camel, FETCH.httpEndpointUri(), new BodyReader(FETCH.maxBytes()), FETCH.maxRedirects());
        pager = new ListingPager();
    }

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
    }

    /** A listing page with {@code count} stories numbered from {@code first} and an optional next link. */
    private static String page(int first, int count, String next) {
        String stories = IntStream.range(first, first + count)
                .mapToObj(n -> "<article><time>0" + (1 + n % 9) + ".11.2026</time><h3><a href=\"/meldungen/" + n
                        + "\">Meldung " + n + "</a></h3><p>Text " + n + "</p></article>")
                .collect(Collectors.joining("\n"));
        return "<html><body>" + stories + (next == null ? "" : "<nav><a rel=\"next\" href=\"" + next + "\">weiter</a></nav>")
                + "</body></html>";
    }

    private static void serve(String path, String html) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
    }

    private static FetchedBody body(String html) {
        return new FetchedBody(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    private static URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private List<String> titles(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::title).toList();
    }

    @Test
    void followsNextLinksUpToMaxPages() throws Exception {
        serve("/liste?seite=2", page(3, 2, "/liste?seite=3"));
        serve("/liste?seite=3", page(5, 2, "/liste?seite=4"));
        serve("/liste?seite=4", page(7, 2, "/liste?seite=5"));

        List<FeedEntry> entries = pager.collect("k21", body(page(1, 2, "/liste?seite=2")), url("/liste"), PAGED, fetcher);

        assertThat(titles(entries)).containsExactly("Meldung 1", "Meldung 2", "Meldung 3", "Meldung 4", "Meldung 5", "Meldung 6");
        assertThat(entries.get(2).link()).isEqualTo(server.baseUrl() + "/meldungen/3");
        server.verify(1, getRequestedFor(urlEqualTo("/liste?seite=2")));
        server.verify(1, getRequestedFor(urlEqualTo("/liste?seite=3")));
        server.verify(0, getRequestedFor(urlEqualTo("/liste?seite=4")));
    }

    @Test
    void readsOnePageWithoutNextSelector() throws Exception {
        HtmlSelectors single = new HtmlSelectors("article", "h3", "h3 a", null, null, null);

        List<FeedEntry> entries = pager.collect("k21", body(page(1, 2, "/liste?seite=2")), url("/liste"), single, fetcher);

        assertThat(entries).hasSize(2);
        server.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void readsAtMostTenPagesWhateverTheSelectorsSay() throws Exception {
        for (int n = 2; n <= 12; n++) {
            serve("/liste?seite=" + n, page(n * 10, 1, "/liste?seite=" + (n + 1)));
        }
        HtmlSelectors greedy = new HtmlSelectors("article", "h3", "h3 a", null, null, null, "a[rel=next]", 50);

        List<FeedEntry> entries = pager.collect("k21", body(page(1, 1, "/liste?seite=2")), url("/liste"), greedy, fetcher);

        assertThat(entries).hasSize(10);
        server.verify(9, getRequestedFor(anyUrl()));
    }

    @Test
    void stopsAtAPageItHasAlreadyRead() throws Exception {
        serve("/liste?seite=2", page(3, 2, "/liste"));

        List<FeedEntry> entries = pager.collect("k21", body(page(1, 2, "/liste?seite=2")), url("/liste"), PAGED, fetcher);

        assertThat(entries).hasSize(4);
        server.verify(1, getRequestedFor(anyUrl()));
    }

    @Test
    void stopsWhenAPageAddsNoNewStory() throws Exception {
        serve("/liste?seite=2", page(1, 2, "/liste?seite=3"));
        serve("/liste?seite=3", page(3, 2, null));

        List<FeedEntry> entries = pager.collect("k21", body(page(1, 2, "/liste?seite=2")), url("/liste"), PAGED, fetcher);

        assertThat(entries).hasSize(2);
        server.verify(0, getRequestedFor(urlEqualTo("/liste?seite=3")));
    }

    @Test
    void neverFollowsANextLinkToAnotherHostOrToAFile() throws Exception {
        List<FeedEntry> toFile = pager.collect("k21", body(page(1, 2, "file:///etc/passwd")), url("/liste"), PAGED, fetcher);
        List<FeedEntry> toOtherHost = pager.collect("k21", body(page(1, 2, "http://169.254.169.254/latest/meta-data/")),
                url("/liste"), PAGED, url -> {
                    throw new AssertionError("must not fetch " + url);
                });

        assertThat(toFile).hasSize(2);
        assertThat(toOtherHost).hasSize(2);
    }

    @Test
    void keepsTheStoriesOfEarlierPagesWhenALaterPageFails() throws Exception {
        server.stubFor(get(urlEqualTo("/liste?seite=2")).willReturn(aResponse().withStatus(503).withBody("Wartung")));

        List<FeedEntry> entries = pager.collect("k21", body(page(1, 2, "/liste?seite=2")), url("/liste"), PAGED, fetcher);

        assertThat(titles(entries)).containsExactly("Meldung 1", "Meldung 2");
    }

    @Test
    void followsARedirectOfANextPage() throws Exception {
        server.stubFor(get(urlEqualTo("/liste?seite=2")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/archiv/2")));
        serve("/archiv/2", page(3, 1, null));

        List<FeedEntry> entries = pager.collect("k21", body(page(1, 2, "/liste?seite=2")), url("/liste"), PAGED, fetcher);

        assertThat(titles(entries)).containsExactly("Meldung 1", "Meldung 2", "Meldung 3");
    }

    @Test
    void followsNextPagesOfALocalListing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("seite2.html"), page(3, 2, null));

        List<FeedEntry> entries = pager.collect("demo", body(page(1, 2, "seite2.html")), dir.resolve("seite1.html").toUri(),
                PAGED, fetcher);

        assertThat(entries).hasSize(4);
    }

    @Test
    void failsWhenTheFirstPageMatchesFarFewerStoriesThanLastTime() throws Exception {
        HtmlSelectors single = new HtmlSelectors("article", "h3", "h3 a", null, null, null);
        assertThat(pager.collect("k21", body(page(1, 12, null)), url("/liste"), single, fetcher)).hasSize(12);

        assertThatThrownBy(() -> pager.collect("k21", body(page(1, 1, null)), url("/liste"), single, fetcher))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Nur noch 1 Meldung gefunden, beim letzten erfolgreichen Abruf waren es 12: passt der Selektor "
                        + "'article' noch zum Layout der Seite?");
        assertThatThrownBy(() -> pager.collect("k21", body(page(1, 2, null)), url("/liste"), single, fetcher))
                .hasMessageStartingWith("Nur noch 2 Meldungen gefunden, beim letzten erfolgreichen Abruf waren es 12");
        // The third poll in a row with the small number accepts it as the listing's size.
        assertThat(pager.collect("k21", body(page(1, 2, null)), url("/liste"), single, fetcher)).hasSize(2);
        assertThat(pager.collect("k21", body(page(1, 2, null)), url("/liste"), single, fetcher)).hasSize(2);
    }

    @Test
    void acceptsNormalUpsAndDownsAndForgetsWhenTheSelectorChanges() throws Exception {
        HtmlSelectors single = new HtmlSelectors("article", "h3", "h3 a", null, null, null);
        HtmlSelectors fixed = new HtmlSelectors("main article", "h3", "h3 a", null, null, null);
        pager.collect("k21", body(page(1, 12, null)), url("/liste"), single, fetcher);

        assertThat(pager.collect("k21", body(page(1, 4, null)), url("/liste"), single, fetcher)).hasSize(4);
        assertThat(pager.collect("andere-quelle", body(page(1, 1, null)), url("/liste"), single, fetcher)).hasSize(1);
        pager.collect("k21", body(page(1, 12, null)), url("/liste"), single, fetcher);
        assertThat(pager.collect("k21", body("<main>" + page(1, 1, null) + "</main>"), url("/liste"), fixed, fetcher)).hasSize(1);
    }

    @Test
    void failsWhenTheFirstPageMatchesNothing() {
        assertThatThrownBy(() -> pager.collect("k21", body("<html><body><div class=\"neu\">Relaunch</div></body></html>"),
                url("/liste"), PAGED, fetcher))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("passt auf kein Element");
    }
    @Test
    void fetchesFurtherPagesThroughTheEndpointThatFetchedTheFirst() throws Exception {
        serve("/liste", page(1, 2, "/liste?seite=2"));
        serve("/liste?seite=2", page(3, 2, null));
        AtomicReference<List<FeedEntry>> collected = new AtomicReference<>();
        BodyReader reader = new BodyReader(FETCH.maxBytes());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:erste-seite")
                        .setHeader(Exchange.HTTP_URI, constant(url("/liste").toString()))
                        .to(FETCH.httpEndpointUri())
                        .process(exchange -> exchange.getMessage().setBody(new FetchedBody(reader.read(
                                exchange.getMessage().getBody(InputStream.class)),
                                exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class))))
                        // A later step may send the exchange elsewhere; the fetch endpoint is still found.
                        .to("direct:weitere-seiten");
                from("direct:weitere-seiten")
                        .process(exchange -> collected.set(pager.collect("k21", exchange.getMessage().getBody(FetchedBody.class),
                                url("/liste"), PAGED, CamelPageFetcher.sameEndpointAs(exchange, reader, 5))));
            }
        });

        camel.createProducerTemplate().sendBody("direct:erste-seite", null);

        assertThat(titles(collected.get())).containsExactly("Meldung 1", "Meldung 2", "Meldung 3", "Meldung 4");
        server.verify(1, getRequestedFor(urlEqualTo("/liste?seite=2")));
    }
}
