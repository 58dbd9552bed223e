package de.smartcity.catalogue.routes.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.routes.Fixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsRss2Feed() throws Exception {
        List<FeedEntry> entries = parser.parse(Fixtures.bytes("feeds/kaiserslautern.rss"), "application/rss+xml; charset=utf-8");

        assertThat(entries).hasSize(4);
        FeedEntry parking = entries.get(1);
        assertThat(parking.title()).isEqualTo("Parksensoren melden freie Stellplätze in der Innenstadt per App");
        assertThat(parking.link()).isEqualTo("https://www.kaiserslautern.de/aktuelles/pressemitteilungen/2026/"
                + "parksensoren-melden-freie-stellplaetze.html?utm_source=rss&utm_medium=feed&utm_campaign=pressemitteilungen");
        assertThat(parking.guid()).isEqualTo("kl-pm-2026-412");
        assertThat(parking.published()).isEqualTo(Instant.parse("2026-11-18T09:30:00Z"));
        assertThat(parking.summary()).startsWith("<p>Rund 400&nbsp;Bodensensoren").contains("Stellplatz belegt");
        assertThat(entries.getFirst().published()).isEqualTo(Instant.parse("2026-11-23T07:45:00Z"));
        assertThat(entries.getFirst().summary()).contains("<p>In der Pfaffstraße");
    }

    @Test
    void readsAtomFeedWithPublishedOrElseUpdatedDate() throws Exception {
        List<FeedEntry> entries = parser.parse(Fixtures.bytes("feeds/mannheim.atom"), "application/atom+xml");

        assertThat(entries).extracting(FeedEntry::title).containsExactly(
                "Sensoren zeigen freie Behindertenparkplätze in der Innenstadt an",
                "5G-Campusnetz im Hafengebiet für Logistikbetriebe freigeschaltet");
        assertThat(entries.get(0).link()).isEqualTo("https://www.mannheim.de/de/presse/sensoren-freie-behindertenparkplaetze");
        assertThat(entries.get(0).guid()).isEqualTo("tag:mannheim.de,2026:presse/sensoren-freie-behindertenparkplaetze");
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2026-11-19T09:15:00Z"));
        assertThat(entries.get(0).summary()).contains("85 Schwerbehindertenparkplätze");
        // The second entry has no <published>, only <updated>.
        assertThat(entries.get(1).published()).isEqualTo(Instant.parse("2026-11-13T13:00:00Z"));
        assertThat(entries.get(1).summary()).startsWith("Im Mannheimer Hafen");
    }

    @Test
    void readsRss1RdfFeedWithDublinCoreDates() throws Exception {
        List<FeedEntry> entries = parser.parse(Fixtures.bytes("feeds/frankfurt.rdf"), "application/rdf+xml");

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).title()).isEqualTo("Neues Parkleitsystem: Jedes Parkhaus meldet freie Plätze in Echtzeit");
        assertThat(entries.get(0).link())
                .isEqualTo("https://frankfurt.de/aktuelle-meldung/meldungen/parkleitsystem-parkhaus-freie-plaetze-echtzeit/");
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2026-11-17T09:00:00Z"));
        assertThat(entries.get(1).title()).isEqualTo("Winterzeit: Bäder und Museen ändern ihre Öffnungszeiten");
    }

    @Test
    void keepsUmlautsOfLatin1Feed() throws Exception {
        byte[] latin1 = Fixtures.bytes("feeds/huerth-latin1.rss");
        // The fixture really is Latin-1: 'ä' is the single byte 0xE4, not UTF-8's 0xC3 0xA4.
        assertThat(indexOf(latin1, (byte) 0xE4)).isNotNegative();
        assertThat(new String(latin1, StandardCharsets.UTF_8)).contains("\uFFFD");

        List<FeedEntry> entries = parser.parse(latin1, "text/xml");

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Räumpläne für den Winterdienst jetzt online einsehbar");
            assertThat(entry.summary()).contains("Straßen", "Glätte", "räumt");
        });
    }

    @Test
    void keepsUmlautsOfLatin1FeedWithoutContentType() throws Exception {
        List<FeedEntry> entries = parser.parse(Fixtures.bytes("feeds/huerth-latin1.rss"), null);

        assertThat(entries.getFirst().title()).isEqualTo("Räumpläne für den Winterdienst jetzt online einsehbar");
    }

    @Test
    void readsUtf8FeedWithByteOrderMark() throws Exception {
        byte[] body = Fixtures.bytes("feeds/goerlitz-bom.rss");
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        List<FeedEntry> entries = parser.parse(body, "application/rss+xml");

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Öffentliches WLAN für Marienplatz und Obermarkt");
            assertThat(entry.summary()).contains("kostenlos – gefördert");
        });
    }

    @Test
    void honoursCharsetOfHttpContentType() throws Exception {
        // No encoding in the XML declaration: only the HTTP header says these bytes are Latin-1.
        byte[] body = rss("<?xml version=\"1.0\"?>", "Glättesensoren für Brücken in Hürth").getBytes(StandardCharsets.ISO_8859_1);

        List<FeedEntry> entries = parser.parse(body, "application/rss+xml; charset=ISO-8859-1");

        assertThat(entries.getFirst().title()).isEqualTo("Glättesensoren für Brücken in Hürth");
    }

    @Test
    void readsUtf8FeedWithoutDeclaredEncodingServedAsApplicationXml() throws Exception {
        byte[] body = rss("<?xml version=\"1.0\"?>", "Glättesensoren für Brücken in Hürth").getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(body, "application/xml").getFirst().title()).isEqualTo("Glättesensoren für Brücken in Hürth");
    }

    @Test
    void readsUtf8FeedWithoutDeclaredEncodingServedAsTextXml() throws Exception {
        // Many municipal servers send feeds as "text/xml" without a charset. RFC 7303 (which replaced RFC 3023
        // and its US-ASCII default) and the XML specification both make such a document UTF-8.
        byte[] body = rss("<?xml version=\"1.0\"?>", "Glättesensoren für Brücken in Hürth").getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(body, "text/xml").getFirst().title()).isEqualTo("Glättesensoren für Brücken in Hürth");
    }

    @Test
    void rejectsFeedWithExternalEntity(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("geheim.txt");
        Files.writeString(secret, "GEHEIMES-PASSWORT-4711");
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>Presse</title><link>https://www.ulm.de/</link><description>x</description>
                <item><title>Meldung &xxe;</title><link>https://www.ulm.de/meldung</link><description>&xxe;</description></item>
                </channel></rss>
                """.formatted(secret.toUri());

        ThrowableAssert.ThrowingCallable parse = () -> parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        assertThatThrownBy(parse)
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain("GEHEIMES-PASSWORT-4711"));
    }

    @Test
    void rejectsFeedWithEntityExpansionBomb() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                ]>
                <rss version="2.0"><channel><title>&c;</title><link>https://www.ulm.de/</link><description>x</description></channel></rss>
                """;

        assertThatThrownBy(() -> parser.parse(bomb.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void saysWhenAnHtmlPageCameInsteadOfAFeed() {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes("pages/rathaus-startseite.html"), "text/html; charset=utf-8"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist eine HTML-Seite statt eines Feeds.");
    }

    @Test
    void saysWhenAnHtmlPageWithoutDoctypeCameInsteadOfAFeed() {
        byte[] page = "\n  <html><head><title>Wartungsarbeiten</title></head><body>Bitte später erneut versuchen.</body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(page, "text/html"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist eine HTML-Seite statt eines Feeds.");
    }

    @Test
    void saysWhenAnHtmlPageWithByteOrderMarkCameInsteadOfAFeed() {
        // Templates saved with a UTF-8 byte-order mark are common on PHP sites.
        byte[] page = ("\uFEFF" + Fixtures.utf8("pages/rathaus-startseite.html")).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(page, "text/html; charset=utf-8"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist eine HTML-Seite statt eines Feeds.");
    }

    @Test
    void saysWhenTheBodyIsEmpty() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Die Antwort ist leer (kein Feed).");
    }

    @Test
    void saysWhenJsonCameInsteadOfAFeed() {
        byte[] json = """
                  {"meldungen": [{"titel": "Neue Ladesäulen", "url": "https://www.ulm.de/ladesaeulen"}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(json, "application/json"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist JSON statt eines Feeds.");
    }

    @Test
    void saysWhenXmlIsNoFeed() {
        byte[] sitemap = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://www.ulm.de/</loc></url></urlset>
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(sitemap, "application/xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("Feed ist kein gültiges RSS/Atom:");
    }

    @Test
    void saysWhenTheFeedIsCutOff() {
        String full = Fixtures.utf8("feeds/kaiserslautern.rss");
        byte[] truncated = full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(truncated, "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("Feed ist kein gültiges RSS/Atom:");
    }

    @Test
    void readsRss091FeedWithTheNetscapeDoctypeWithoutFetchingItsDtd() throws Exception {
        // The DTD's host is unreachable here: reading it would fail (or hang), so success proves it is never fetched.
        String feed = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Stadt Ulm</title><link>https://www.ulm.de/</link>
                <description>Pressemitteilungen</description><language>de</language>
                <item><title>Gr&uuml;ne Welle f&uuml;r Radfahrer</title><link>https://www.ulm.de/gruene-welle</link>
                <description>Ampeln schalten f&uuml;r Radfahrende auf Gr&uuml;n.</description></item>
                </channel></rss>
                """;

        List<FeedEntry> entries = parser.parse(feed.getBytes(StandardCharsets.ISO_8859_1), "text/xml");

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Grüne Welle für Radfahrer");
            assertThat(entry.link()).isEqualTo("https://www.ulm.de/gruene-welle");
            assertThat(entry.summary()).contains("für Radfahrende auf Grün");
        });
    }

    @Test
    void neverReadsTheExternalDtdOfAHarmlessDoctype(@TempDir Path dir) throws Exception {
        // Were this DTD read, &geheim; would expand to its text; as it is never read, the undeclared entity fails the feed.
        Path dtd = Files.writeString(dir.resolve("feed.dtd"), "<!ENTITY geheim \"GEHEIMES-PASSWORT-4711\">");
        String feed = """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "%s">
                <rss version="2.0"><channel><title>Presse</title><link>https://www.ulm.de/</link><description>x</description>
                <item><title>Meldung &geheim;</title><link>https://www.ulm.de/meldung</link></item>
                </channel></rss>
                """.formatted(dtd.toUri());

        assertThatThrownBy(() -> parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("Feed ist kein gültiges RSS/Atom: kein wohlgeformtes XML")
                .hasMessageContaining("geheim")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain("GEHEIMES-PASSWORT-4711"));
    }

    @Test
    void readsFeedWhoseInternalSubsetDeclaresNoEntities() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [
                  <!ELEMENT rss ANY>
                  <!-- vom CMS erzeugt, "ohne" Bedeutung ] -->
                ]>
                <rss version="2.0"><channel><title>Stadt Ulm</title><link>https://www.ulm.de/</link><description>x</description>
                <item><title>Neue Ladesäulen</title><link>https://www.ulm.de/laden</link></item></channel></rss>
                """;

        assertThat(parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .extracting(FeedEntry::title).containsExactly("Neue Ladesäulen");
    }

    @Test
    void rejectsInternalSubsetThatRefersToAParameterEntity() {
        String feed = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ %remote; ]>
                <rss version="2.0"><channel><title>x</title><link>https://www.ulm.de/</link><description>x</description></channel></rss>
                """;

        assertThatThrownBy(() -> parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("Feed enthält eine DOCTYPE-Deklaration mit eigenen Entitäten");
    }

    @Test
    void rejectsPublicDoctypeThatAlsoHasAnInternalSubset() {
        String feed = """
                <?xml version="1.0"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd" [
                  <!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;
                ]>
                <rss version="0.91"><channel><title>x</title><link>https://www.ulm.de/</link><description>x</description></channel></rss>
                """;

        assertThatThrownBy(() -> parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Feed enthält eine DOCTYPE-Deklaration mit eigenen Entitäten; sie wird aus Sicherheitsgründen "
                        + "abgelehnt (Schutz vor XXE und Entity-Bomben).");
    }

    @Test
    void rejectsDoctypeHiddenBehindTheRootElement() {
        String feed = """
                <rss version="2.0"><!DOCTYPE x [<!ENTITY a "b">]><channel><title>x</title></channel></rss>
                """;

        assertThatThrownBy(() -> parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void readsWindows1252FeedThatDeclaresUtf8() throws Exception {
        byte[] body = rss("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "„Smart City“: Müllabfuhr für 12 € pro Straße")
                .getBytes(Charset.forName("windows-1252"));

        assertThat(parser.parse(body, "application/rss+xml; charset=utf-8").getFirst().title())
                .isEqualTo("„Smart City“: Müllabfuhr für 12 € pro Straße");
    }

    @Test
    void readsUtf8FeedThatDeclaresIso88591() throws Exception {
        byte[] body = rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Glättesensoren für Brücken in Hürth")
                .getBytes(StandardCharsets.UTF_8);

        String title = parser.parse(body, "text/xml; charset=ISO-8859-1").getFirst().title();

        assertThat(title).isEqualTo("Glättesensoren für Brücken in Hürth").doesNotContain("Ã");
    }

    @Test
    void readsIso885915FeedWithEuroSign() throws Exception {
        byte[] body = rss("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>", "Parken kostet 2 € je Stunde")
                .getBytes(Charset.forName("ISO-8859-15"));

        assertThat(parser.parse(body, "text/xml").getFirst().title()).isEqualTo("Parken kostet 2 € je Stunde");
    }

    @Test
    void readsGermanDatesThatRomeDrops() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Stadt Hof</title>
                <link>https://www.hof.de/</link><description>Presse</description>
                <item><title>A</title><link>https://www.hof.de/a</link><pubDate>Mo, 24 Nov 2026 10:00:00 +0100</pubDate></item>
                <item><title>B</title><link>https://www.hof.de/b</link><pubDate>24. November 2026</pubDate></item>
                <item><title>C</title><link>https://www.hof.de/c</link><dc:date>23.11.2026 14:30</dc:date></item>
                <item><title>D</title><link>https://www.hof.de/d</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>
                <item><title>E</title><link>https://www.hof.de/e</link><pubDate>demnächst</pubDate></item>
                </channel></rss>
                """;

        List<FeedEntry> entries = parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        assertThat(entries).extracting(FeedEntry::published).containsExactly(
                Instant.parse("2026-11-24T09:00:00Z"),
                Instant.parse("2026-11-23T23:00:00Z"),
                Instant.parse("2026-11-23T13:30:00Z"),
                Instant.parse("2026-11-23T08:00:00Z"),
                null);
    }

    @Test
    void readsRfc822DatesWhateverTheirYearAndZoneAndIsoDatesInPubDate() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Stadt Hof</title>
                <link>https://www.hof.de/</link><description>Presse</description>
                <item><title>A</title><link>https://www.hof.de/a</link><pubDate>Tue, 24 Nov 2026 10:00:00 +0100</pubDate></item>
                <item><title>B</title><link>https://www.hof.de/b</link><pubDate>Tue, 24 Nov 26 10:00:00 GMT</pubDate></item>
                <item><title>C</title><link>https://www.hof.de/c</link><pubDate>Tue, 24 Nov 2026 10:00:00 CET</pubDate></item>
                <item><title>D</title><link>https://www.hof.de/d</link><pubDate>2026-11-24T10:00:00+01:00</pubDate></item>
                <item><title>E</title><link>https://www.hof.de/e</link><pubDate>24 Nov 2026 10:00:00 GMT</pubDate></item>
                </channel></rss>
                """;

        List<FeedEntry> entries = parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        assertThat(entries).extracting(FeedEntry::published).containsExactly(
                Instant.parse("2026-11-24T09:00:00Z"),
                Instant.parse("2026-11-24T10:00:00Z"),
                Instant.parse("2026-11-24T09:00:00Z"),
                Instant.parse("2026-11-24T09:00:00Z"),
                Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void readsGermanDatesInAtom() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Ulm</title><id>urn:ulm</id><updated>2026-11-20T10:00:00Z</updated>
                <entry><title>A</title><id>urn:a</id><link href="https://www.ulm.de/a"/><updated>Di, 24 Nov 2026 10:00:00 MEZ</updated></entry>
                </feed>
                """;

        assertThat(parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/atom+xml").getFirst().published())
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void resolvesRelativeAtomLinksAgainstXmlBase() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.ulm.de/presse/">
                <title>Ulm</title><id>urn:ulm</id><updated>2026-11-20T10:00:00Z</updated>
                <entry xml:base="2026/"><title>A</title><id>urn:a</id><link href="meldung-a.html"/><updated>2026-11-20T10:00:00Z</updated></entry>
                <entry><title>B</title><id>urn:b</id><link href="/archiv/b.html"/><updated>2026-11-20T10:00:00Z</updated></entry>
                <entry><title>C</title><id>urn:c</id><link xml:base="https://presse.ulm.de/" href="c.html"/><updated>2026-11-20T10:00:00Z</updated></entry>
                <entry><title>D</title><id>urn:d</id><link href="https://www.ulm.de/d.html"/><updated>2026-11-20T10:00:00Z</updated></entry>
                </feed>
                """;

        assertThat(parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/atom+xml")).extracting(FeedEntry::link)
                .containsExactly("https://www.ulm.de/presse/2026/meldung-a.html", "https://www.ulm.de/archiv/b.html",
                        "https://presse.ulm.de/c.html", "https://www.ulm.de/d.html");
    }

    @Test
    void leavesLinksRelativeToTheFeedWhenTheXmlBaseIsRelativeToo() throws Exception {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/presse/"><title>Ulm</title><id>urn:ulm</id>
                <updated>2026-11-20T10:00:00Z</updated>
                <entry><title>A</title><id>urn:a</id><link href="a.html"/><updated>2026-11-20T10:00:00Z</updated></entry></feed>
                """;

        assertThat(parser.parse(feed.getBytes(StandardCharsets.UTF_8), null).getFirst().link()).isEqualTo("/presse/a.html");
    }

    @Test
    void readsAValidFeedWithoutEntriesAsEmpty() throws Exception {
        String feed = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Stadt Ulm</title><link>https://www.ulm.de/</link>
                <description>Zurzeit keine Meldungen</description></channel></rss>
                """;

        assertThat(parser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml")).isEmpty();
    }

    @Test
    void namesCloudflareChallengePages() {
        byte[] page = """
                <!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>
                <div id="challenge-running">Checking if the site connection is secure</div>
                <script>window._cf_chl_opt={cvId: '3'};</script></body></html>
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(page, "text/html; charset=UTF-8"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist eine Bot-Schutzseite (Cloudflare, Titel „Just a moment...“) statt eines Feeds; "
                        + "der Server lässt den Abruf ohne Browser-Prüfung oder Captcha nicht durch.");
    }

    @Test
    void namesCookieConsentWalls() {
        byte[] page = """
                <html><head><title>Datenschutzeinstellungen</title></head><body>
                <p>Wir nutzen Cookies, um unsere Website zu verbessern.</p>
                <button>Alle akzeptieren</button><button>Nur notwendige</button></body></html>
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(page, "text/html"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist eine Cookie-Zustimmungsseite („Datenschutzeinstellungen“) statt eines Feeds; "
                        + "der Server zeigt vor dem Inhalt eine Einwilligungsabfrage.");
    }

    @Test
    void quotesTheMessageOfAJsonErrorPage() {
        byte[] json = """
                {"error": {"code": 503, "message": "Service temporarily unavailable, please retry later"}}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(json, "application/json"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist eine JSON-Fehlermeldung statt eines Feeds: „Service temporarily unavailable, "
                        + "please retry later“.");
    }

    @Test
    void saysWhenTheBodyIsOnlyWhitespace() {
        assertThatThrownBy(() -> parser.parse(" \r\n\t ".getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Die Antwort ist leer (kein Feed).");
    }

    @Test
    void saysWhenTheBodyIsPlainText() {
        assertThatThrownBy(() -> parser.parse("Service Unavailable".getBytes(StandardCharsets.UTF_8), "text/plain"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Feed ist kein gültiges RSS/Atom: die Antwort ist kein XML, sie beginnt mit „Service Unavailable“.");
    }

    @Test
    void saysWhereTheFeedIsCutOff() {
        String full = Fixtures.utf8("feeds/kaiserslautern.rss");
        byte[] truncated = full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(truncated, "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageMatching("Feed ist kein gültiges RSS/Atom: das XML bricht in Zeile \\d+ mitten im Dokument ab, "
                        + "die Antwort ist unvollständig\\.");
    }

    @Test
    void saysWhereTheXmlIsMalformed() {
        byte[] broken = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Presse</title>
                <item><title>Neue Ladesäulen</titel></item></channel></rss>
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(broken, "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("Feed ist kein gültiges RSS/Atom: kein wohlgeformtes XML (Zeile 3, Spalte");
    }

    @Test
    void namesTheRootElementOfXmlThatIsNoFeed() {
        byte[] sitemap = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://www.ulm.de/</loc></url></urlset>
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(sitemap, "application/xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Feed ist kein gültiges RSS/Atom: unbekanntes Format mit dem Wurzelelement <urlset>.");
    }

    private static String rss(String declaration, String title) {
        return declaration + """
                <rss version="2.0"><channel><title>Stadt Hürth</title><link>https://www.huerth.de/</link>
                <description>Pressemitteilungen</description>
                <item><title>%s</title><link>https://www.huerth.de/aktuelles/glaettesensoren.php</link>
                <description>Sensoren melden Glätte.</description></item></channel></rss>
                """.formatted(title);
    }

    private static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
