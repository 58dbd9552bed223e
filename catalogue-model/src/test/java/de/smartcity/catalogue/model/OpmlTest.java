package de.smartcity.catalogue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpmlTest {
    private static final Source HUERTH = new Source("huerth-presse", "Hürth",
            URI.create("https://www.huerth.de/presse.rss?a=1&b=2"), SourceKind.RSS, Duration.ofMinutes(45), null);
    private static final Source PORTAL = new Source("kommune21", null, URI.create("https://www.kommune21.de/meldungen"),
            SourceKind.HTML, Duration.ofHours(1), new HtmlSelectors("article.teaser", "h3", "h3 a[href]", "time",
            "dd.MM.yyyy", "div > p[title=\"Anriss\"]", "a.next", 2));

    private static List<Opml.Outline> read(String document) throws Opml.InvalidOpmlException {
        return Opml.read(document.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writtenSourcesReadBackAsTheSameSources() throws Exception {
        String document = Opml.write(List.of(HUERTH, PORTAL), "Quellen & Co.");

        List<Opml.Outline> outlines = read(document);
        List<Source> back = outlines.stream()
                .map(outline -> {
                    try {
                        return SourcesFile.readOne(outline.fields("unused", Optional.empty()), outline.name());
                    } catch (SourcesFile.InvalidSourcesException e) {
                        throw new AssertionError(e.getMessage(), e);
                    }
                })
                .toList();

        assertThat(back).containsExactly(HUERTH, PORTAL);
        assertThat(outlines.get(0).text()).contains("Hürth (huerth-presse)");
    }

    @Test
    void escapesTextAndAttributes() {
        String document = Opml.write(List.of(HUERTH, PORTAL), "Quellen & <Co.>");

        assertThat(document).contains("<title>Quellen &amp; &lt;Co.&gt;</title>")
                .contains("xmlUrl=\"https://www.huerth.de/presse.rss?a=1&amp;b=2\"")
                .contains("catalogue:html.summary=\"div &gt; p[title=&quot;Anriss&quot;]\"")
                .contains("xmlns:catalogue=\"" + Opml.NAMESPACE + "\"")
                .contains("<outline type=\"rss\" text=\"Hürth (huerth-presse)\"")
                .contains("htmlUrl=\"https://www.kommune21.de/meldungen\"");
    }

    @Test
    void readsOutlinesOfOtherReadersInsideFolders() throws Exception {
        List<Opml.Outline> outlines = read("""
                <?xml version="1.0"?>
                <opml version="1.0"><head><title>Abos</title></head><body>
                  <outline text="Städte">
                    <outline type="rss" text="Stadt Ulm" xmlUrl="https://www.ulm.de/presse.rss" htmlUrl="https://www.ulm.de/"/>
                  </outline>
                  <outline type="rss" title="Nur Titel" xmlUrl="https://example.org/feed"/>
                </body></opml>
                """);

        assertThat(outlines).extracting(Opml.Outline::name).containsExactly("outline #2 'Stadt Ulm'", "outline #3 'Nur Titel'");
        assertThat(outlines.getFirst().catalogue()).isEmpty();
        ObjectNode fields = outlines.getFirst().fields("stadt-ulm", Optional.of("Ulm"));
        assertThat(fields.toString()).isEqualTo("{\"id\":\"stadt-ulm\",\"city\":\"Ulm\",\"url\":\"https://www.ulm.de/presse.rss\"}");
    }

    @Test
    void anOutlineWithoutFeedAddressIsAProblemNamingIt() {
        Opml.InvalidOpmlException e = assertThrows(Opml.InvalidOpmlException.class, () -> read("""
                <opml version="2.0"><body><outline type="rss" text="Ohne Adresse"/><outline text="ok" xmlUrl="https://a.de/f"/></body></opml>
                """));
        assertThat(e.problems()).containsExactly("outline #1 'Ohne Adresse': attribute 'xmlUrl' is missing (the address of the feed)");
    }

    @Test
    void rejectsMalformedXmlAndOtherDocuments() {
        assertThat(assertThrows(Opml.InvalidOpmlException.class, () -> read("<opml><body><outline xmlUrl='x'></body>"))
                .getMessage()).startsWith("not well-formed XML");
        assertThat(assertThrows(Opml.InvalidOpmlException.class, () -> read("<rss version=\"2.0\"/>")).getMessage())
                .isEqualTo("not OPML: the root element is <rss>, not <opml>");
        assertThat(assertThrows(Opml.InvalidOpmlException.class, () -> read("")).getMessage())
                .startsWith("not well-formed XML");
    }

    @Test
    void rejectsFeedWithExternalEntity() {
        Opml.InvalidOpmlException e = assertThrows(Opml.InvalidOpmlException.class, () -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline text="&secret;" xmlUrl="https://a.de/f"/></body></opml>
                """));
        assertThat(e.getMessage()).doesNotContain("root:").contains("DOCTYPE");
    }

    @Test
    void rejectsEntityExpansion() {
        Opml.InvalidOpmlException e = assertThrows(Opml.InvalidOpmlException.class, () -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
                <opml version="2.0"><body><outline text="&d;" xmlUrl="https://a.de/f"/></body></opml>
                """));
        assertThat(e.getMessage()).contains("DOCTYPE");
    }
}
