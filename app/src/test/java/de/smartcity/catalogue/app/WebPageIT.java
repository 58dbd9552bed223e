package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.store.Sighting;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page in a real headless Chromium against the app serving the demo data, used as a person would:
 * searching with suggestions, filtering, opening an item and its similar projects, comparing cities, browsing projects,
 * reading source health, on a phone-sized screen and by keyboard alone.
 * It also holds an item whose texts are HTML and script, which must show as text and run nothing.
 */
@ExtendWith(SharedElasticsearch.class)
class WebPageIT {
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String HOSTILE_TITLE = "Testlauf für Ladesäulen " + IMG + " am Rathaus";
    /** Set as the item's JSON so that it needs no constructor: every text field carries markup or script. */
    private static final String HOSTILE_ITEM = """
            {"id": "00000000000000000bad", "title": %s,
             "summary": "<script>alert(2)</script> Die Stadt testet Ladesäulen.",
             "url": "javascript:alert(3)", "published": "2026-11-20T09:00:00Z", "publishedEstimated": true,
             "firstSeen": "2026-11-20T09:00:00Z", "lastSeen": "2026-11-20T09:00:00Z", "sourceIds": ["mannheim-presse"],
             "place": {"name": "Testort <b onmouseover=alert(4)>fett</b>", "kind": "UNKNOWN", "reason": "<img src=y onerror=alert(5)>"},
             "themes": [{"id": "mobility", "score": 0.9, "evidence": [{"term": "<svg onload=alert(6)>", "field": "title"}]}],
             "fields": ["Mobilität"], "language": "de"}
            """;
    /** Counts calls of alert, confirm and prompt: a script injected through a feed text would call one. */
    private static final String COUNT_DIALOGS = """
            window.dialogs = 0;
            for (const name of ['alert', 'confirm', 'prompt']) window[name] = () => { window.dialogs++; };
            """;

