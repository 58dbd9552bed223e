package de.smartcity.catalogue.routes.parse;

import de.smartcity.catalogue.model.HtmlSelectors;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * Turns an HTML press listing into entries with the source's CSS selectors (jsoup). The bytes are decoded by
 * {@link TextDecoder} (HTTP charset, the page's meta charset, and the real bytes where those are wrong); relative
 * links are resolved against the page URL. A page where the item selector matches nothing is an error, named as
 * a bot challenge or consent wall when it is one, else as a layout change.
 */
public final class HtmlListingParser {
    /** German municipalities publish in local time; a date without time means that day in Germany. */
    private static final ZoneId GERMANY = DateTexts.GERMANY;

    /**
     * One page of a listing.
     *
     * @param entries the stories on the page, at least one
     * @param next    the absolute URL of the next page, when the source has a {@code next} selector and it matched
     */
    public record ListingPage(List<FeedEntry> entries, Optional<URI> next) {
    }

    public List<FeedEntry> parse(byte[] body, String charset, String pageUrl, HtmlSelectors selectors)
            throws UnreadableSourceException {
        return parsePage(body, charset, pageUrl, selectors).entries();
    }

    public ListingPage parsePage(byte[] body, String charset, String pageUrl, HtmlSelectors selectors)
            throws UnreadableSourceException {
        String html = TextDecoder.decode(body, Optional.ofNullable(charset).filter(name -> !name.isBlank()),
                TextDecoder.htmlMetaCharset(body));
        Document page = Jsoup.parse(html, pageUrl);
        List<Element> teasers;
        try {
            teasers = page.select(selectors.item());
        } catch (Selector.SelectorParseException e) {
            throw new UnreadableSourceException("CSS-Selektor 'item' ist ungültig: " + e.getMessage(), e);
        }
        if (teasers.isEmpty()) {
            if (html.isBlank()) {
                throw new UnreadableSourceException("Die Antwort ist leer (keine Meldungsliste).");
            }
            Optional<String> blocked = NotAFeed.blockedPage(html, NotAFeed.LISTING);
            if (blocked.isPresent()) {
                throw new UnreadableSourceException(blocked.get());
            }
            throw new UnreadableSourceException("Keine Meldungen gefunden: der Selektor '" + selectors.item()
                    + "' passt auf kein Element. Hat sich das Layout der Seite geändert?");
        }
        Optional<DateTimeFormatter> dateFormat = Optional.ofNullable(selectors.dateFormat())
                .map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.GERMAN));
        List<FeedEntry> entries = new ArrayList<>();
        for (Element teaser : teasers) {
            Optional<Element> linkElement = first(teaser, selectors.link());
            String title = first(teaser, selectors.title()).map(Element::text).orElse("");
            String link = linkElement.map(element -> element.absUrl("href")).orElse("");
            if (title.isBlank() || link.isBlank()) {
                continue;
            }
            String summary = first(teaser, selectors.summary()).map(Element::html).orElse("");
            Instant published = first(teaser, selectors.date()).flatMap(date -> parseDate(date, dateFormat)).orElse(null);
            entries.add(new FeedEntry(link, title, summary, link, published));
        }
        if (entries.isEmpty()) {
            throw new UnreadableSourceException("Keine Meldungen gefunden: " + teasers.size()
                    + " Elemente passen auf '" + selectors.item() + "', aber keines hat Titel und Link.");
        }
        return new ListingPage(entries, nextPage(page, selectors));
    }

    /** The next page's URL from the {@code next} selector: the matched link, or the first link inside the match. */
    private static Optional<URI> nextPage(Document page, HtmlSelectors selectors) throws UnreadableSourceException {
        if (selectors.nextPage().isEmpty()) {
            return Optional.empty();
        }
        Element next;
        try {
            next = page.selectFirst(selectors.nextPage().get());
        } catch (Selector.SelectorParseException e) {
            throw new UnreadableSourceException("CSS-Selektor 'next' ist ungültig: " + e.getMessage(), e);
        }
        return Optional.ofNullable(next)
                .map(element -> element.hasAttr("href") ? element : element.selectFirst("a[href]"))
                .map(element -> element.absUrl("href"))
                .filter(url -> !url.isBlank())
                .flatMap(HtmlListingParser::uri);
    }

    private static Optional<URI> uri(String url) {
        try {
            URI uri = new URI(url.strip().replace(" ", "%20"));
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") || scheme.equals("file") ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<Element> first(Element scope, String selector) {
        return selector == null ? Optional.empty() : Optional.ofNullable(scope.selectFirst(selector));
    }

    /**
     * Reads a {@code datetime} attribute, else the element's text with the source's date format, else the
     * German, English and ISO forms {@link DateTexts} knows.
     */
    private static Optional<Instant> parseDate(Element element, Optional<DateTimeFormatter> format) {
        String machineReadable = element.attr("datetime");
        if (!machineReadable.isBlank()) {
            Optional<Instant> iso = DateTexts.parse(machineReadable);
            if (iso.isPresent()) {
                return iso;
            }
        }
        String text = element.text().strip();
        return format.flatMap(formatter -> parseWith(text, formatter)).or(() -> DateTexts.parse(text));
    }

    private static Optional<Instant> parseWith(String text, DateTimeFormatter formatter) {
        try {
            return Optional.of(LocalDateTime.parse(text, formatter).atZone(GERMANY).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(text, formatter).atStartOfDay(GERMANY).toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
