package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.search.feed.FeedIds;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The editors' view in headless Chromium, worked as an editor would: log in with a key made for the test, approve an
 * item by keyboard, hide one with a reason, correct one's themes, read the audit trail; then the public side shows the
 * result (the feed carries the approved item, search no longer finds the hidden one).
 */
@ExtendWith(SharedElasticsearch.class)
class EditorPageIT {
    private static final String REASON = "Werbebeitrag, keine Meldung";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ServedCatalogue served;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static String base;
    private static String editorKey;

    @BeforeAll
    static void serveTheDemoWithAnEditorKey() throws Exception {
        ItDataDir.enter("editor-page");
        List<Source> sources = Catalogue.configuredSources(Optional.of(Catalogue.DEMO_SOURCES));
        assertThat(IngestOnce.run(sources, new PrintStream(OutputStream.nullOutputStream()))).isZero();
        editorKey = EditorialApiIT.createKey("editor", "Redaktion Kommune21");
        served = ServedCatalogue.start(sources);
        base = served.api().base().toString();
        chromium = HeadlessChromium.start(base);
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (served != null) {
            served.close();
        }
        ItDataDir.restore();
    }

    @Test
    void anEditorWorksThroughTheQueueByKeyboard() throws Exception {
        chromium.open("/");
        browser.findElement(By.cssSelector(".site-nav a[href='/redaktion']")).click();
        chromium.settle();
        logIn(editorKey);

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/redaktion");
        assertThat(chromium.script("return sessionStorage.getItem('smartcity.editorKey')")).isEqualTo(editorKey);
        assertThat(chromium.script("return localStorage.length")).isEqualTo(0L);
        browser.navigate().refresh();
        chromium.settle();
        assertThat(browser.findElements(By.id("api-schluessel"))).as("still logged in after a reload").isEmpty();
        List<String> queue = queueIds();
        assertThat(queue).hasSizeGreaterThanOrEqualTo(4);
        chromium.screenshot("editor");

        chromium.script("document.querySelector('.review-item').focus()");
        keys("j");
        assertThat(focusedId()).isEqualTo(queue.get(1));
        keys(Keys.ARROW_UP);
        assertThat(focusedId()).isEqualTo(queue.get(0));
        keys("a");
        chromium.waitUntil(() -> !queueIds().contains(queue.get(0)));
        assertThat(focusedId()).as("focus moves to the next item").isEqualTo(queue.get(1));

        keys("h");
        keys(Keys.ESCAPE);
        assertThat(focusedId()).as("Escape gives up hiding").isEqualTo(queue.get(1));
        keys("h");
        assertThat(browser.switchTo().activeElement().getAccessibleName()).isEqualTo("Grund fürs Ausblenden");
        keys(REASON, Keys.ENTER);
        chromium.waitUntil(() -> !queueIds().contains(queue.get(1)));
        assertThat(focusedId()).isEqualTo(queue.get(2));

        WebElement corrected = item(queue.get(2));
        corrected.findElement(By.xpath(".//summary[text()='Themen korrigieren']")).click();
        WebElement box = corrected.findElement(By.cssSelector(".theme-choice input[value='waste']"));
        List<WebElement> checked = corrected.findElements(By.cssSelector(".theme-choice input:checked"));
        checked.forEach(WebElement::click);
        box.click();
        corrected.findElement(By.cssSelector(".review-edit[open] .edit-reason")).sendKeys("Es geht um Abfall", Keys.ENTER);
        chromium.waitUntil(() -> corrected.findElement(By.cssSelector(".review-themes")).getText().contains("Es geht um Abfall"));
        assertThat(corrected.findElement(By.cssSelector(".review-themes")).getText()).contains("Abfall");

        corrected.findElement(By.xpath(".//summary[text()='Verlauf']")).click();
        chromium.waitUntil(() -> corrected.findElements(By.cssSelector(".audit-entry")).size() == 1);
        assertThat(corrected.findElement(By.cssSelector(".audit-entry")).getText())
                .contains("Themen korrigiert", "Redaktion Kommune21", "Es geht um Abfall");

        new Select(browser.findElement(By.id("zustand"))).selectByValue("hidden");
        browser.findElement(By.cssSelector(".compare-form button[type=submit]")).click();
        chromium.settle();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/redaktion?state=hidden").doesNotContain(editorKey);
        WebElement hidden = item(queue.get(1));
        hidden.findElement(By.xpath(".//summary[text()='Verlauf']")).click();
        chromium.waitUntil(() -> !hidden.findElements(By.cssSelector(".audit-entry")).isEmpty());
        assertThat(hidden.findElement(By.cssSelector(".audit-entry")).getText()).contains("ausgeblendet", REASON);

        chromium.waitUntil(() -> fetch("/feeds/items.atom?size=200").contains(FeedIds.item(queue.get(0))));
        assertThat(fetch("/feeds/items.atom?size=200")).doesNotContain(FeedIds.item(queue.get(1)));
        String hiddenTitle = hidden.findElement(By.cssSelector("h3")).getText();
        assertThat(served.api().get("/api/items/" + queue.get(1)).status()).isEqualTo(404);
        assertThat(served.api().get("/api/items?size=100&q=" + URLEncoder.encode(hiddenTitle, StandardCharsets.UTF_8)).json()
                .path("items").findValuesAsText("id")).doesNotContain(queue.get(1));
    }