    private static ServedCatalogue served;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void serveTheDemoAndStartChromium() throws Exception {
        ItDataDir.enter("webpage");
        List<Source> sources = Catalogue.configuredSources(Optional.of(Catalogue.DEMO_SOURCES));
        // The cities' own feeds first, then the portal: a story both tell keeps the wording of the source that stored
        // it first (ItemMergeContract), and the walk below reads Mannheim's own. Polled together, either could win.
        List<Source> cityFeeds = sources.stream().filter(source -> source.cityName().isPresent()).toList();
        assertThat(IngestOnce.run(cityFeeds, new PrintStream(OutputStream.nullOutputStream()))).isZero();
        assertThat(IngestOnce.run(sources, new PrintStream(OutputStream.nullOutputStream()))).isZero();
        served = ServedCatalogue.start(sources);
        storeHostileItem(served.catalogue());
        base = served.api().base().toString();
        chromium = HeadlessChromium.start(base);
        browser = chromium.driver();
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_DIALOGS));
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

    /** Feeds cannot bring markup this far (ingest strips it), so the item goes into the store directly. */
    private static void storeHostileItem(Catalogue catalogue) throws Exception {
        String title = catalogue.json().writeValueAsString(HOSTILE_TITLE);
        NewsItem item = catalogue.json().readValue(HOSTILE_ITEM.formatted(title), NewsItem.class);
        catalogue.itemStore().upsert(List.of(new Sighting(item, "mannheim-presse", "hostile", item.url())), Instant.now());
        catalogue.indexer().indexPending();
        catalogue.itemIndex().refresh();
    }

    @BeforeEach
    void desktopWindow() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    void searchForParkenShowsItsMatchesHighlighted() throws Exception {
        chromium.open("/");

        browser.findElement(By.id("q")).sendKeys("Parken", Keys.ENTER);
        chromium.settle();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/?q=Parken");
        assertThat(text("#trefferzahl")).endsWith("Meldungen zu „Parken“");
        assertThat(browser.findElements(By.cssSelector(".result-list mark"))).extracting(WebElement::getText).contains("Parken");
        assertThat(browser.getTitle()).startsWith("Parken – Suche");
        chromium.screenshot("search-results");
    }

    @Test
    void aFacetFiltersAndItsChipTakesTheFilterAwayAgain() {
        chromium.open("/?q=Parken");
        int all = results().size();

        facetValue("Bundesland", "Baden-Württemberg").click();
        chromium.settle();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/?q=Parken&state=Baden-W%C3%BCrttemberg");
        assertThat(results()).isNotEmpty().hasSizeLessThan(all)
                .extracting(result -> result.findElement(By.cssSelector(".meta__place")).getText())
                .contains("Mannheim").doesNotContain("Frankfurt am Main", "Kaiserslautern", "Hürth");
        assertThat(facetValue("Bundesland", "Baden-Württemberg").getDomAttribute("aria-current")).isEqualTo("true");
        assertThat(activeElementText()).as("focus moves to the new results").contains("Meldung");

        browser.findElement(By.cssSelector(".active-filters a[aria-label='Filter entfernen: Bundesland: Baden-Württemberg']")).click();
        chromium.settle();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/?q=Parken");
        assertThat(results()).hasSize(all);

        browser.navigate().back();
        chromium.waitUntil(() -> results().size() < all);
        assertThat(browser.getCurrentUrl()).as("back").endsWith("state=Baden-W%C3%BCrttemberg");
        assertThat(text(".active-filters")).contains("Bundesland: Baden-Württemberg");
        browser.navigate().forward();
        chromium.waitUntil(() -> results().size() == all);
        assertThat(browser.getCurrentUrl()).as("forward").isEqualTo(base + "/?q=Parken");
    }

    @Test
    void theFrankfurtCarParkItemShowsWhyItsThemesAndPlaceWereChosen() throws Exception {
        // Not the Mannheim parking story: city and portal tell it, and whichever is polled first owns its wording.
        chromium.open("/?q=Parkhaus&state=Hessen");

        browser.findElement(By.partialLinkText("Neues Parkleitsystem")).click();
        chromium.settle();

        assertThat(browser.getCurrentUrl()).matches(base + "/meldung/[0-9a-f]{20}");
        assertThat(text("h1")).isEqualTo("Neues Parkleitsystem: Jedes Parkhaus meldet freie Plätze in Echtzeit");
        assertThat(activeElementText()).as("focus moves to the heading").isEqualTo(text("h1"));
        WebElement parking = browser.findElements(By.cssSelector(".theme")).stream()
                .filter(theme -> theme.findElement(By.cssSelector(".tag")).getText().equals("Parken")).findFirst().orElseThrow();
        assertThat(parking.getText()).contains("Konfidenz", "Mobilität", "Parkhaus im Titel", "Parkhausbelegungen im Anrisstext");
        assertThat(text("#ort + dl")).contains("Hessen", "06412000");
        assertThat(text(".why")).isEqualTo("Warum dieser Ort? Stadt der Quelle: 'Frankfurt am Main'");
        assertThat(browser.findElement(By.partialLinkText("Zur Originalmeldung")).getDomAttribute("href"))
                .startsWith("https://frankfurt.de/");
        chromium.screenshot("item");

        browser.findElement(By.partialLinkText("Zurück zur Suche")).click();
        chromium.settle();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/?q=Parkhaus&state=Hessen");
    }

    @Test
    void sourceHealthListsEveryDemoSourceAsHealthy() throws Exception {
        chromium.open("/quellen");

        List<WebElement> rows = browser.findElements(By.cssSelector(".source-table tbody tr"));
        assertThat(rows).extracting(row -> row.findElement(By.cssSelector(".source__id")).getText())
                .containsExactly("frankfurt-presse", "huerth-presse", "kaiserslautern-presse", "kommune21", "mannheim-presse");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("in Ordnung");
            assertThat(row.findElement(By.cssSelector("td[data-label='Letzter Fehler']")).getText()).isEqualTo("keiner");
            assertThat(row.findElement(By.cssSelector("td[data-label='Nächster Abruf']")).getText()).startsWith("in ");
        });
        assertThat(browser.findElements(By.cssSelector(".stat dt"))).extracting(WebElement::getText)
                .contains("Abrufe", "davon fehlgeschlagen", "noch nicht im Suchindex");
        assertThat(text(".lead")).contains("5 von 5 Quellen in Ordnung");
        chromium.screenshot("sources");
    }

    @Test
    void aNewUserFindsParkingInBadenWuerttembergAndComparesItWithOtherCities() throws Exception {
        chromium.open("/");

        // "Done when" of issue 5, step by step: type, filter, open the Mannheim item, its similar projects, compare.
        browser.findElement(By.id("q")).sendKeys("Parken");
        chromium.waitUntil(() -> !suggestions().isEmpty());
        assertThat(suggestions()).extracting(WebElement::getText).anySatisfy(text -> assertThat(text).contains("Parken", "Thema"));
        browser.findElement(By.id("q")).sendKeys(Keys.ENTER);
        chromium.settle();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/?q=Parken");
        assertThat(suggestions()).as("the list closes when the search runs").isEmpty();

        facetValue("Bundesland", "Baden-Württemberg").click();
        chromium.settle();
        browser.findElement(By.cssSelector(".result__title a")).click();
        chromium.settle();

        assertThat(text("h1")).isEqualTo("Sensoren zeigen freie Behindertenparkplätze in der Innenstadt an");
        assertThat(text(".item__meta")).startsWith("Mannheim");
        assertThat(text("#projekte + ul")).contains("Barrierefreies Parken in den Quadraten",
                "Warum verknüpft? Titel nennt „Behindertenparkplätze“, Ort Mannheim");
        List<WebElement> similar = browser.findElements(By.cssSelector("#aehnlich ~ .similar-list .similar"));
        assertThat(text("#aehnlich")).isEqualTo("Ähnliche Projekte in anderen Städten");
        assertThat(similar).hasSizeGreaterThanOrEqualTo(2).allSatisfy(entry -> {
            assertThat(entry.findElement(By.cssSelector(".meta__place")).getText()).as("another city").isNotEqualTo("Mannheim");
            assertThat(entry.findElement(By.cssSelector(".why")).getText()).startsWith("Gemeinsame");
        });
        assertThat(similar).extracting(entry -> entry.findElement(By.cssSelector(".similar__title")).getText())
                .contains("Parksensoren in der Innenstadt");
        chromium.screenshot("item-similar");

        browser.findElement(By.cssSelector(".site-nav a[data-nav='vergleich']")).click();
        chromium.settle();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/vergleich");
        assertThat(activeElementText()).as("focus moves to the heading").isEqualTo("Städte vergleichen");
        WebElement cell = heatmapCell("Frankfurt am Main, Parken");
        String label = cell.getDomAttribute("aria-label");
        assertThat(label).matches("Frankfurt am Main, Parken: \\d+ Meldungen?(, \\d+ Projekte?)?");
        int items = Integer.parseInt(label.replaceAll(".*: (\\d+) Meldung.*", "$1"));
        chromium.screenshot("compare");

        cell.click();
        chromium.settle();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/?city=Frankfurt+am+Main&theme=parking&sort=date");
        assertThat(text(".active-filters")).contains("Ort: Frankfurt am Main", "Thema: Parken");
        assertThat(results()).hasSize(items).allSatisfy(result -> {
            assertThat(result.findElement(By.cssSelector(".meta__place")).getText()).isEqualTo("Frankfurt am Main");
            assertThat(result.findElements(By.cssSelector(".tag"))).extracting(WebElement::getText).contains("Parken");
        });
        assertThat(results()).extracting(result -> result.findElement(By.cssSelector(".result__title")).getText())
                .contains("Neues Parkleitsystem: Jedes Parkhaus meldet freie Plätze in Echtzeit");

        browser.navigate().back();
        chromium.waitUntil(() -> browser.getCurrentUrl().endsWith("/vergleich"));
        assertThat(browser.findElements(By.cssSelector(".heatmap"))).as("back shows the comparison again").hasSize(1);
    }

    @Test
    void theSuggestionBoxWorksByKeyboard() {
        chromium.open("/");
        WebElement box = browser.findElement(By.id("q"));
        assertThat(box.getDomAttribute("role")).isEqualTo("combobox");

        box.sendKeys("Park");
        chromium.waitUntil(() -> suggestions().size() >= 2);
        assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(text(".search-form [role=status]")).endsWith("Vorschläge");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(selectedSuggestion()).contains("Parken");
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(selectedSuggestion()).doesNotContain("Thema");
        box.sendKeys(Keys.ARROW_UP);
        assertThat(selectedSuggestion()).contains("Parken");
        box.sendKeys(Keys.ARROW_UP);
        assertThat(box.getDomAttribute("aria-activedescendant")).as("up from the first returns to the box").isNull();
        box.sendKeys(Keys.ARROW_UP);
        assertThat(selectedSuggestion()).as("and on round to the last").isEqualTo(suggestions().getLast().getText());

        box.sendKeys(Keys.ESCAPE);
        assertThat(suggestions()).isEmpty();
        assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getDomProperty("value")).as("Escape keeps the text").isEqualTo("Park");

        box.sendKeys("en");
        chromium.waitUntil(() -> !suggestions().isEmpty());
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        chromium.settle();
        assertThat(browser.getCurrentUrl()).as("a theme filters").isEqualTo(base + "/?theme=parking");
        assertThat(text(".active-filters")).contains("Thema: Parken");
        assertThat(box.getDomProperty("value")).isEmpty();

        box.sendKeys("Mannh");
        chromium.waitUntil(() -> !suggestions().isEmpty());
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        chromium.settle();
        assertThat(browser.getCurrentUrl()).as("a city filters too").isEqualTo(base + "/?theme=parking&city=Mannheim");

        box.sendKeys("Parksensoren");
        chromium.waitUntil(() -> suggestions().stream().anyMatch(option -> option.getText().contains("Parksensoren in der Innenstadt")));
        for (int step = 0; step < suggestions().size() && !isSuggestionSelected("Parksensoren in der Innenstadt"); step++) {
            box.sendKeys(Keys.ARROW_DOWN);
        }
        box.sendKeys(Keys.ENTER);
        chromium.settle();
        assertThat(browser.getCurrentUrl()).as("a project opens").isEqualTo(base + "/projekt/kl-parksensoren");
        assertThat(text("h1")).isEqualTo("Parksensoren in der Innenstadt");
    }

    @Test
    void theComparisonFiltersByFieldAndStateSortsByNameAndChartsTheMonths() {
        chromium.open("/vergleich");
        int allRows = browser.findElements(By.cssSelector(".heatmap tbody tr")).size();
        assertThat(browser.findElements(By.cssSelector(".chart__legend li"))).as("the themes with the most items").hasSize(5);

        new Select(browser.findElement(By.id("handlungsfeld"))).selectByVisibleText("Mobilität");
        new Select(browser.findElement(By.id("bundesland"))).selectByVisibleText("Hessen");
        new Select(browser.findElement(By.id("reihenfolge"))).selectByVisibleText("Name");
        browser.findElement(By.cssSelector(".compare-form button")).click();
        chromium.settle();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/vergleich?field=Mobilit%C3%A4t&state=Hessen&sort=name");
        assertThat(browser.findElements(By.cssSelector(".heatmap__theme"))).extracting(WebElement::getText)
                .containsExactly("Parken", "Verkehr & ÖPNV", "Winterdienst");
        List<WebElement> rows = browser.findElements(By.cssSelector(".heatmap tbody tr"));
        assertThat(rows).hasSizeLessThan(allRows).extracting(row -> row.findElement(By.cssSelector(".heatmap__city")).getText())
                .allSatisfy(city -> assertThat(city).endsWith("Hessen"))
                .containsExactly("Darmstadt\nHessen", "Frankfurt am Main\nHessen", "Landkreis Gießen\nHessen");
        assertThat(text("#trefferzahl")).startsWith("3 Orte × 3 Themen");
        assertThat(text(".heat-legend")).contains("keine", "Meldungen je Feld");

        assertThat(browser.findElements(By.cssSelector(".chart__legend li"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("Parken", "Verkehr & ÖPNV", "Winterdienst");
        assertThat(browser.findElements(By.cssSelector(".chart__series"))).hasSize(3);
        browser.findElement(By.cssSelector(".chart__table summary")).click();
        List<WebElement> months = browser.findElements(By.cssSelector(".chart__table tbody tr"));
        assertThat(months).isNotEmpty();
        assertThat(months.getFirst().getText()).matches("\\p{L}+ 2026( \\d+){3}");
        assertThat(browser.findElement(By.cssSelector(".chart__svg")).getDomAttribute("aria-labelledby")).isEqualTo("verlauf-beschreibung");

        browser.navigate().refresh();
        chromium.settle();
        assertThat(new Select(browser.findElement(By.id("bundesland"))).getFirstSelectedOption().getText())
                .as("a reload keeps the selection").isEqualTo("Hessen");
        assertThat(browser.findElements(By.cssSelector(".heatmap tbody tr"))).hasSize(3);

        // Month pickers differ from browser to browser; the months are set as a person's picking would set them.
        chromium.script("document.getElementById('von').value = '2026-11'; document.getElementById('bis').value = '2026-10';");
        browser.findElement(By.cssSelector(".compare-form button")).click();
        chromium.settle();
        assertThat(browser.getCurrentUrl()).as("months the wrong way round mean the span between them")
                .isEqualTo(base + "/vergleich?field=Mobilit%C3%A4t&state=Hessen&from=2026-10-01&to=2026-11-30&sort=name");
        assertThat(browser.findElement(By.id("von")).getDomProperty("value")).isEqualTo("2026-10");
        assertThat(text(".chart__table")).doesNotContain("September");
    }

    @Test
    void theProjectCatalogueFiltersAndOpensAProjectWithItsTimeline() throws Exception {
        chromium.open("/");
        browser.findElement(By.cssSelector(".site-nav a[data-nav='projekte']")).click();
        chromium.settle();
        assertThat(text("#trefferzahl")).isEqualTo("50 Projekte");

        facetValue("Thema", "Parken").click();
        chromium.settle();
        facetValue("Status", "in Betrieb").click();
        chromium.settle();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/projekte?theme=parking&status=running");
        assertThat(results()).isNotEmpty().allSatisfy(project -> {
            assertThat(project.findElement(By.cssSelector(".status")).getText()).isEqualTo("in Betrieb");
            assertThat(project.findElements(By.cssSelector(".tag"))).extracting(WebElement::getText).contains("Parken");
        });
        int running = results().size();
        browser.findElement(By.cssSelector(".active-filters a[aria-label='Filter entfernen: Status: in Betrieb']")).click();
        chromium.settle();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/projekte?theme=parking");
        assertThat(results()).hasSizeGreaterThan(running);

        browser.findElement(By.linkText("Parksensoren in der Innenstadt")).click();
        chromium.settle();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/projekt/kl-parksensoren");
        assertThat(text("h1")).isEqualTo("Parksensoren in der Innenstadt");
        assertThat(text(".item__meta")).contains("Kaiserslautern", "in Betrieb", "seit April 2025");
        assertThat(text(".facts")).contains("Modellprojekte Smart Cities", "Stadtwerke");
        List<WebElement> timeline = browser.findElements(By.cssSelector(".timeline__entry"));
        assertThat(timeline).isNotEmpty();
        assertThat(timeline.getFirst().getText()).contains("Parksensoren melden freie Stellplätze in der Innenstadt per App",
                "Titel nennt „Parksensoren“, Ort Kaiserslautern");
        assertThat(browser.findElements(By.cssSelector(".similar .meta__place"))).isNotEmpty()
                .extracting(WebElement::getText).doesNotContain("Kaiserslautern");
        chromium.screenshot("project");

        browser.findElement(By.cssSelector(".timeline__title")).click();
        chromium.settle();
        assertThat(text("h1")).isEqualTo("Parksensoren melden freie Stellplätze in der Innenstadt per App");
        browser.navigate().back();
        chromium.waitUntil(() -> browser.getCurrentUrl().endsWith("/projekt/kl-parksensoren"));
        browser.navigate().refresh();
        chromium.settle();
        assertThat(text("h1")).as("reload").isEqualTo("Parksensoren in der Innenstadt");
        browser.findElement(By.partialLinkText("Alle Projekte")).click();
        chromium.settle();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/projekte");
        assertThat(text("#trefferzahl")).isEqualTo("50 Projekte");
    }

    @Test
    void textsFromFeedsShowAsTextAndNeverRunAsHtml() {
        chromium.open("/?q=Testlauf");

        assertThat(text(".result__title")).isEqualTo(HOSTILE_TITLE);
        assertThat(text(".result__title mark")).as("the highlight still works").isEqualTo("Testlauf");
        assertThat(text(".result__summary")).startsWith("<script>alert(2)</script>");
        assertThat(browser.findElements(By.cssSelector(".facet__label"))).extracting(WebElement::getText)
                .contains("Testort <b onmouseover=alert(4)>fett</b>");
        assertNothingFromTheFeedBecameMarkup();

        browser.findElement(By.cssSelector(".result__title a")).click();
        chromium.settle();

        assertThat(text("h1")).isEqualTo(HOSTILE_TITLE);
        assertThat(browser.getTitle()).startsWith(HOSTILE_TITLE);
        assertThat(text(".lead")).isEqualTo("<script>alert(2)</script> Die Stadt testet Ladesäulen.");
        assertThat(text(".why")).isEqualTo("Warum dieser Ort? <img src=y onerror=alert(5)>");
        assertThat(text(".term")).isEqualTo("<svg onload=alert(6)>");
        assertThat(text(".item__meta")).contains("Datum geschätzt");
        assertThat(browser.findElements(By.partialLinkText("Zur Originalmeldung"))).as("no link to javascript:").isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        assertNothingFromTheFeedBecameMarkup();
    }

    private void assertNothingFromTheFeedBecameMarkup() {
        assertThat(browser.findElements(By.cssSelector("main img, main script, main svg, main b, main [onerror], main [onload]")))
                .isEmpty();
        assertThat(((Number) chromium.script("return window.dialogs")).intValue()).as("alert, confirm or prompt called").isZero();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aPhoneWideScreenNeedsNoSidewaysScrolling() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        chromium.open("/?q=Parken");
        String item = browser.findElement(By.cssSelector(".result__title a")).getDomAttribute("href");

        for (String path : List.of("/?q=Parken", "/?q=Testlauf", item, "/vergleich", "/projekte", "/projekt/kl-parksensoren",
                "/quellen", "/gibt-es-nicht")) {
            chromium.open(path);
            assertThat(((Number) chromium.script("return document.documentElement.scrollWidth")).intValue()).as(path).isLessThanOrEqualTo(360);
        }
        chromium.open("/vergleich");
        chromium.screenshot("compare-phone");
        chromium.open("/?q=Parken");
        chromium.screenshot("search-phone");
    }

    @Test
    void theKeyboardAloneReachesTheSearchBoxAndSubmits() {
        chromium.open("/");
        Actions keyboard = new Actions(browser);

        keyboard.sendKeys(Keys.TAB).perform();
        assertThat(activeElementText()).as("the first stop skips to the content").isEqualTo("Zum Inhalt springen");
        for (int stops = 0; stops < 10 && !"q".equals(chromium.script("return document.activeElement.id")); stops++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(chromium.script("return document.activeElement.id")).isEqualTo("q");
        assertThat(chromium.script("return getComputedStyle(document.activeElement).outlineStyle")).as("focus is visible").isEqualTo("solid");

        keyboard.sendKeys("Winterdienst", Keys.ENTER).perform();
        chromium.settle();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/?q=Winterdienst");
        assertThat(browser.findElements(By.cssSelector(".result-list mark"))).extracting(WebElement::getText).contains("Winterdienst");
    }

    @Test
    void unknownAddressesAnswer404TheApiInJson() throws Exception {
        chromium.open("/gibt-es-nicht");

        assertThat(text("h1")).isEqualTo("Seite nicht gefunden");
        assertThat(served.api().get("/gibt-es-nicht").status()).isEqualTo(404);
        ApiClient.Answer api = served.api().get("/api/gibt-es-nicht");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json().path("error").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @CsvSource({
        "/?q=Parken, 5, 'page, stylesheet, script, themes, search'",
        "/vergleich, 5, 'page, stylesheet, script, themes, matrix with its months'",
    })
    void theFirstLoadIsSmallAndNeedsFewRequests(String path, int requests, String what) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());

        chromium.open(path);

        @SuppressWarnings("unchecked")
        List<Number> transfers = (List<Number>) chromium.script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .map(entry => entry.transferSize)""");
        long bytes = transfers.stream().mapToLong(Number::longValue).sum();
        System.out.printf("First load of %s: %d requests, %d bytes transferred%n", path, transfers.size(), bytes);
        assertThat(bytes).isPositive().isLessThan(300_000);
        assertThat(transfers).as(what).hasSizeLessThanOrEqualTo(requests);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String activeElementText() {
        return browser.switchTo().activeElement().getText();
    }

    private static List<WebElement> results() {
        return browser.findElements(By.cssSelector(".result-list > li"));
    }

    private static WebElement facetValue(String facet, String value) {
        return browser.findElements(By.cssSelector(".facet")).stream()
                .filter(group -> group.findElement(By.tagName("h3")).getText().equalsIgnoreCase(facet))
                .flatMap(group -> group.findElements(By.cssSelector(".facet__value")).stream())
                .filter(link -> link.findElement(By.cssSelector(".facet__label")).getText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("No value " + value + " in facet " + facet));
    }

    private static List<WebElement> suggestions() {
        return browser.findElements(By.cssSelector("#q-vorschlaege [role=option]"));
    }

    /** The suggestion the box points to with aria-activedescendant, which must be the one marked selected. */
    private static String selectedSuggestion() {
        String active = browser.findElement(By.id("q")).getDomAttribute("aria-activedescendant");
        assertThat(active).as("a suggestion is chosen").isNotNull();
        WebElement option = browser.findElement(By.id(active));
        assertThat(option.getDomAttribute("aria-selected")).isEqualTo("true");
        return option.getText();
    }

    private static boolean isSuggestionSelected(String label) {
        return browser.findElement(By.id("q")).getDomAttribute("aria-activedescendant") != null && selectedSuggestion().contains(label);
    }

    /** The heatmap's link for one city and theme, found by its accessible label ("Mannheim, Parken: 1 Meldung"). */
    private static WebElement heatmapCell(String cityAndTheme) {
        return browser.findElements(By.cssSelector(".heatmap .heat__link")).stream()
                .filter(cell -> cell.getDomAttribute("aria-label").startsWith(cityAndTheme + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("No heatmap cell for " + cityAndTheme));
    }
}
