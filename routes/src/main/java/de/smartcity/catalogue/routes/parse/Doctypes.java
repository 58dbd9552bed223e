package de.smartcity.catalogue.routes.parse;

import java.util.Locale;

/**
 * Makes harmless DOCTYPE declarations safe to parse by removing them. Old feeds still carry
 * the RSS 0.91 one, {@code <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 * "http://my.netscape.com/publish/formats/rss-0.91.dtd">}: it names an external DTD but declares nothing
 * itself. Such a declaration, and one whose internal subset (in brackets) declares no entity, is cut out
 * before parsing, so no DTD is ever fetched and the feed is read like any other. An internal subset that
 * declares entities (external ones that read files or URLs, or nested ones that expand to gigabytes,
 * "billion laughs") or refers to parameter entities is refused; the XML parser keeps refusing every DOCTYPE
 * too, so nothing that slips past this class is expanded or fetched.
 */
final class Doctypes {
    static final String REFUSED = "Feed enthält eine DOCTYPE-Deklaration mit eigenen Entitäten; sie wird aus "
            + "Sicherheitsgründen abgelehnt (Schutz vor XXE und Entity-Bomben).";

    private Doctypes() {
    }

    /**
     * The document without its DOCTYPE declaration, when that declares no entities.
     *
     * @throws UnreadableSourceException when the prolog's DOCTYPE declares entities
     */
    static String withoutHarmlessDoctype(String xml) throws UnreadableSourceException {
        int start = prologDoctypeStart(xml);
        if (start < 0) {
            return xml;
        }
        char quote = 0;
        int subsetStart = -1;
        boolean inSubset = false;
        for (int i = start + "<!DOCTYPE".length(); i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (xml.startsWith("<!--", i) || xml.startsWith("<?", i)) {
                String terminator = xml.startsWith("<!--", i) ? "-->" : "?>";
                int end = xml.indexOf(terminator, i + 2);
                if (end < 0) {
                    return xml;
                }
                i = end + terminator.length() - 1;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' && subsetStart < 0) {
                subsetStart = i;
                inSubset = true;
            } else if (c == ']' && inSubset) {
                if (declaresEntities(xml.substring(subsetStart, i))) {
                    throw new UnreadableSourceException(REFUSED);
                }
                inSubset = false;
            } else if (c == '>' && !inSubset) {
                return xml.substring(0, start) + xml.substring(i + 1);
            }
        }
        // Never closed: leave it to the parser, which refuses it.
        return xml;
    }

    /** An internal subset that declares an entity, general or parameter, or refers to a parameter entity. */
    private static boolean declaresEntities(String subset) {
        String upper = subset.toUpperCase(Locale.ROOT);
        return upper.contains("<!ENTITY") || subset.matches("(?s).*%\\s*[\\w.:-]+;.*");
    }

    /** Where the DOCTYPE of the prolog starts (after the XML declaration, comments and processing instructions), or -1. */
    private static int prologDoctypeStart(String xml) {
        int i = 0;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (xml.startsWith("<?", i)) {
                int end = xml.indexOf("?>", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i + 4);
                if (end < 0) {
                    return -1;
                }
                i = end + 3;
            } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, "<!DOCTYPE".length())) {
                return i;
            } else {
                return -1;
            }
        }
        return -1;
    }
}