    @Test
    void anEditorLinksAProjectAndSplitsTheMachinesMerge() throws Exception {
        JsonNode merged = StreamSupport.stream(served.api().get("/api/items?city=Mannheim&size=100").json().path("items").spliterator(), false)
                .filter(item -> !item.path("merged").isEmpty()).findFirst().orElseThrow();
        String id = merged.path("id").asText();
        String report = merged.path("merged").path(0).path("url").asText();
        chromium.open("/redaktion?city=Mannheim&state=" + reviewState(id));
        if (!browser.findElements(By.id("api-schluessel")).isEmpty()) {
            logIn(editorKey);
        }
        WebElement item = item(id);

        item.findElement(By.xpath(".//summary[text()='Mit Projekt verknüpfen']")).click();
        WebElement search = item.findElement(By.cssSelector(".link-form .finder-query"));
        search.clear();
        search.sendKeys("Datenplattform", Keys.ENTER);
        chromium.waitUntil(() -> !item.findElements(By.cssSelector(".link-form input[value='ma-datenplattform']")).isEmpty());
        item.findElement(By.cssSelector(".link-form input[value='ma-datenplattform']")).click();
        item.findElement(By.cssSelector(".link-form .edit-reason")).sendKeys("Die Karte läuft über die Datenplattform", Keys.ENTER);
        chromium.waitUntil(() -> !item(id).findElements(By.cssSelector(".project-link[data-slug='ma-datenplattform']")).isEmpty());
        WebElement link = item(id).findElement(By.cssSelector(".project-link[data-slug='ma-datenplattform']"));
        assertThat(link.getText()).contains("von der Redaktion", "Die Karte läuft über die Datenplattform");
        assertThat(served.api().get("/api/items/" + id).json().path("projects").findValuesAsText("slug")).contains("ma-datenplattform");
        link.findElement(By.tagName("button")).click();
        chromium.waitUntil(() -> item(id).findElements(By.cssSelector(".project-link[data-slug='ma-datenplattform']")).isEmpty());

        item(id).findElement(By.cssSelector(".merged-report button")).click();
        chromium.waitUntil(() -> item(id).findElements(By.cssSelector(".review-merged")).isEmpty());
        assertThat(served.api().get("/api/items/" + id).json().path("merged")).isEmpty();
        assertThat(StreamSupport.stream(served.api().get("/api/items?size=100").json().path("items").spliterator(), false)
                .map(found -> found.path("url").asText())).as("the report is an item of its own again").contains(report);
    }

