package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.search.feed.FeedIds;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 6's "Done when", as a portal editor does it: a key made with the command line, the page in headless Chromium,
 * the review queue worked through by keyboard, a wrong theme corrected, a duplicate the machine missed merged, an item
 * featured, and the winter-service feed read as a feed reader reads it; then the app stopped, {@code reindex} run and
 * the app started again on the same data directory and Elasticsearch node, and all of it is still there. The news come
 * from real local feeds: a city's press releases and a portal that reports one of them a week later, in its own words.
 */
@ExtendWith(SharedElasticsearch.class)
class EditorWalkIT {
    private static final String CITY_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Stadt Ulm</title><link>https://www.ulm.de/</link><description>Presse</description>
            <item><title>Glättemeldeanlagen an drei Brücken warnen vor Glatteis</title>
            <link>https://www.ulm.de/presse/glaettemeldeanlagen-bruecken</link>
            <description>An drei Donaubrücken messen Glättemeldeanlagen Fahrbahntemperatur und Feuchte und warnen den Winterdienst.</description>
            <pubDate>Sun, 22 Nov 2026 09:00:00 +0100</pubDate></item>
            <item><title>Schnee aus der Innenstadt kommt auf das Gelände des Wertstoffhofs</title>
            <link>https://www.ulm.de/presse/schnee-wertstoffhof</link>
            <description>Die Entsorgung großer Mengen Schnee aus der Fußgängerzone übernimmt der Wertstoffhof am Donautal.</description>
            <pubDate>Sat, 21 Nov 2026 09:00:00 +0100</pubDate></item>
            <item><title>Räumpläne für Geh- und Radwege jetzt online</title>
            <link>https://www.ulm.de/presse/raeumplaene-online</link>
            <description>Wann der Räumdienst welche Geh- und Radwege räumt und streut, zeigt eine Karte im Stadtportal.</description>
            <pubDate>Fri, 20 Nov 2026 09:00:00 +0100</pubDate></item>
            <item><title>Zwölf neue Ladesäulen am Hauptbahnhof</title>
            <link>https://www.ulm.de/presse/ladesaeulen-hauptbahnhof</link>
            <description>Am Hauptbahnhof laden Elektroautos jetzt an zwölf Säulen der Stadtwerke.</description>
            <pubDate>Thu, 19 Nov 2026 09:00:00 +0100</pubDate></item>
            <item><title>Winterdienst startet: 20 Streufahrzeuge sind bereit</title>
            <link>https://www.ulm.de/presse/winterdienst-startet</link>
            <description>Die Entsorgungsbetriebe haben 20 Streufahrzeuge und 3.000 Tonnen Streusalz für den Winterdienst bereitgestellt.</description>
            <pubDate>Mon, 16 Nov 2026 09:00:00 +0100</pubDate></item>
            </channel></rss>
            """;
    /** The city's winter-service start, reported a week later and worded anew: too far apart for the machine to merge. */
    private static final String PORTAL_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Kommune21</title><link>https://www.kommune21.de/</link><description>Meldungen</description>
            <item><title>Ulm: Stadt schickt zwanzig Streufahrzeuge in den Winterdienst</title>
            <link>https://www.kommune21.de/meldungen/ulm-streufahrzeuge-winterdienst</link>
            <description>Mit zwanzig Fahrzeugen und einem vollen Salzlager geht Ulm in die Saison.</description>
            <pubDate>Mon, 23 Nov 2026 10:00:00 +0100</pubDate></item>
            </channel></rss>
            """;
    private static final String HIDE_REASON = "Technikmeldung ohne Bezug für unsere Leser";
    private static final String THEME_REASON = "Es geht um die Schneeräumung";
    private static final String MERGE_REASON = "Gleiche Meldung, eine Woche später";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalFeeds feeds;
    private List<Source> sources;
    private int port;
    private ServedCatalogue served;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void serveTheFeedsAndIngestThem() throws Exception {
        ItDataDir.enter("editor-walk");
        feeds = LocalFeeds.serving(Map.of("/city.rss", () -> CITY_FEED, "/portal.rss", () -> PORTAL_FEED));
        sources = List.of(
                new Source("ulm-presse", "Ulm", feeds.url("/city.rss"), SourceKind.RSS, Duration.ofHours(1), null),
                new Source("kommune21", null, feeds.url("/portal.rss"), SourceKind.RSS, Duration.ofHours(1), null));
        assertThat(IngestOnce.run(sources, new PrintStream(OutputStream.nullOutputStream()))).isZero();
        port = ServedCatalogue.freePort();
        served = ServedCatalogue.start(sources, port);
        chromium = HeadlessChromium.start(served.api().base().toString());
        browser = chromium.driver();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (served != null) {
            served.close();
        }
        feeds.close();
        ItDataDir.restore();
    }

