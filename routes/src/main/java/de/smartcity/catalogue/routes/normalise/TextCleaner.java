package de.smartcity.catalogue.routes.normalise;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Turns titles and teasers, which sources send as HTML or as text with entities, into clean plain text. */
public final class TextCleaner {
    /** Listing teasers end in a link such as "mehr…" or "weiterlesen"; it is navigation, not content. */
    private static final Pattern READ_MORE = Pattern.compile(
            "\\s*(\\[?\\b(mehr|weiterlesen|mehr lesen|zum artikel|read more)\\s*(…|\\.\\.\\.|»|›|>)?\\]?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final int MAX_SUMMARY_LENGTH = 1000;

    private TextCleaner() {
    }

    /** Plain text: markup removed (scripts and styles with their content), entities decoded, whitespace folded. */
    public static String toPlainText(String markup) {
        if (markup == null || markup.isBlank()) {
            return "";
        }
        Document fragment = Jsoup.parseBodyFragment(markup);
        fragment.select("script, style, noscript, template, iframe, object").remove();
        String text = fragment.body().text();
        // A second pass decodes entities that were escaped twice ("&amp;uuml;"), common in feeds.
        if (text.indexOf('&') >= 0 && text.indexOf(';') > text.indexOf('&')) {
            text = Jsoup.parseBodyFragment(text).body().text();
        }
        // Control characters (NUL above all, which PostgreSQL refuses in text) carry no meaning in news.
        return CONTROL_CHARACTERS.matcher(text).replaceAll("").replace('\u00a0', ' ').strip();
    }

    /** A teaser: plain text without a trailing "mehr…" link, cut at a word boundary when very long. */
    public static String toSummary(String markup) {
        String text = READ_MORE.matcher(toPlainText(markup)).replaceFirst("");
        if (text.length() <= MAX_SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_SUMMARY_LENGTH);
        return text.substring(0, cut > 0 ? cut : MAX_SUMMARY_LENGTH) + " …";
    }
}
