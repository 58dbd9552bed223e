package de.smartcity.catalogue.routes.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.routes.Fixtures;
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
