package de.smartcity.catalogue.search.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.MergedReport;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.search.ItemHit;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;

/** Item feeds written with ROME and read back with ROME, as a feed reader would. */
class ItemFeedsTest {
    private static final String HOSTILE_TITLE = "Parken & Laden <img src=x onerror=alert(1)> am Rathaus";
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T09:15:00Z");
    private static final FeedHead HEAD = new FeedHead(FeedIds.feed("/feeds/items.atom?theme=parking"),
            "Smart-City-Katalog: Meldungen – Parken", "http://localhost:8080/feeds/items.atom?theme=parking",
            "http://localhost:8080/?theme=parking", "http://localhost:8080", PUBLISHED);
    private static final ItemFeeds FEEDS = new ItemFeeds(Taxonomy.bundled());

    @Test
    void atomFeedHasItsIdTitleUpdatedAndSelfLink() throws Exception {
        Feed feed = (Feed) read(FEEDS.atom(HEAD, List.of(item("0123456789abcdef0123", "https://www.mannheim.de/parken"))));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo(HEAD.id()).startsWith("urn:uuid:");
        assertThat(feed.getTitle()).isEqualTo("Smart-City-Katalog: Meldungen – Parken");
        assertThat(feed.getUpdated()).isEqualTo(PUBLISHED);
        assertThat(feed.getOtherLinks()).singleElement().satisfies(self -> {
            assertThat(self.getRel()).isEqualTo("self");
            assertThat(self.getHref()).isEqualTo(HEAD.self());
            assertThat(self.getType()).isEqualTo("application/atom+xml");
        });
        assertThat(feed.getAuthors()).isNotEmpty();
    }

    @Test
    void atomEntryKeepsMarkupInTheTitleAsTextAndLinksToEverySource() throws Exception {
        Feed feed = (Feed) read(FEEDS.atom(HEAD, List.of(item("0123456789abcdef0123", "https://www.mannheim.de/parken"))));

        Entry entry = feed.getEntries().getFirst();
        assertThat(entry.getId()).isEqualTo(FeedIds.item("0123456789abcdef0123")).startsWith("urn:uuid:");
        assertThat(entry.getTitleEx().getType()).isEqualTo("text");
        assertThat(entry.getTitle()).isEqualTo(HOSTILE_TITLE);
        assertThat(entry.getPublished()).isEqualTo(PUBLISHED);
        assertThat(entry.getUpdated()).isEqualTo(PUBLISHED);
        assertThat(entry.getSummary().getValue()).isEqualTo("Die Stadt & ihre <b>Parkhäuser</b>.");
        assertThat(entry.getAlternateLinks()).extracting(Link::getHref).containsExactly("https://www.mannheim.de/parken");
        assertThat(entry.getOtherLinks()).extracting(Link::getHref).containsExactly(
                "https://www.kommune21.de/mannheim-parken", "http://localhost:8080/meldung/0123456789abcdef0123");
        assertThat(entry.getCategories()).singleElement().satisfies(category -> {
            assertThat(category.getTerm()).isEqualTo("parking");
            assertThat(category.getLabel()).isEqualTo("Parken");
        });
    }

    @Test
    void entryIdsDependOnTheItemIdAlone() {
        assertThat(FeedIds.item("0123456789abcdef0123")).isEqualTo(FeedIds.item("0123456789abcdef0123"))
                .isNotEqualTo(FeedIds.item("0123456789abcdef0124")).isNotEqualTo(FeedIds.project("0123456789abcdef0123"));
    }

    @Test
    void anAddressThatIsNotHttpNeverBecomesALink() throws Exception {
        Feed feed = (Feed) read(FEEDS.atom(HEAD, List.of(item("00000000000000000bad", "javascript:alert(3)"))));

        assertThat(feed.getEntries().getFirst().getAlternateLinks()).extracting(Link::getHref)
                .containsExactly("http://localhost:8080/meldung/00000000000000000bad");
    }

    @Test
    void rssChannelAndItemHaveWhatRss2Requires() throws Exception {
        Channel channel = (Channel) read(FEEDS.rss(HEAD, List.of(item("0123456789abcdef0123", "https://www.mannheim.de/parken"))));

        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getTitle()).isEqualTo(HEAD.title());
        assertThat(channel.getLink()).isEqualTo(HEAD.alternate());
        assertThat(channel.getDescription()).isNotBlank();
        assertThat(channel.getLanguage()).isEqualTo("de");
        Item item = channel.getItems().getFirst();
        assertThat(item.getTitle()).isEqualTo(HOSTILE_TITLE);
        assertThat(item.getLink()).isEqualTo("https://www.mannheim.de/parken");
        assertThat(item.getGuid().isPermaLink()).isFalse();
        assertThat(item.getGuid().getValue()).isEqualTo(FeedIds.item("0123456789abcdef0123"));
        assertThat(item.getPubDate()).isEqualTo(PUBLISHED);
        assertThat(item.getCategories()).extracting(com.rometools.rome.feed.rss.Category::getValue).containsExactly("Parken");
        assertThat(item.getForeignMarkup()).extracting(link -> link.getAttributeValue("href")).containsExactly(
                "https://www.kommune21.de/mannheim-parken", "http://localhost:8080/meldung/0123456789abcdef0123");
        assertThat(channel.getForeignMarkup()).extracting(Element::getName, link -> link.getAttributeValue("rel"))
                .contains(org.assertj.core.groups.Tuple.tuple("link", "self"));
    }

    @Test
    void datesAreRfc3339InAtomAndRfc822InRss() {
        String atom = new String(FeedWriter.write(FEEDS.atom(HEAD, List.of(item("0123456789abcdef0123", "https://a.de/")))),
                StandardCharsets.UTF_8);
        String rss = new String(FeedWriter.write(FEEDS.rss(HEAD, List.of(item("0123456789abcdef0123", "https://a.de/")))),
                StandardCharsets.UTF_8);

        assertThat(atom).contains("<published>2026-11-20T09:15:00Z</published>").contains("<updated>2026-11-20T09:15:00Z</updated>")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        assertThat(rss).contains("<pubDate>Fri, 20 Nov 2026 09:15:00 GMT</pubDate>").doesNotContain("<img");
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        FeedHead empty = new FeedHead(HEAD.id(), HEAD.title(), HEAD.self(), HEAD.alternate(), HEAD.base(), Instant.EPOCH);

        Feed feed = (Feed) read(FEEDS.atom(empty, List.of()));

        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getUpdated()).isEqualTo(Instant.EPOCH);
    }

    private static com.rometools.rome.feed.WireFeed read(com.rometools.rome.feed.WireFeed feed) throws Exception {
        byte[] xml = FeedWriter.write(feed);
        return new WireFeedInput().build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
    }

    private static ItemHit item(String id, String url) {
        NewsItem item = new NewsItem(id, HOSTILE_TITLE, "Die Stadt & ihre <b>Parkhäuser</b>.", url, PUBLISHED, false,
                PUBLISHED, PUBLISHED, List.of("mannheim-presse", "kommune21"),
                List.of(new MergedReport("kommune21", "https://www.kommune21.de/mannheim-parken", "Mannheim: Parken", 0.8,
                        "gleicher Titel")),
                new Place("Mannheim", PlaceKind.MUNICIPALITY, "08222000", "Baden-Württemberg", null, 49.49, 8.47, "Quelle"),
                List.of(new ThemeAssignment("parking", 0.9, List.of(new Evidence("Parken", "title")))),
                List.of("Mobilität"), "de");
        return ItemHit.of(item, Map.of(), List.of());
    }
}
