package de.smartcity.catalogue.model.gazetteer;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lookup key of a place name: spellings that mean the same place get the same key.
 *
 * <ul>
 *   <li>Unicode NFC, lower case, umlauts and ß spelled out: "Hürth", "HUERTH" and "Huerth" become "huerth".</li>
 *   <li>"Sankt" is "St.", and blanks after abbreviation dots vanish: "St. Ingbert" = "Sankt Ingbert" = "St.Ingbert".</li>
 *   <li>A qualifier after the core name, however written, becomes "/qualifier": "Frankfurt am Main",
 *       "Frankfurt (Main)", "Frankfurt/Main" and "Frankfurt a. Main" all become "frankfurt/main";
 *       "Halle (Saale)" = "Halle an der Saale", "Neumarkt i.d.OPf." = "Neumarkt in der Oberpfalz".</li>
 * </ul>
 *
 * The part before the first "/" is therefore the short form of a name ("frankfurt").
 */
final class NameKey {

    static final char QUALIFIER = '/';

    private static final Pattern SANKT = Pattern.compile("(?<![\\p{L}\\p{N}])sankt ");
    private static final Pattern DOT_BLANK = Pattern.compile("\\. ");
    private static final Pattern SLASH = Pattern.compile(" ?/ ?");
    private static final Pattern TRAILING_PARENTHESES = Pattern.compile(" ?\\(([^()]+)\\)$");
    /** Words and abbreviations that attach a river, region or neighbour town to a name. */
    private static final Pattern CONNECTOR = Pattern.compile(
            " (?:(?:an|in|vor|ob|auf|unter) (?:der|den) |am |an |im |in |ob |bei |auf |unter "
                    + "|[aiv]\\.d\\.|[aib]\\.)");
    /** Region abbreviations of the official names, spelled out. */
    private static final Map<String, String> QUALIFIER_WORDS = Map.ofEntries(
            Map.entry("opf.", "oberpfalz"),
            Map.entry("ob", "oberbayern"),
            Map.entry("nb", "niederbayern"),
            Map.entry("ofr.", "oberfranken"),
            Map.entry("ufr.", "unterfranken"),
            Map.entry("bay.", "bayern"),
            Map.entry("schw.", "schwaben"),
            Map.entry("westf.", "westfalen"),
            Map.entry("rhld.", "rheinland"),
            Map.entry("oldb", "oldenburg"),
            Map.entry("oldb.", "oldenburg"),
            Map.entry("odw.", "odenwald"),
            Map.entry("vogtl.", "vogtland"),
            Map.entry("erzgeb.", "erzgebirge"),
            Map.entry("sa.", "sachsen"),
            Map.entry("saechs.schw.", "saechsische schweiz"),
            Map.entry("o.l.", "oberlausitz"),
            Map.entry("thuer.", "thueringen"),
            Map.entry("thuer.wald", "thueringer wald"));

    private NameKey() {
    }

    static String of(String name) {
        String key = foldAndCollapseBlanks(nfc(name));
        // Most names are a single plain word: the patterns below only run where they can match.
        if (key.contains("sankt ")) {
            key = SANKT.matcher(key).replaceAll("st.");
        }
        if (key.contains(". ")) {
            key = DOT_BLANK.matcher(key).replaceAll(".");
        }
        if (key.indexOf(QUALIFIER) >= 0) {
            key = SLASH.matcher(key).replaceAll("/");
        }
        if (key.endsWith(")")) {
            key = TRAILING_PARENTHESES.matcher(key).replaceAll("/$1");
        }
        if (key.indexOf(' ') >= 0) {
            key = CONNECTOR.matcher(key).replaceAll("/");
        }
        return spellOutQualifiers(key);
    }

    /** The key up to its first qualifier: "frankfurt/main" gives "frankfurt"; a key without one gives itself. */
    static String shortForm(String key) {
        int slash = key.indexOf(QUALIFIER);
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** NFC form; text below U+0300 (no combining marks) already is in NFC, which spares most names the work. */
    private static String nfc(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= '\u0300') {
                return Normalizer.normalize(name, Normalizer.Form.NFC);
            }
        }
        return name;
    }

    /** Lower case with umlauts and ß spelled out, dashes as hyphens, blanks collapsed and trimmed. */
    private static String foldAndCollapseBlanks(String name) {
        StringBuilder folded = new StringBuilder(name.length() + 4);
        boolean blank = false;
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                blank = !folded.isEmpty();
                continue;
            }
            if (blank) {
                folded.append(' ');
                blank = false;
            }
            switch (c) {
                case 'ä' -> folded.append("ae");
                case 'ö' -> folded.append("oe");
                case 'ü' -> folded.append("ue");
                case 'ß' -> folded.append("ss");
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> folded.append('-');
                default -> folded.append(c);
            }
        }
        return folded.toString();
    }

    private static String spellOutQualifiers(String key) {
        if (key.indexOf(QUALIFIER) < 0) {
            return key;
        }
        String[] parts = key.split(String.valueOf(QUALIFIER), -1);
        StringBuilder spelled = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            spelled.append(QUALIFIER).append(QUALIFIER_WORDS.getOrDefault(parts[i], parts[i]));
        }
        return spelled.toString();
    }
}
