package de.smartcity.catalogue.routes.parse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;

/**
 * Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom with ROME, after making the bytes safe and readable:
 * <ol>
 *   <li>{@link TextDecoder} turns the bytes into text, honouring the byte-order mark, the HTTP charset and the
 *       XML declaration but trusting the bytes where the labels are wrong (Windows-1252 declared as UTF-8 and the
 *       reverse).</li>
 *   <li>{@link NotAFeed} recognises an empty body, JSON, HTML pages, bot challenges and consent walls.</li>
 *   <li>{@link Doctypes} removes a DOCTYPE without internal subset (the classic RSS 0.91 one) and refuses one
 *       with entities; ROME's own parser settings then refuse any DOCTYPE, never resolve external entities and
 *       never load a DTD, so XXE and entity bombs read neither files nor the network.</li>
 *   <li>ROME reads the document; where it drops a date it could not read (German day and month names,
 *       {@code 24.11.2026}), the raw text is read with {@link DateTexts}; relative links are resolved against
 *       the {@code xml:base} in scope, which ROME leaves unresolved.</li>
 * </ol>
 */
public final class FeedParser {
    private static final Pattern CLOSED = Pattern.compile("</[A-Za-z_][\\w:.-]*\\s*>$");
    private static final List<String> DATE_ELEMENTS = List.of("pubDate", "published", "issued", "created", "date",
            "updated", "modified");