    @Test
    void anEditorAcceptsAndRejectsSuggestedLinksOnTheProjectPage() throws Exception {
        String slug = projectWithSuggestions();
        chromium.open("/redaktion");
        if (!browser.findElements(By.id("api-schluessel")).isEmpty()) {
            logIn(editorKey);
        }
        chromium.open("/projekt/" + slug);
        chromium.waitUntil(() -> browser.findElements(By.cssSelector(".link-suggestion")).size() >= 2);
        List<WebElement> suggestions = browser.findElements(By.cssSelector(".link-suggestion"));
        String accepted = suggestions.get(0).getDomAttribute("data-item");
        String rejected = suggestions.get(1).getDomAttribute("data-item");

        suggestions.get(0).findElement(By.xpath(".//button[text()='Bestätigen']")).click();
        chromium.waitUntil(() -> browser.findElements(By.cssSelector(".link-suggestion[data-item='" + accepted + "']")).isEmpty());
        assertThat(browser.switchTo().activeElement().getText()).as("focus moves to the next suggestion").isEqualTo("Bestätigen");
        browser.findElement(By.cssSelector(".link-suggestion[data-item='" + rejected + "']"))
                .findElement(By.xpath(".//button[text()='Ablehnen']")).click();
        chromium.waitUntil(() -> browser.findElements(By.cssSelector(".link-suggestion[data-item='" + rejected + "']")).isEmpty());

        assertThat(origin(accepted, slug)).isEqualTo("editor");
        assertThat(served.api().get("/api/items/" + rejected).json().path("projects").findValuesAsText("slug")).doesNotContain(slug);
        assertThat(suggestions(slug)).doesNotContain(accepted, rejected);

        chromium.script("sessionStorage.clear()");
        chromium.open("/projekt/" + slug);
        assertThat(browser.findElements(By.id("vorschlaege"))).as("readers see no editors' tools").isEmpty();
        assertThat(chromium.script("return performance.getEntriesByType('resource').some(entry => entry.name.includes('editor.js'))"))
                .as("nor load them").isEqualTo(false);
    }

    private static String projectWithSuggestions() throws Exception {
        for (JsonNode project : served.api().get("/api/projects?size=100").json().path("projects")) {
            if (suggestions(project.path("slug").asText()).size() >= 2) {
                return project.path("slug").asText();
            }
        }
        throw new AssertionError("no demo project with two suggested links");
    }

    private static List<String> suggestions(String slug) throws Exception {
        return served.api().get("/api/projects/" + slug + "/suggestions", "Authorization", "Bearer " + editorKey).json()
                .findValuesAsText("item");
    }

    private static String origin(String item, String slug) throws Exception {
        return StreamSupport.stream(served.api().get("/api/items/" + item).json().path("projects").spliterator(), false)
                .filter(link -> link.path("slug").asText().equals(slug)).findFirst().orElseThrow().path("origin").asText();
    }

    @Test
    void anEditorCreatesAProjectAndEditsItWithTheApisMessagesAtTheirFields() throws Exception {
        chromium.open("/redaktion");
        if (!browser.findElements(By.id("api-schluessel")).isEmpty()) {
            logIn(editorKey);
        }
        browser.findElement(By.xpath("//summary[text()='Neues Projekt anlegen']")).click();
        browser.findElement(By.id("projekt-slug")).sendKeys("huerth-streukarte");
        browser.findElement(By.id("projekt-name")).sendKeys("Streukarte Hürth-Mitte");
        browser.findElement(By.id("projekt-place")).sendKeys("Atlantis");
        browser.findElement(By.cssSelector(".project-form .theme-choice input[value='winter-service']")).click();
        browser.findElement(By.id("projekt-description")).sendKeys("Eine Karte zeigt, welche Straßen geräumt und gestreut sind.");
        browser.findElement(By.id("projekt-links")).sendKeys("https://www.huerth.de/streukarte Streukarte");
        browser.findElement(By.cssSelector(".project-form button[type=submit]")).click();

        chromium.waitUntil(() -> browser.findElement(By.id("projekt-place-fehler")).isDisplayed());
        assertThat(browser.findElement(By.id("projekt-place-fehler")).getText()).startsWith("Parameter 'place'").contains("Atlantis");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("focus on the field named").isEqualTo("projekt-place");
        assertThat(browser.switchTo().activeElement().getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("projekt-name")).getDomProperty("value")).as("nothing typed is lost").isEqualTo("Streukarte Hürth-Mitte");

