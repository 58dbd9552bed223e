package de.smartcity.catalogue.routes.normalise;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs text that was UTF-8 but got read as Windows-1252 or ISO-8859-1 somewhere before it reached us
 * ("MÃ¼ll" for "Müll", "â€ž" for "„"): typical of CMSs that store the wrong encoding. Only sequences that
 * look like a UTF-8 lead byte followed by continuation bytes are touched, and only when they decode to a
 * character that such text plausibly holds (Latin letters and signs, typographic punctuation, the euro sign,
 * Cyrillic, emoji), so "Fuß“" and other honest text stay as they are.
 */
public final class Mojibake {
    /** Characters whose Windows-1252 byte is 0x80–0xBF, the range of UTF-8 continuation bytes. */
    private static final String CONTINUATION = "[\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6"
            + "\\u2030\\u0160\\u2039\\u0152\\u017D\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161"
            + "\\u203A\\u0153\\u017E\\u0178]";
    private static final Pattern SUSPECT = Pattern.compile("[\\u00C2-\\u00DF]" + CONTINUATION
            + "|[\\u00E0-\\u00EF]" + CONTINUATION + "{2}"
            + "|[\\u00F0-\\u00F4]" + CONTINUATION + "{3}");
    private static final String WINDOWS_1252_HIGH = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160"
            + "\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\u009D\u017E\u0178";

    private Mojibake() {
    }

    /** The text with UTF-8-read-as-Windows-1252 sequences turned back into what they meant; twice garbled is repaired too. */
    public static String repair(String text) {
        if (text == null || !hasLeadAndContinuation(text)) {
            return text;
        }
        String repaired = text;
        for (int round = 0; round < 2; round++) {
            String next = repairOnce(repaired);
            if (next.equals(repaired)) {
                break;
            }
            repaired = next;
        }
        return repaired;
    }

    /** Whether the text still holds a sequence that looks like mojibake. */
    public static boolean looksGarbled(String text) {
        Matcher matcher = SUSPECT.matcher(text);
        while (matcher.find()) {
            if (decode(matcher.group()) != null) {
                return true;
            }
        }
        return false;
    }

    /** A cheap first look, since almost all text holds no mojibake: a possible lead character right before a continuation. */
    private static boolean hasLeadAndContinuation(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u00C2' && c <= '\u00F4' && isContinuation(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContinuation(char c) {
        int b = byteOf(c);
        return b >= 0x80 && b <= 0xBF;
    }

    private static String repairOnce(String text) {
        Matcher matcher = SUSPECT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        while (matcher.find()) {
            String meant = decode(matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(meant == null ? matcher.group() : meant));
            changed |= meant != null;
        }
        matcher.appendTail(out);
        return changed ? out.toString() : text;
    }

    /** What the characters meant as UTF-8 bytes, or null when that is no plausible character. */
    private static String decode(String garbled) {
        byte[] bytes = new byte[garbled.length()];
        for (int i = 0; i < garbled.length(); i++) {
            int b = byteOf(garbled.charAt(i));
            if (b < 0) {
                return null;
            }
            bytes[i] = (byte) b;
        }
        String meant;
        try {
            meant = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        return plausible(meant.codePointAt(0)) ? meant : null;
    }

    private static int byteOf(char c) {
        if (c <= 0x7F || c >= 0xA0 && c <= 0xFF) {
            return c;
        }
        int high = WINDOWS_1252_HIGH.indexOf(c);
        if (high >= 0) {
            return 0x80 + high;
        }
        return c >= 0x80 && c <= 0x9F ? c : -1;
    }

    private static boolean plausible(int codePoint) {
        return codePoint >= 0xA0 && codePoint <= 0x24F      // Latin-1 signs and letters, Latin Extended A and B
                || codePoint >= 0x400 && codePoint <= 0x4FF  // Cyrillic (information pages in Ukrainian and Russian)
                || codePoint >= 0x2000 && codePoint <= 0x20CF // dashes, quotes, ellipsis, euro sign
                || codePoint >= 0x2100 && codePoint <= 0x214F // ™, ℃, №
                || codePoint >= 0x1F000 && codePoint <= 0x1FAFF; // emoji
    }
}
