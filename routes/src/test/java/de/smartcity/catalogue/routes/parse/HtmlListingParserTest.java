package de.smartcity.catalogue.routes.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.routes.Fixtures;
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
}
