package de.smartcity.catalogue.search.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** What the catalogue's Atom and RSS feeds share: their head, their links, and writing them as UTF-8 XML. */
public final class FeedWriter {
    public static final String ATOM = "atom_1.0";
    public static final String RSS = "rss_2.0";
    public static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
    public static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
    private static final Namespace ATOM_NAMESPACE = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final String PUBLISHER = "Smart-City-Katalog";

    private FeedWriter() {
    }

    /** The feed as UTF-8 XML. */
    public static byte[] write(WireFeed feed) {
        try {
            return new WireFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("The catalogue builds every feed element it writes", e);
        }
    }

    static Feed atomFeed(FeedHead head, String subtitle) {
        Feed feed = new Feed(ATOM);
        feed.setEncoding("UTF-8");
        feed.setLanguage("de");
        feed.setId(head.id());
        feed.setTitleEx(text(head.title()));
        feed.setSubtitle(text(subtitle));
        feed.setUpdated(Date.from(head.updated()));
        Person publisher = new Person();
        publisher.setName(PUBLISHER);
        publisher.setUri(head.base() + "/");
        feed.setAuthors(List.of(publisher));
        feed.setAlternateLinks(List.of(link("alternate", head.alternate(), null, null)));
        feed.setOtherLinks(List.of(link("self", head.self(), ATOM_TYPE.substring(0, ATOM_TYPE.indexOf(';')), null)));
        return feed;
    }

    static Channel rssChannel(FeedHead head, String description) {
        Channel channel = new Channel(RSS);
        channel.setEncoding("UTF-8");
        channel.setLanguage("de");
        channel.setTitle(head.title());
        channel.setLink(head.alternate());
        channel.setDescription(description);
        channel.setPubDate(Date.from(head.updated()));
        channel.setLastBuildDate(Date.from(head.updated()));
        // The self link RSS lacks, as feed validators recommend.
        channel.setForeignMarkup(List.of(atomLink("self", head.self(), null)));
        return channel;
    }

    static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    static Link link(String rel, String href, String type, String title) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        link.setTitle(title);
        return link;
    }

    /** An {@code atom:link} inside an RSS document. */
    static Element atomLink(String rel, String href, String title) {
        Element link = new Element("link", ATOM_NAMESPACE).setAttribute("rel", rel).setAttribute("href", href);
        if (rel.equals("self")) {
            link.setAttribute("type", RSS_TYPE.substring(0, RSS_TYPE.indexOf(';')));
        }
        if (title != null) {
            link.setAttribute("title", title);
        }
        return link;
    }
}