    public List<FeedEntry> parse(byte[] body, String contentType) throws UnreadableSourceException {
        if (body.length == 0) {
            throw new UnreadableSourceException("Die Antwort ist leer (kein Feed).");
        }
        String text = TextDecoder.decode(body, TextDecoder.charsetOfContentType(contentType), TextDecoder.xmlDeclaredEncoding(body));
        Optional<String> notAFeed = NotAFeed.describe(text);
        if (notAFeed.isPresent()) {
            throw new UnreadableSourceException(notAFeed.get());
        }
        Document document = parseXml(Doctypes.withoutHarmlessDoctype(text));
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(document);
        } catch (IllegalArgumentException e) {
            // ROME's answer when no parser knows the document: "Invalid document".
            throw new UnreadableSourceException("Feed ist kein gültiges RSS/Atom: unbekanntes Format mit dem Wurzelelement <"
                    + document.getRootElement().getQualifiedName() + ">.", e);
        } catch (FeedException | RuntimeException e) {
            throw new UnreadableSourceException("Feed ist kein gültiges RSS/Atom: " + e.getMessage(), e);
        }
        List<SyndEntry> entries = feed.getEntries();
        List<Element> elements = entryElements(document);
        boolean paired = elements.size() == entries.size();
        List<FeedEntry> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            result.add(toEntry(entries.get(i), paired ? Optional.of(elements.get(i)) : Optional.empty()));
        }
        return result;
    }

    private static FeedEntry toEntry(SyndEntry entry, Optional<Element> element) {
        String summary = Optional.ofNullable(entry.getDescription()).map(SyndContent::getValue)
                .or(() -> entry.getContents().stream().findFirst().map(SyndContent::getValue))
                .orElse("");
        Optional<Instant> published = Optional.ofNullable(entry.getPublishedDate()).or(() -> Optional.ofNullable(entry.getUpdatedDate()))
                .map(Date::toInstant)
                .or(() -> element.flatMap(FeedParser::rawDate));
        String link = Optional.ofNullable(entry.getLink()).orElse(entry.getUri());
        if (link != null && element.isPresent()) {
            link = withXmlBase(link, linkElement(element.get(), link));
        }
        return new FeedEntry(entry.getUri(), Optional.ofNullable(entry.getTitle()).orElse(""), summary, link,
                published.orElse(null));
    }

    /** The publication date as the entry wrote it, read with German and English names and formats. */
    private static Optional<Instant> rawDate(Element entry) {
        for (String name : DATE_ELEMENTS) {
            for (Element child : entry.getChildren()) {
                if (child.getName().equals(name)) {
                    Optional<Instant> date = DateTexts.parse(child.getTextNormalize());
                    if (date.isPresent()) {
                        return date;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The entries' elements in document order, as ROME reads them: Atom entries, RSS channel items, RDF items. */
    private static List<Element> entryElements(Document document) {
        Element root = document.getRootElement();
        return switch (root.getName().toLowerCase(Locale.ROOT)) {
            case "feed" -> children(root, "entry");
            case "rss" -> children(root, "channel").stream().findFirst().map(channel -> children(channel, "item"))
                    .orElse(List.of());
            case "rdf" -> children(root, "item");
            default -> List.of();
        };
    }

    private static List<Element> children(Element parent, String name) {
        return parent.getChildren().stream().filter(child -> child.getName().equals(name)).toList();
    }

    /** The element the link came from: Atom's {@code <link href>} or RSS's {@code <link>}; else the entry itself. */
    private static Element linkElement(Element entry, String link) {
        return entry.getChildren().stream()
                .filter(child -> child.getName().equals("link"))
                .filter(child -> link.equals(child.getAttributeValue("href")) || link.equals(child.getTextTrim()))
                .findFirst()
                .orElse(entry);
    }

    /**
     * A relative link resolved against the {@code xml:base} attributes in scope, outermost first. A relative
     * base leaves a relative link, which the normaliser resolves against the feed's URL, as the XML Base
     * specification says.
     */
    private static String withXmlBase(String link, Element from) {
        URI relative;
        try {
            relative = new URI(link.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return link;
        }
        if (relative.isAbsolute()) {
            return link;
        }
        List<String> bases = new ArrayList<>();
        for (Element element = from; element != null; element = element.getParentElement()) {
            String base = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (base != null && !base.isBlank()) {
                bases.addFirst(base.strip());
            }
        }
        if (bases.isEmpty()) {
            return link;
        }
        try {
            URI base = null;
            for (String value : bases) {
                URI next = new URI(value.replace(" ", "%20"));
                base = base == null ? next : base.resolve(next);
            }
            return base.resolve(relative).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return link;
        }
    }

    private static Document parseXml(String xml) throws UnreadableSourceException {
        SAXBuilder builder = new SafeInput().saxBuilder();
        try (Reader reader = new XmlFixerReader(new StringReader(xml))) {
            return builder.build(reader);
        } catch (JDOMParseException e) {
            throw new UnreadableSourceException(describe(e, xml), e);
        } catch (JDOMException | IOException | IllegalStateException e) {
            throw new UnreadableSourceException("Feed ist kein gültiges RSS/Atom: "
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()), e);
        }
    }

    /** Says in an operator's words why the XML could not be read. */
    private static String describe(JDOMParseException e, String xml) {
        String message = Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.getMessage());
        String lower = Optional.ofNullable(message).orElse("").toLowerCase(Locale.ROOT);
        if (lower.contains("doctype") || xml.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            return "Feed enthält eine DOCTYPE-Deklaration; sie wird aus Sicherheitsgründen abgelehnt.";
        }
        if (lower.contains("must start and end within the same entity") || lower.contains("premature end of file")
                || endsEarly(e, xml)) {
            return "Feed ist kein gültiges RSS/Atom: das XML bricht in Zeile " + e.getLineNumber()
                    + " mitten im Dokument ab, die Antwort ist unvollständig.";
        }
        String where = e.getLineNumber() > 0 ? "Zeile " + e.getLineNumber() + ", Spalte " + e.getColumnNumber() + ": " : "";
        return "Feed ist kein gültiges RSS/Atom: kein wohlgeformtes XML (" + where + message + ")";
    }

    /** The error is on the document's last line and the document does not end with a closing tag: it was cut off. */
    private static boolean endsEarly(JDOMParseException e, String xml) {
        String text = xml.strip();
        long lines = text.lines().count();
        return e.getLineNumber() >= lines && !CLOSED.matcher(text).find();
    }

    /** ROME's own secure parser settings: no DOCTYPE, no external entities, no external DTD, no entity expansion. */
    private static final class SafeInput extends WireFeedInput {
        SAXBuilder saxBuilder() {
            return createSAXBuilder();
        }
    }
}
