package de.smartcity.catalogue.routes.parse;

import de.smartcity.catalogue.model.HtmlSelectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
 * Turns an HTML press listing into entries with the source's CSS selectors (jsoup). jsoup reads the
 * charset from the HTTP header or the page's meta tag and resolves relative links against the page URL.
 */
public final class HtmlListingParser {
    /** German municipalities publish in local time; a date without time means that day in Germany. */
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    public List<FeedEntry> parse(byte[] body, String charset, String pageUrl, HtmlSelectors selectors)
            throws UnreadableSourceException {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(body), charset, pageUrl);
        } catch (IOException e) {
            throw new UnreadableSourceException("HTML-Seite konnte nicht gelesen werden: " + e.getMessage(), e);
        }
        List<Element> teasers;
        try {
            teasers = page.select(selectors.item());
        } catch (Selector.SelectorParseException e) {
            throw new UnreadableSourceException("CSS-Selektor 'item' ist ungültig: " + e.getMessage(), e);
        }
        if (teasers.isEmpty()) {
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
        return entries;
    }

    private static Optional<Element> first(Element scope, String selector) {
        return selector == null ? Optional.empty() : Optional.ofNullable(scope.selectFirst(selector));
    }

    /** Reads a {@code datetime} attribute (ISO 8601) or the element's text with the source's date format. */
    private static Optional<Instant> parseDate(Element element, Optional<DateTimeFormatter> format) {
        String machineReadable = element.attr("datetime");
        if (!machineReadable.isBlank()) {
            Optional<Instant> iso = parseIso(machineReadable.strip());
            if (iso.isPresent()) {
                return iso;
            }
        }
        String text = element.text().strip();
        return format.flatMap(formatter -> parseWith(text, formatter)).or(() -> parseIso(text));
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

    private static Optional<Instant> parseIso(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(GERMANY).toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
