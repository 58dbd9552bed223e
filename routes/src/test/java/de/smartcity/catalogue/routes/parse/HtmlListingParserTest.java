package de.smartcity.catalogue.routes.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.routes.Fixtures;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlListingParserTest {

    private static final String PAGE = "https://www.kommune21.de/meldungen/";
    private static final HtmlSelectors KOMMUNE21 = new HtmlSelectors("article.teaser", "h3", "h3 a[href]", "time",
            "dd.MM.yyyy", "p");

    private final HtmlListingParser parser = new HtmlListingParser();

    private List<FeedEntry> listing() throws UnreadableSourceException {
        return parser.parse(Fixtures.bytes("listings/kommune21-meldungen.html"), "utf-8", PAGE, KOMMUNE21);
    }

    @Test
    void findsEveryTeaserWithTitleAndLink() throws Exception {
        assertThat(listing()).extracting(FeedEntry::title).containsExactly(
                "Mannheim: Sensoren erleichtern die Orientierung beim barrierefreien Parken",
                "Kreis Hof: Glasfaser für entlegene Ortsteile dank Förderprogramm",
                "Frankfurt am Main: Anwohnerparkausweis jetzt vollständig digital beantragen");
    }

    @Test
    void resolvesLinksAgainstThePageUrl() throws Exception {
        assertThat(listing()).extracting(FeedEntry::link).containsExactly(
                "https://www.kommune21.de/meldungen/mannheim-orientierung-barrierefreies-parken",
                "https://www.kommune21.de/meldungen/kreis-hof-glasfaser-ortsteile",
                "https://www.kommune21.de/meldungen/frankfurt-anwohnerparkausweis-digital?utm_source=startseite");
        assertThat(listing()).allSatisfy(entry -> assertThat(entry.guid()).isEqualTo(entry.link()));
    }

    @Test
    void readsDateTextAsThatDayInGermany() throws Exception {
        List<FeedEntry> entries = listing();

        // 21.11.2026 starts at midnight in Berlin, which is 23:00 UTC the day before in winter (CET) …
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
        // … and 22:00 UTC in summer (CEST).
        assertThat(entries.get(2).published()).isEqualTo(Instant.parse("2026-07-14T22:00:00Z"));
    }

    @Test
    void prefersTheDatetimeAttributeOverTheText() throws Exception {
        assertThat(listing().get(1).published()).isEqualTo(Instant.parse("2026-11-18T13:30:00Z"));
    }

    @Test
    void keepsTheTeaserMarkupForTheSummary() throws Exception {
        assertThat(listing().get(0).summary())
                .contains("85 Schwerbehindertenparkplätze")
                .contains("class=\"mehr\"");
    }

    @Test
    void readsLatin1PageByItsMetaCharset() throws Exception {
        String html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>
                <article class="teaser"><time>16.11.2026</time>
                <h3><a href="/meldungen/huerth-raeumplaene">Hürth: Räumpläne für den Winterdienst online</a></h3>
                <p>Welche Straßen zuerst geräumt werden, zeigt eine Karte.</p></article></body></html>
                """;

        List<FeedEntry> entries = parser.parse(html.getBytes(StandardCharsets.ISO_8859_1), null, PAGE, KOMMUNE21);

        assertThat(entries.getFirst().title()).isEqualTo("Hürth: Räumpläne für den Winterdienst online");
        assertThat(entries.getFirst().summary()).contains("Straßen", "geräumt");
    }

    @Test
    void leavesDateEmptyWhenTheTextIsNoDate() throws Exception {
        String html = """
                <article class="teaser"><time>gestern</time>
                <h3><a href="/meldungen/ulm">Ulm: Streufahrzeuge senden Daten</a></h3></article>
                """;

        List<FeedEntry> entries = parser.parse(html.getBytes(StandardCharsets.UTF_8), "utf-8", PAGE, KOMMUNE21);

        assertThat(entries.getFirst().published()).isNull();
    }

    @Test
    void readsIsoDateTextWithoutDateFormat() throws Exception {
        HtmlSelectors withoutFormat = new HtmlSelectors("article.teaser", "h3", "h3 a[href]", "time", null, "p");
        String html = """
                <article class="teaser"><time>2026-11-14</time>
                <h3><a href="/meldungen/ulm">Ulm: Streufahrzeuge senden Daten</a></h3></article>
                """;

        List<FeedEntry> entries = parser.parse(html.getBytes(StandardCharsets.UTF_8), "utf-8", PAGE, withoutFormat);

        assertThat(entries.getFirst().published()).isEqualTo(Instant.parse("2026-11-13T23:00:00Z"));
    }

    @Test
    void saysWhenTheLayoutChangedAndTheSelectorMatchesNothing() {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes("listings/kommune21-relaunch.html"), "utf-8", PAGE, KOMMUNE21))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("'article.teaser'")
                .hasMessageContaining("passt auf kein Element")
                .hasMessageContaining("Layout");
    }

    @Test
    void saysWhenTeasersHaveNoLinks() {
        HtmlSelectors wrongLink = new HtmlSelectors("article.teaser", "h3", "h3 a.titel-link", "time", "dd.MM.yyyy", "p");

        assertThatThrownBy(() -> parser.parse(Fixtures.bytes("listings/kommune21-meldungen.html"), "utf-8", PAGE, wrongLink))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Keine Meldungen gefunden: 4 Elemente passen auf 'article.teaser', aber keines hat Titel und Link.");
    }

    @Test
    void saysWhenTheItemSelectorIsInvalid() {
        HtmlSelectors broken = new HtmlSelectors("article[", "h3", "h3 a[href]", null, null, null);

        assertThatThrownBy(() -> parser.parse(Fixtures.bytes("listings/kommune21-meldungen.html"), "utf-8", PAGE, broken))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("CSS-Selektor 'item' ist ungültig");
    }
    @Test
    void findsTheNextPageLink() throws Exception {
        HtmlSelectors paged = new HtmlSelectors("article.teaser", "h3", "h3 a[href]", "time", "dd.MM.yyyy", "p",
                "nav.pager a[rel=next]", 3);
        String html = """
                <article class="teaser"><h3><a href="/meldungen/ulm">Ulm: Streufahrzeuge senden Daten</a></h3></article>
                <nav class="pager"><a href="?seite=1" rel="prev">zurück</a> <a href="?seite=3" rel="next">weiter</a></nav>
                """;

        HtmlListingParser.ListingPage page = parser.parsePage(html.getBytes(StandardCharsets.UTF_8), "utf-8",
                PAGE + "?seite=2", paged);

        assertThat(page.next()).contains(URI.create("https://www.kommune21.de/meldungen/?seite=3"));
    }

    @Test
    void hasNoNextPageWithoutNextSelectorOrWhenItMatchesNothing() throws Exception {
        HtmlSelectors paged = new HtmlSelectors("article.teaser", "h3", "h3 a[href]", null, null, null, "a.weiter", 3);
        byte[] html = """
                <article class="teaser"><h3><a href="/meldungen/ulm">Ulm: Streufahrzeuge senden Daten</a></h3></article>
                <a class="weiter" href="javascript:nextPage()">weiter</a>
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parsePage(html, "utf-8", PAGE, KOMMUNE21).next()).isEmpty();
        assertThat(parser.parsePage(html, "utf-8", PAGE, paged).next()).isEmpty();
    }

    @Test
    void readsWindows1252PageThatDeclaresUtf8() throws Exception {
        String html = """
                <html><head><meta charset="utf-8"></head><body>
                <article class="teaser"><time>16.11.2026</time>
                <h3><a href="/meldungen/huerth">Hürth: „Räumpläne“ für den Winterdienst</a></h3>
                <p>Welche Straßen zuerst geräumt werden – eine Karte zeigt es.</p></article></body></html>
                """;

        List<FeedEntry> entries = parser.parse(html.getBytes(Charset.forName("windows-1252")), "utf-8",
                PAGE, KOMMUNE21);

        assertThat(entries.getFirst().title()).isEqualTo("Hürth: „Räumpläne“ für den Winterdienst");
        assertThat(entries.getFirst().summary()).contains("Straßen", "geräumt", "–");
    }

    @Test
    void readsUtf8PageThatDeclaresLatin1() throws Exception {
        String html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>
                <article class="teaser"><h3><a href="/meldungen/huerth">Hürth: Räumpläne online</a></h3></article></body></html>
                """;

        List<FeedEntry> entries = parser.parse(html.getBytes(StandardCharsets.UTF_8), "ISO-8859-1", PAGE, KOMMUNE21);

        assertThat(entries.getFirst().title()).isEqualTo("Hürth: Räumpläne online");
    }

    @Test
    void readsGermanLongDatesWhenTheFormatDoesNotFit() throws Exception {
        String html = """
                <article class="teaser"><time>Montag, 16. November 2026</time>
                <h3><a href="/meldungen/ulm">Ulm: Streufahrzeuge senden Daten</a></h3></article>
                """;

        List<FeedEntry> entries = parser.parse(html.getBytes(StandardCharsets.UTF_8), "utf-8", PAGE, KOMMUNE21);

        assertThat(entries.getFirst().published()).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
    }

    @Test
    void namesABotChallengeInsteadOfTheListing() {
        byte[] page = """
                <!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>
                <body><div class="cf-error-details"><h1>Sorry, you have been blocked</h1></div></body></html>
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(page, "utf-8", PAGE, KOMMUNE21))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("Antwort ist eine Bot-Schutzseite (Cloudflare, Titel „Attention Required! | Cloudflare“)"
                        + " statt der Meldungsliste");
    }

    @Test
    void namesAConsentWallInsteadOfTheListing() {
        byte[] page = """
                <html><head><title>Bevor Sie fortfahren</title></head><body>
                <form action="https://consent.example.org/save" method="post"><p>Wir verwenden Cookies.</p>
                <button>Alle akzeptieren</button></form></body></html>
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(page, "utf-8", PAGE, KOMMUNE21))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("Antwort ist eine Cookie-Zustimmungsseite („Bevor Sie fortfahren“) statt der Meldungsliste");
    }

    @Test
    void doesNotMistakeAListingWithACookieBannerForAConsentWall() throws Exception {
        String html = """
                <html><head><title>Meldungen</title></head><body>
                <div class="cookie-banner">Wir verwenden Cookies. <button>Akzeptieren</button></div>
                <article class="teaser"><h3><a href="/meldungen/ulm">Ulm: Streufahrzeuge senden Daten</a></h3></article>
                </body></html>
                """;

        assertThat(parser.parse(html.getBytes(StandardCharsets.UTF_8), "utf-8", PAGE, KOMMUNE21)).hasSize(1);
    }
}
