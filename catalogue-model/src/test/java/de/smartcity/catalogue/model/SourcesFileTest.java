package de.smartcity.catalogue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileTest {

    private static List<Source> read(String yaml) throws IOException {
        return SourcesFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static SourcesFile.InvalidSourcesException rejected(String yaml) {
        try {
            read(yaml);
        } catch (SourcesFile.InvalidSourcesException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("expected a validation error, got " + e, e);
        }
        throw new AssertionError("expected the file to be rejected");
    }

    @Test
    void readsFeedAndHtmlSources() throws IOException {
        List<Source> sources = read("""
                sources:
                  - id: mannheim-presse
                    city: Mannheim
                    url: https://www.mannheim.de/presse.rss
                    kind: rss
                    interval: PT15M
                  - id: kommune21
                    url: https://www.kommune21.de/meldungen
                    kind: html
                    html:
                      item: article.teaser
                      title: h3
                      link: "h3 a[href]"
                      date: time
                      dateFormat: dd.MM.yyyy
                """);

        assertThat(sources).hasSize(2);
        Source mannheim = sources.get(0);
        assertThat(mannheim.cityName()).contains("Mannheim");
        assertThat(mannheim.kind()).isEqualTo(SourceKind.RSS);
        assertThat(mannheim.interval()).isEqualTo(Duration.ofMinutes(15));
        Source portal = sources.get(1);
        assertThat(portal.isMultiCity()).isTrue();
        assertThat(portal.kind()).isEqualTo(SourceKind.HTML);
        assertThat(portal.htmlSelectors()).get().extracting(HtmlSelectors::item).isEqualTo("article.teaser");
        assertThat(portal.interval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void rejectsUnknownKeysNamingSourceAndField() {
        assertThat(rejected("""
                sources:
                  - id: ulm
                    city: Ulm
                    url: https://www.ulm.de/feed.rss
                    intervall: PT30M
                """).problems()).singleElement().asString()
                .contains("source 'ulm'").contains("unknown field 'intervall'");
    }

    @Test
    void rejectsMissingAndDuplicateIds() {
        assertThat(rejected("""
                sources:
                  - city: Ulm
                    url: https://www.ulm.de/feed.rss
                  - id: ulm
                    url: https://www.ulm.de/a.rss
                  - id: ulm
                    url: https://www.ulm.de/b.rss
                """).problems()).containsExactly(
                "source #1: field 'id' is missing",
                "source 'ulm': field 'id' is used by an earlier source too");
    }

    @Test
    void rejectsBadUrlsAndIntervals() {
        assertThat(rejected("""
                sources:
                  - id: a
                    url: ftp://example.org/feed
                  - id: b
                    url: https://example.org/feed
                    interval: 30 minutes
                  - id: c
                    url: https://example.org/feed
                    interval: PT5S
                  - id: d
                    url: "https://exa mple.org/"
                """).problems()).satisfiesExactly(
                problem -> assertThat(problem).startsWith("source 'a': field 'url' must start with http:"),
                problem -> assertThat(problem).startsWith("source 'b': field 'interval' is not an ISO-8601 duration"),
                problem -> assertThat(problem).startsWith("source 'c': field 'interval' must be at least PT1M"),
                problem -> assertThat(problem).startsWith("source 'd': field 'url' is not a valid URL"));
    }

    @Test
    void rejectsHtmlSourceWithoutSelectorsAndUnknownKind() {
        assertThat(rejected("""
                sources:
                  - id: portal
                    url: https://example.org/news
                    kind: html
                  - id: other
                    url: https://example.org/feed
                    kind: json
                """).problems()).containsExactly(
                "source 'portal': field 'html' with CSS selectors (item, title, link) is required for kind html",
                "source 'other': field 'kind': unknown kind 'json', expected one of auto, rss, atom, rdf, html");
    }

    @Test
    void readsPaginationOfAnHtmlListing() throws IOException {
        List<Source> sources = read("""
                sources:
                  - id: kommune21
                    url: https://www.kommune21.de/meldungen
                    kind: html
                    html:
                      item: article.teaser
                      title: h3
                      link: "h3 a[href]"
                      next: "a[rel=next]"
                      maxPages: 5
                  - id: portal-ohne-max
                    url: https://www.example.org/news
                    kind: html
                    html:
                      item: article
                      title: h2
                      link: "h2 a"
                      next: "li.next a"
                  - id: portal-eine-seite
                    url: https://www.example.org/presse
                    kind: html
                    html:
                      item: article
                      title: h2
                      link: "h2 a"
                """);

        HtmlSelectors paged = sources.get(0).htmlSelectors().orElseThrow();
        assertThat(paged.nextPage()).contains("a[rel=next]");
        assertThat(paged.maxPages()).isEqualTo(5);
        assertThat(paged.pageLimit()).isEqualTo(5);
        HtmlSelectors defaultPages = sources.get(1).htmlSelectors().orElseThrow();
        assertThat(defaultPages.maxPages()).isNull();
        assertThat(defaultPages.pageLimit()).isEqualTo(HtmlSelectors.DEFAULT_MAX_PAGES).isEqualTo(3);
        HtmlSelectors onePage = sources.get(2).htmlSelectors().orElseThrow();
        assertThat(onePage.nextPage()).isEmpty();
        assertThat(onePage.pageLimit()).isEqualTo(1);
    }

    @Test
    void rejectsMaxPagesOutOfBoundsOrWithoutNextSelector() {
        assertThat(rejected("""
                sources:
                  - id: zu-viele
                    url: https://example.org/a
                    kind: html
                    html: {item: article, title: h2, link: "h2 a", next: "a.weiter", maxPages: 11}
                  - id: null-seiten
                    url: https://example.org/b
                    kind: html
                    html: {item: article, title: h2, link: "h2 a", next: "a.weiter", maxPages: 0}
                  - id: keine-zahl
                    url: https://example.org/c
                    kind: html
                    html: {item: article, title: h2, link: "h2 a", next: "a.weiter", maxPages: viele}
                  - id: ohne-next
                    url: https://example.org/d
                    kind: html
                    html: {item: article, title: h2, link: "h2 a", maxPages: 2}
                """).problems()).containsExactly(
                "source 'zu-viele': field 'html.maxPages' must be from 1 to 10 (was 11)",
                "source 'null-seiten': field 'html.maxPages' must be from 1 to 10 (was 0)",
                "source 'keine-zahl': field 'html.maxPages' must be a whole number from 1 to 10 (was 'viele')",
                "source 'ohne-next': field 'html.maxPages' needs 'html.next', the selector of the next-page link");
    }

    @Test
    void pageLimitStaysWithinBoundsWhenBuiltInCode() {
        assertThat(new HtmlSelectors("a", "b", "c", null, null, null, "a.next", 50).pageLimit()).isEqualTo(10);
        assertThat(new HtmlSelectors("a", "b", "c", null, null, null, "a.next", -1).pageLimit()).isEqualTo(1);
        assertThat(new HtmlSelectors("a", "b", "c", null, null, null, " ", 5).pageLimit()).isEqualTo(1);
    }

    @Test
    void rejectsFileWithoutSourcesList() {
        assertThatThrownBy(() -> read("feeds: []")).isInstanceOf(SourcesFile.InvalidSourcesException.class)
                .hasMessageContaining("expected a top-level list 'sources:'");
    }

    @Test
    void resolvesRelativeFileUrlsAgainstTheSourcesFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - id: ulm
                    city: Ulm
                    url: file:feeds/ulm.rss
                  - id: hof
                    city: Hof
                    url: https://www.stadt-hof.de/feed.rss
                """);

        List<Source> sources = SourcesFile.read(file);

        assertThat(Path.of(sources.get(0).url())).isEqualTo(directory.resolve("feeds/ulm.rss"));
        assertThat(sources.get(1).url()).hasToString("https://www.stadt-hof.de/feed.rss");
    }

    @Test
    void oneSourceFromElsewhereIsCheckedByTheFilesRulesWithTheSameMessages() throws Exception {
        ObjectMapper json = CatalogueJson.mapper();
        Source source = SourcesFile.readOne(json.readTree("""
                {"id":"huerth-presse","city":"Hürth","url":"https://www.huerth.de/presse.rss","interval":"PT2H"}
                """), "request");
        assertThat(source.interval()).isEqualTo(Duration.ofHours(2));
        assertThat(source.kind()).isEqualTo(SourceKind.AUTO);

        SourcesFile.InvalidSourcesException single = assertThrows(SourcesFile.InvalidSourcesException.class,
                () -> SourcesFile.readOne(json.readTree("""
                        {"id":"huerth-presse","url":"https://www.huerth.de/presse.rss","interval":"PT30S","kind":"html"}
                        """), "request"));
        assertThat(single.problems()).containsExactly(
                "source 'huerth-presse': field 'interval' must be at least PT1M (was PT30S)",
                "source 'huerth-presse': field 'html' with CSS selectors (item, title, link) is required for kind html");
        String fileMessage = rejected("""
                sources:
                  - id: huerth-presse
                    url: https://www.huerth.de/presse.rss
                    interval: PT30S
                    kind: html
                """).problems().toString();
        assertThat(fileMessage).isEqualTo(single.problems().toString());

        assertThat(assertThrows(SourcesFile.InvalidSourcesException.class,
                () -> SourcesFile.readOne(json.readTree("{\"id\":\"Hürth\",\"url\":\"ftp://x\"}"), "request")).problems())
                .containsExactly("source 'Hürth': field 'id' must be lower-case letters, digits and dashes",
                        "source: field 'url' must start with http:, https:, file: or classpath: (was 'ftp://x')");
    }
}