        WebElement place = browser.findElement(By.id("projekt-place"));
        place.clear();
        place.sendKeys("Hürth");
        browser.findElement(By.cssSelector(".project-form button[type=submit]")).click();
        chromium.waitUntil(() -> browser.getCurrentUrl().endsWith("/projekt/huerth-streukarte"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Streukarte Hürth-Mitte");

        browser.findElement(By.xpath("//summary[text()='Projekt bearbeiten (Redaktion)']")).click();
        new Select(browser.findElement(By.id("projekt-status"))).selectByValue("running");
        browser.findElement(By.id("projekt-period")).sendKeys("2026-11");
        browser.findElement(By.id("projekt-reason")).sendKeys("Seit November in Betrieb");
        browser.findElement(By.cssSelector(".project-form button[type=submit]")).click();
        chromium.waitUntil(() -> browser.findElement(By.cssSelector(".item__meta")).getText().contains("in Betrieb"));

        JsonNode saved = served.api().get("/api/projects/huerth-streukarte").json();
        assertThat(saved.path("status").asText()).isEqualTo("running");
        assertThat(saved.path("period").path("from").asText()).isEqualTo("2026-11");
        assertThat(saved.path("links").path(0).path("label").asText()).isEqualTo("Streukarte");
        assertThat(served.api().get("/api/audit?project=huerth-streukarte", "Authorization", "Bearer " + editorKey).json()
                .findValuesAsText("action")).containsExactly("edit-project", "create-project");
    }

    /** Where the item is in the queue: the other tests may have decided on it already. */
    private static String reviewState(String id) throws Exception {
        for (String state : List.of("new", "approved", "featured")) {
            JsonNode page = served.api().get("/api/review?size=100&city=Mannheim&state=" + state, "Authorization", "Bearer " + editorKey).json();
            if (page.path("items").findValuesAsText("id").contains(id)) {
                return state;
            }
        }
        throw new AssertionError(id + " is in no visible review state");
    }

    @Test
    void aRefusedKeyIsForgottenAndAskedForAgain() {
        chromium.open("/redaktion");
        chromium.script("sessionStorage.clear()");
        chromium.open("/redaktion");
        logIn("sck_000000000000_falsch");

        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("nicht angenommen");
        assertThat(browser.findElements(By.id("api-schluessel"))).hasSize(1);
        assertThat(chromium.script("return sessionStorage.getItem('smartcity.editorKey')")).isNull();

        logIn(editorKey);
        browser.findElement(By.xpath("//button[text()='Abmelden']")).click();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("api-schluessel");
        assertThat(chromium.script("return sessionStorage.getItem('smartcity.editorKey')")).isNull();
    }

    @Test
    void theQueueFitsAPhoneWideScreen() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        try {
            chromium.open("/redaktion");
            if (!browser.findElements(By.id("api-schluessel")).isEmpty()) {
                logIn(editorKey);
            }
            browser.findElement(By.xpath("//summary[text()='Neues Projekt anlegen']")).click();
            WebElement first = browser.findElement(By.cssSelector(".review-item"));
            first.findElements(By.cssSelector("summary")).forEach(WebElement::click);
            first.findElements(By.xpath(".//button[text()='Suchen']")).forEach(WebElement::click);
            chromium.waitUntil(() -> first.findElements(By.cssSelector(".finder-matches")).stream().noneMatch(matches -> matches.getText().isEmpty()
                    || matches.getText().startsWith("Suche läuft")));
            assertThat(((Number) chromium.script("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void logIn(String key) {
        browser.findElement(By.id("api-schluessel")).sendKeys(key, Keys.ENTER);
        chromium.settle();
        assertThat(browser.getCurrentUrl()).doesNotContain(key);
    }

    private static List<String> queueIds() {
        return chromium.attributes(".review-item", "data-id");
    }

    private static WebElement item(String id) {
        return browser.findElement(By.cssSelector(".review-item[data-id='" + id + "']"));
    }

    private static String focusedId() {
        return browser.switchTo().activeElement().getDomAttribute("data-id");
    }

    private static void keys(CharSequence... keys) {
        browser.switchTo().activeElement().sendKeys(keys);
    }

    private static String fetch(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }
}