    @Test
    void anEditorsWorkSurvivesARestartAndAReindex() throws Exception {
        String editorKey = EditorialApiIT.createKey("editor", "Redaktion Kommune21, A. Schmidt");
        String bridges = idOf("glaettemeldeanlagen-bruecken");
        String snow = idOf("schnee-wertstoffhof");
        String plans = idOf("raeumplaene-online");
        String charging = idOf("ladesaeulen-hauptbahnhof");
        String start = idOf("winterdienst-startet");
        String duplicate = idOf("ulm-streufahrzeuge-winterdienst");
        assertThat(item(snow).path("themes").findValuesAsText("id")).as("the tagger's wrong theme").contains("waste");

        chromium.open("/");
        browser.findElement(By.cssSelector(".site-nav a[href='/redaktion']")).click();
        chromium.settle();
        browser.findElement(By.id("api-schluessel")).sendKeys(editorKey, Keys.ENTER);
        chromium.settle();
        assertThat(queueIds()).containsExactly(duplicate, bridges, snow, plans, charging, start);

        mergeInBrowser(start, "Streufahrzeuge Ulm", duplicate);
        assertThat(queueIds()).as("the merged item left the queue").containsExactly(bridges, snow, plans, charging, start);
        assertThat(node(start).findElement(By.cssSelector(".review-merged")).getText())
                .contains("Ulm: Stadt schickt zwanzig Streufahrzeuge in den Winterdienst", "kommune21");

        correctThemesInBrowser(snow, "winter-service");

        // Through the queue by keyboard: hide, approve, feature, approve, approve; focus follows.
        chromium.script("document.querySelector('.review-item').focus()");
        assertThat(focusedId()).isEqualTo(bridges);
        keys("h");
        keys(HIDE_REASON, Keys.ENTER);
        chromium.waitUntil(() -> !queueIds().contains(bridges));
        decideByKey("a", snow, plans);
        decideByKey("f", plans, charging);
        decideByKey("a", charging, start);
        keys("a");
        chromium.waitUntil(() -> queueIds().isEmpty());
        assertThat(browser.findElement(By.id("trefferzahl")).getText()).isEqualTo("0 Meldungen im Zustand „neu“");

        assertWinterFeed(start, snow, plans, duplicate);

        // An operator restarts the app and rebuilds the index from the database.
        served.close();
        served = null;
        assertThat(Reindex.run(sources)).isZero();
        served = ServedCatalogue.start(sources, port);

        chromium.open("/redaktion");
        assertThat(browser.findElements(By.id("api-schluessel"))).as("the tab's session outlives the restart").isEmpty();
        assertThat(queueIds()).isEmpty();
        showState("approved");
        assertThat(queueIds()).containsExactlyInAnyOrder(snow, charging, start);
        assertThat(node(snow).findElement(By.cssSelector(".review-themes")).getText())
                .contains("Winterdienst", THEME_REASON, "von der Redaktion").doesNotContain("Abfall");
        assertThat(node(start).findElement(By.cssSelector(".review-merged")).getText())
                .contains("Ulm: Stadt schickt zwanzig Streufahrzeuge in den Winterdienst");
        assertThat(auditInBrowser(start)).contains("zusammengeführt", MERGE_REASON, "freigegeben", "Redaktion Kommune21, A. Schmidt");
        assertThat(auditInBrowser(snow)).contains("Themen korrigiert", THEME_REASON);
        showState("featured");
        assertThat(queueIds()).containsExactly(plans);
        showState("hidden");
        assertThat(queueIds()).containsExactly(bridges);
        assertThat(auditInBrowser(bridges)).contains("ausgeblendet", HIDE_REASON);

        assertWinterFeed(start, snow, plans, duplicate);
        assertThat(served.api().get("/api/items/" + bridges).status()).as("hidden").isEqualTo(404);
        assertThat(served.api().get("/api/items/" + duplicate).status()).as("merged").isEqualTo(404);
        assertThat(texts(item(start).path("sources"))).containsExactlyInAnyOrder("ulm-presse", "kommune21");
    }

