package de.smartcity.catalogue.routes.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.routes.parse.FeedEntry;
import de.smartcity.catalogue.routes.store.Sighting;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemNormaliserTest {

    private static final URI FEED = URI.create("https://www.kaiserslautern.de/aktuelles/pressemitteilungen/rss.xml");
    private static final Source SOURCE = new Source("kaiserslautern-presse", "Kaiserslautern", FEED, SourceKind.AUTO,
            Duration.ofMinutes(30), null);
    private static final Instant POLL = Instant.parse("2026-11-24T09:00:00Z");

    private final ItemNormaliser normaliser = new ItemNormaliser();

    private static FeedEntry entry(String title, String link, Instant published) {
        return new FeedEntry("kl-pm-2026-412", title, "<p>Rund 400 Bodensensoren erfassen freie Stellplätze.</p>", link, published);
    }

    private List<NewsItem> items(List<FeedEntry> entries, Instant now) {
        return normaliser.normalise(SOURCE, FEED, entries, now).stream().map(Sighting::item).toList();
    }

    @Test
    void givesTheSameIdForTheSameLinkOnEveryPoll() {
        FeedEntry entry = entry("Parksensoren melden freie Stellplätze", "2026/parksensoren.html?utm_source=rss",
                Instant.parse("2026-11-18T09:30:00Z"));

        NewsItem first = items(List.of(entry), POLL).getFirst();
        NewsItem later = items(List.of(entry), POLL.plus(Duration.ofHours(5))).getFirst();

        assertThat(first.id()).hasSize(20).isEqualTo(later.id());
    }

    @Test
    void givesTheSameIdForHttpAndHttpsAndWwwVariantsOfTheLink() {
        Instant date = Instant.parse("2026-11-18T09:30:00Z");
        List<NewsItem> items = items(List.of(
                entry("Parksensoren", "https://www.kaiserslautern.de/aktuelles/parksensoren.html", date),
                entry("Parksensoren", "http://kaiserslautern.de/aktuelles/parksensoren.html?utm_medium=feed#top", date)), POLL);

        assertThat(items).hasSize(2);
        assertThat(items.get(0).id()).isEqualTo(items.get(1).id());
    }

    @Test
    void givesDifferentStoriesDifferentIds() {
        Instant date = Instant.parse("2026-11-18T09:30:00Z");
        List<NewsItem> items = items(List.of(
                entry("Parksensoren", "https://www.kaiserslautern.de/aktuelles/parksensoren.html", date),
                entry("Winterdienst", "https://www.kaiserslautern.de/aktuelles/winterdienst.html", date)), POLL);

        assertThat(items.get(0).id()).isNotEqualTo(items.get(1).id());
    }

    @Test
    void resolvesRelativeLinkAndRemovesTracking() {
        NewsItem item = items(List.of(entry("Parksensoren", "2026/parksensoren.html?utm_source=rss&id=412",
                Instant.parse("2026-11-18T09:30:00Z"))), POLL).getFirst();

        assertThat(item.url()).isEqualTo("https://www.kaiserslautern.de/aktuelles/pressemitteilungen/2026/parksensoren.html?id=412");
    }

    @Test
    void skipsEntriesWithoutTitle() {
        List<FeedEntry> entries = List.of(
                entry("", "https://www.kaiserslautern.de/a.html", null),
                entry("  <b> </b> ", "https://www.kaiserslautern.de/b.html", null),
                entry("Freies WLAN in Bürgerhäusern", "https://www.kaiserslautern.de/c.html", null));

        assertThat(items(entries, POLL)).extracting(NewsItem::title).containsExactly("Freies WLAN in Bürgerhäusern");
    }

    @Test
    void skipsEntriesWithoutHttpLink() {
        List<FeedEntry> entries = List.of(
                entry("Ohne Link", null, null),
                entry("Popup", "javascript:void(0)", null),
                entry("Mail an die Pressestelle", "mailto:presse@kaiserslautern.de", null),
                entry("Eingebettet", "data:text/plain,Hallo", null),
                entry("Freies WLAN in Bürgerhäusern", "https://www.kaiserslautern.de/c.html", null));

        assertThat(items(entries, POLL)).extracting(NewsItem::title).containsExactly("Freies WLAN in Bürgerhäusern");
    }

    @Test
    void keepsTheDateTheSourceGave() {
        Instant published = Instant.parse("2026-11-18T09:30:00Z");

        NewsItem item = items(List.of(entry("Parksensoren", "https://www.kaiserslautern.de/p.html", published)), POLL).getFirst();

        assertThat(item.published()).isEqualTo(published);
        assertThat(item.publishedEstimated()).isFalse();
        assertThat(item.firstSeen()).isEqualTo(POLL);
        assertThat(item.lastSeen()).isEqualTo(POLL);
    }

    @Test
    void estimatesMissingDateWithThePollTime() {
        NewsItem item = items(List.of(entry("Parksensoren", "https://www.kaiserslautern.de/p.html", null)), POLL).getFirst();

        assertThat(item.published()).isEqualTo(POLL);
        assertThat(item.publishedEstimated()).isTrue();
    }

    @Test
    void treatsDateMoreThanAnHourAheadAsMissing() {
        Instant nextWeek = POLL.plus(Duration.ofDays(7));

        NewsItem item = items(List.of(entry("Parksensoren", "https://www.kaiserslautern.de/p.html", nextWeek)), POLL).getFirst();

        assertThat(item.published()).isEqualTo(POLL);
        assertThat(item.publishedEstimated()).isTrue();
    }

    @Test
    void acceptsDateSlightlyAheadFromADriftingServerClock() {
        Instant soon = POLL.plus(Duration.ofMinutes(45));

        NewsItem item = items(List.of(entry("Parksensoren", "https://www.kaiserslautern.de/p.html", soon)), POLL).getFirst();

        assertThat(item.published()).isEqualTo(soon);
        assertThat(item.publishedEstimated()).isFalse();
    }

    @Test
    void cleansTitleAndSummary() {
        FeedEntry entry = new FeedEntry(null, "Gr&uuml;nfl&auml;chen <em>digital</em> bew&auml;ssert",
                "<p>Bodenfeuchtesensoren&nbsp;melden,  wann ein Baum Wasser braucht.</p><script>track()</script>"
                        + " <a href=\"/meldung\">mehr…</a>",
                "https://www.kaiserslautern.de/gruenflaechen.html", null);

        NewsItem item = items(List.of(entry), POLL).getFirst();

        assertThat(item.title()).isEqualTo("Grünflächen digital bewässert");
        assertThat(item.summary()).isEqualTo("Bodenfeuchtesensoren melden, wann ein Baum Wasser braucht.");
    }

    @Test
    void recordsSourceGuidAndOriginalLink() {
        String link = "2026/parksensoren.html?utm_source=rss";

        Sighting sighting = normaliser.normalise(SOURCE, FEED,
                List.of(entry("Parksensoren", link, null)), POLL).getFirst();

        assertThat(sighting.sourceId()).isEqualTo("kaiserslautern-presse");
        assertThat(sighting.guid()).isEqualTo("kl-pm-2026-412");
        assertThat(sighting.sourceUrl()).isEqualTo(link);
        assertThat(sighting.item().sourceIds()).containsExactly("kaiserslautern-presse");
        assertThat(sighting.item().language()).isEqualTo("de");
        assertThat(sighting.item().place()).isNull();
        assertThat(sighting.item().themes()).isEmpty();
    }
}
