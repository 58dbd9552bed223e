package de.smartcity.catalogue.search.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import de.smartcity.catalogue.model.MergedReport;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.search.ItemHit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;

/**
 * Items as an Atom 1.0 or RSS 2.0 feed. Each entry links to the story's original address and, as related links,
 * to every other source's report merged into it and to the item in the catalogue; its themes are categories,
 * named in German. Texts are plain text: ROME escapes them, so markup in a title stays text.
 */
public final class ItemFeeds {
    private final Taxonomy taxonomy;

    public ItemFeeds(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public Feed atom(FeedHead head, List<ItemHit> items) {
        Feed feed = FeedWriter.atomFeed(head, "Neue Meldungen aus dem Smart-City-Katalog, die die Redaktion freigegeben hat");
        feed.setEntries(items.stream().map(item -> entry(head, item)).toList());
        return feed;
    }

    public Channel rss(FeedHead head, List<ItemHit> items) {
        Channel channel = FeedWriter.rssChannel(head, "Neue Meldungen aus dem Smart-City-Katalog, die die Redaktion freigegeben hat");
        channel.setItems(items.stream().map(item -> rssItem(head, item)).toList());
        return channel;
    }

    private Entry entry(FeedHead head, ItemHit item) {
        Entry entry = new Entry();
        entry.setId(FeedIds.item(item.id()));
        entry.setTitleEx(FeedWriter.text(item.title()));
        Date published = Date.from(item.published());
        entry.setPublished(published);
        // The publication date, not when a source last carried the story: a re-poll must not make it new again.
        entry.setUpdated(published);
        if (item.summary() != null && !item.summary().isBlank()) {
            entry.setSummary(FeedWriter.text(item.summary()));
        }
        entry.setAlternateLinks(List.of(FeedWriter.link("alternate", original(head, item), "text/html", null)));
        List<com.rometools.rome.feed.atom.Link> related = new ArrayList<>();
        for (MergedReport report : otherReports(item)) {
            related.add(FeedWriter.link("related", report.url(), "text/html", report.source() + ": " + report.title()));
        }
        related.add(FeedWriter.link("related", catalogueView(head, item), "text/html", "Im Smart-City-Katalog"));
        entry.setOtherLinks(related);
        entry.setCategories(item.themes().stream().map(theme -> category(head, theme)).toList());
        return entry;
    }

    private Item rssItem(FeedHead head, ItemHit item) {
        Item rss = new Item();
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(FeedIds.item(item.id()));
        rss.setGuid(guid);
        rss.setTitle(item.title());
        rss.setLink(original(head, item));
        if (item.summary() != null && !item.summary().isBlank()) {
            Description description = new Description();
            description.setType("text/plain");
            description.setValue(item.summary());
            rss.setDescription(description);
        }
        rss.setPubDate(Date.from(item.published()));
        rss.setCategories(item.themes().stream().map(theme -> {
            com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
            category.setValue(label(theme));
            return category;
        }).toList());
        // RSS has one link per item; the other sources' reports and the catalogue's page go in as Atom links.
        List<Element> links = new ArrayList<>();
        for (MergedReport report : otherReports(item)) {
            links.add(FeedWriter.atomLink("related", report.url(), report.source() + ": " + report.title()));
        }
        links.add(FeedWriter.atomLink("related", catalogueView(head, item), "Im Smart-City-Katalog"));
        rss.setForeignMarkup(links);
        return rss;
    }

    /** The story's own address, or its page in the catalogue when the source gave no web address. */
    private static String original(FeedHead head, ItemHit item) {
        return FeedIds.isWebAddress(item.url()) ? item.url() : catalogueView(head, item);
    }

    private static List<MergedReport> otherReports(ItemHit item) {
        return item.merged() == null ? List.of()
                : item.merged().stream().filter(report -> FeedIds.isWebAddress(report.url())).toList();
    }

    private static String catalogueView(FeedHead head, ItemHit item) {
        return head.base() + "/meldung/" + item.id();
    }

    private Category category(FeedHead head, ThemeAssignment theme) {
        Category category = new Category();
        category.setTerm(theme.id());
        category.setLabel(label(theme));
        category.setScheme(head.base() + "/api/themes");
        return category;
    }

    private String label(ThemeAssignment theme) {
        return taxonomy.theme(theme.id()).map(Theme::de).orElse(theme.id());
    }
}