    /** On the kept item: find the other by what it says, pick it, confirm; the other leaves, the kept one lists it. */
    private void mergeInBrowser(String kept, String query, String other) {
        WebElement item = node(kept);
        item.findElement(By.xpath(".//summary[text()='Duplikat zusammenführen']")).click();
        WebElement search = item.findElement(By.cssSelector(".merge-form .finder-query"));
        assertThat(search.getAccessibleName()).startsWith("Duplikat suchen");
        search.clear();
        search.sendKeys(query, Keys.ENTER);
        chromium.waitUntil(() -> !item.findElements(By.cssSelector(".merge-form input[value='" + other + "']")).isEmpty());
        WebElement choice = item.findElement(By.cssSelector(".merge-form input[value='" + other + "']"));
        assertThat(choice.getAccessibleName()).as("title, city and date to pick by")
                .contains("Ulm: Stadt schickt zwanzig Streufahrzeuge", "Ulm", "23.11.2026");
        choice.click();
        item.findElement(By.cssSelector(".merge-form .edit-reason")).sendKeys(MERGE_REASON);
        item.findElement(By.cssSelector(".merge-form button[type=submit]")).click();
        WebElement confirm = browser.switchTo().activeElement();
        assertThat(confirm.getText()).isEqualTo("Ja, zusammenführen");
        assertThat(item.findElement(By.cssSelector(".merge-question")).getText()).contains("Ulm: Stadt schickt", "Winterdienst startet");
        confirm.sendKeys(Keys.ENTER);
        chromium.waitUntil(() -> !queueIds().contains(other));
        assertThat(focusedId()).as("focus back on the kept item").isEqualTo(kept);
    }

    private void correctThemesInBrowser(String id, String theme) {
        WebElement item = node(id);
        item.findElement(By.xpath(".//summary[text()='Themen korrigieren']")).click();
        item.findElements(By.cssSelector(".theme-choice input:checked")).forEach(WebElement::click);
        item.findElement(By.cssSelector(".theme-choice input[value='" + theme + "']")).click();
        item.findElement(By.cssSelector(".review-edit[open] .edit-reason")).sendKeys(THEME_REASON, Keys.ENTER);
        chromium.waitUntil(() -> node(id).findElement(By.cssSelector(".review-themes")).getText().contains(THEME_REASON));
    }

    private void decideByKey(String key, String decided, String next) {
        assertThat(focusedId()).isEqualTo(decided);
        keys(key);
        chromium.waitUntil(() -> !queueIds().contains(decided));
        assertThat(focusedId()).as("focus moves on").isEqualTo(next);
    }

    private void showState(String state) {
        new Select(browser.findElement(By.id("zustand"))).selectByValue(state);
        browser.findElement(By.cssSelector(".compare-form button[type=submit]")).click();
        chromium.waitUntil(() -> browser.getCurrentUrl().endsWith("/redaktion?state=" + state));
    }

    private String auditInBrowser(String id) {
        WebElement item = node(id);
        item.findElement(By.xpath(".//summary[text()='Verlauf']")).click();
        chromium.waitUntil(() -> !item.findElements(By.cssSelector(".audit-entry")).isEmpty());
        return item.findElement(By.cssSelector(".audit-list")).getText();
    }

    /**
     * The feed as a reader subscribes to it, parsed with ROME: the approved, featured and corrected winter-service
     * items are there, the merged one only as a related link of the item it joined; nothing hidden, nothing else.
     */
    private void assertWinterFeed(String start, String snow, String plans, String merged) throws Exception {
        SyndFeed feed = subscribe("/feeds/items.atom?theme=winter-service");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
                .containsExactlyInAnyOrder(FeedIds.item(start), FeedIds.item(snow), FeedIds.item(plans))
                .doesNotContain(FeedIds.item(merged));
        SyndEntry kept = feed.getEntries().stream().filter(entry -> entry.getUri().equals(FeedIds.item(start))).findFirst().orElseThrow();
        assertThat(kept.getLinks()).extracting(SyndLink::getHref)
                .contains("https://www.kommune21.de/meldungen/ulm-streufahrzeuge-winterdienst");
    }

    private SyndFeed subscribe(String path) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(served.api().base().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (XmlReader reader = new XmlReader(response.body())) {
            return new SyndFeedInput().build(reader);
        }
    }

    private String idOf(String urlEnd) throws Exception {
        JsonNode items = served.api().get("/api/items?size=20").json().path("items");
        return StreamSupport.stream(items.spliterator(), false).filter(item -> item.path("url").asText().endsWith(urlEnd))
                .findFirst().orElseThrow(() -> new AssertionError("no item of " + urlEnd + " in " + items)).path("id").asText();
    }

    private JsonNode item(String id) throws Exception {
        ApiClient.Answer answer = served.api().get("/api/items/" + id);
        assertThat(answer.status()).as(id).isEqualTo(200);
        return answer.json();
    }

    private List<String> queueIds() {
        return chromium.attributes(".review-item", "data-id");
    }

    private WebElement node(String id) {
        return browser.findElement(By.cssSelector(".review-item[data-id='" + id + "']"));
    }

    private String focusedId() {
        return browser.switchTo().activeElement().getDomAttribute("data-id");
    }

    private void keys(CharSequence... keys) {
        browser.switchTo().activeElement().sendKeys(keys);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
