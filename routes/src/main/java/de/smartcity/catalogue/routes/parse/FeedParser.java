package de.smartcity.catalogue.routes.parse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom with ROME. The bytes go to ROME's {@link XmlReader} together
 * with the HTTP content type, so the byte-order mark, the HTTP charset and the XML declaration decide the
 * encoding as the XML and HTTP specifications say. ROME refuses DOCTYPE declarations, which keeps
 * external entities and entity bombs out.
 */
public final class FeedParser {
    private static final String UTF8_BOM_AS_LATIN1 = "\u00ef\u00bb\u00bf";

    public List<FeedEntry> parse(byte[] body, String contentType) throws UnreadableSourceException {
        if (body.length == 0) {
            throw new UnreadableSourceException("Die Antwort ist leer (kein Feed).");
        }
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), withCharsetOnly(contentType), true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(false);
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new UnreadableSourceException(describe(body, e), e);
        }
        return feed.getEntries().stream().map(FeedParser::toEntry).toList();
    }

    private static FeedEntry toEntry(SyndEntry entry) {
        String summary = Optional.ofNullable(entry.getDescription()).map(SyndContent::getValue)
                .or(() -> entry.getContents().stream().findFirst().map(SyndContent::getValue))
                .orElse("");
        Date published = Optional.ofNullable(entry.getPublishedDate()).orElse(entry.getUpdatedDate());
        String link = Optional.ofNullable(entry.getLink()).orElse(entry.getUri());
        return new FeedEntry(entry.getUri(), Optional.ofNullable(entry.getTitle()).orElse(""), summary, link,
                published == null ? null : published.toInstant());
    }

    /**
     * The Content-Type for ROME only when it names a charset. A bare {@code text/xml} would make ROME apply
     * RFC 3023's US-ASCII default, while RFC 7303 and the XML specification say the declaration and
     * UTF-8 decide, which is what ROME does without a content type.
     */
    private static String withCharsetOnly(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=") ? contentType : null;
    }

    /** Says in an operator's words what the body was instead of a feed. */
    private static String describe(byte[] body, Exception cause) {
        String start = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
                .replace(UTF8_BOM_AS_LATIN1, "").stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.contains("<html")) {
            return "Antwort ist eine HTML-Seite statt eines Feeds.";
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return "Antwort ist JSON statt eines Feeds.";
        }
        if (start.contains("<!doctype")) {
            return "Feed enthält eine DOCTYPE-Deklaration; sie wird aus Sicherheitsgründen abgelehnt.";
        }
        return "Feed ist kein gültiges RSS/Atom: " + Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName());
    }
}
