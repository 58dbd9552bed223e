package de.smartcity.catalogue.routes.normalise;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Turns titles and teasers, which sources send as HTML or as text with entities, into clean plain text:
 * markup, scripts, styles, comments, event handlers and tracking pixels go (only text survives), entities are
 * decoded (also when escaped twice), markup that was escaped once more than it should be is removed too,
 * UTF-8 that was read as Windows-1252 ("MÃ¼ll") is repaired, and whitespace, invisible characters and
 * combining umlauts are normalised.
 */
public final class TextCleaner {
    /** Listing teasers end in a link such as "mehr…" or "weiterlesen"; it is navigation, not content. */
    private static final Pattern READ_MORE = Pattern.compile(
            "\\s*(\\[?\\b(mehr|weiterlesen|mehr lesen|zum artikel|read more)\\s*(…|\\.\\.\\.|»|›|>)?\\]?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Text that still holds an entity or a tag after one pass was escaped twice. */
    private static final Pattern STILL_ESCAPED = Pattern.compile(
            "&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});|<\\s*/?\\s*[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>|<!--");
    /**
     * Where a "mehr…" link can start: within this many characters of the end of plain text, whose whitespace is
     * folded to single blanks. Searching only there spares a regular-expression pass over the whole teaser.
     */
    private static final int READ_MORE_TAIL = 40;
    private static final int MAX_SUMMARY_LENGTH = 1000;
    /** Elements whose content is no text; compiled once, not for every teaser. */
    private static final Evaluator NOT_TEXT = QueryParser.parse(
            "script, style, noscript, template, iframe, object, embed, svg, math, head, title");

    private TextCleaner() {
    }

    /** Plain text: markup removed (scripts and styles with their content), entities decoded, whitespace folded. */
    public static String toPlainText(String markup) {
        if (markup == null || markup.isBlank()) {
            return "";
        }
        String text = hasMarkupOrEntities(markup) ? textOf(markup) : markup;
        // Further passes decode entities and remove markup that were escaped twice or three times ("&amp;uuml;",
        // "&amp;lt;script&amp;gt;"), common in feeds whose CMS escapes what is already escaped.
        for (int pass = 0; pass < 2 && hasMarkupOrEntities(text) && STILL_ESCAPED.matcher(text).find(); pass++) {
            text = textOf(text);
        }
        text = Mojibake.repair(text);
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        return foldWhitespace(text);
    }

    /** Plain text without '<' or '&' is what jsoup would give back anyway, bar whitespace, which is folded below. */
    private static boolean hasMarkupOrEntities(String text) {
        return text.indexOf('<') >= 0 || text.indexOf('&') >= 0;
    }

    /**
     * Runs of whitespace (also no-break and typographic spaces) become one space, ends are trimmed, and invisible
     * and control characters are dropped. One pass over the characters: as regular expressions these three steps
     * cost more than everything else in cleaning a teaser.
     */
    private static String foldWhitespace(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        boolean spaceBefore = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c) || isControl(c)) {
                continue;
            }
            if (isSpace(c)) {
                spaceBefore = !folded.isEmpty();
                continue;
            }
            if (spaceBefore) {
                folded.append(' ');
                spaceBefore = false;
            }
            folded.append(c);
        }
        return folded.toString();
    }

    /** Zero-width characters, soft hyphens and byte-order marks: invisible, but they break search and comparison. */
    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** Control characters (NUL above all, which PostgreSQL refuses in text) carry no meaning in news. */
    private static boolean isControl(char c) {
        return c <= '\u0008' || c == '\u000B' || c == '\u000C' || c >= '\u000E' && c <= '\u001F'
                || c >= '\u007F' && c <= '\u009F';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u1680'
                || c >= '\u2000' && c <= '\u200A' || c == '\u2028' || c == '\u2029' || c == '\u202F'
                || c == '\u205F' || c == '\u3000';
    }

    private static String textOf(String markup) {
        Document fragment = Jsoup.parseBodyFragment(markup);
        fragment.select(NOT_TEXT).remove();
        return fragment.body().text();
    }

    /** The plain text without the "mehr…" link it may end in. */
    private static String withoutReadMore(String text) {
        // Transparent bounds let the word boundary look across the start of the tail.
        Matcher readMore = READ_MORE.matcher(text)
                .region(Math.max(0, text.length() - READ_MORE_TAIL), text.length())
                .useTransparentBounds(true);
        return readMore.find() ? text.substring(0, readMore.start()) : text;
    }

    /** A teaser: plain text without a trailing "mehr…" link, cut at a word boundary when very long. */
    public static String toSummary(String markup) {
        String text = withoutReadMore(toPlainText(markup));
        if (text.length() <= MAX_SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_SUMMARY_LENGTH);
        return text.substring(0, cut > 0 ? cut : MAX_SUMMARY_LENGTH) + " …";
    }
}
