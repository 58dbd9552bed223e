package de.smartcity.catalogue.routes.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the bytes of a feed or page into text, trusting the bytes over the labels where they disagree.
 * Municipal servers often label their feeds wrongly: a CMS writes Windows-1252 under an
 * {@code encoding="UTF-8"} declaration, or a web server adds {@code charset=ISO-8859-1} to UTF-8 files.
 * <ol>
 *   <li>A byte-order mark decides (UTF-8, UTF-16).</li>
 *   <li>Bytes that are valid UTF-8 are UTF-8, whatever the labels say: text in a single-byte charset
 *       practically never forms valid UTF-8 sequences, while UTF-8 read as ISO-8859-1 gives "MÃ¼ll".</li>
 *   <li>Bytes that are not valid UTF-8 are read with the single-byte charset the HTTP header or the document
 *       declares (ISO-8859-1 read as its superset Windows-1252, as browsers do).</li>
 *   <li>Bytes that are not valid UTF-8 although declared as UTF-8 (or not declared) are read as UTF-8 where
 *       they are valid and as Windows-1252 where not; a document that is mostly not UTF-8 is read as
 *       Windows-1252 entirely, or as ISO-8859-15 when its only hint is the euro sign at 0xA4.</li>
 * </ol>
 */
public final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z][A-Za-z0-9._:-]*)", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_BYTES = 8192;

    private TextDecoder() {
    }

    /**
     * @param bytes       the body
     * @param httpCharset the charset of the HTTP Content-Type, if any
     * @param declared    the charset the document itself declares (XML declaration, meta tag), if any
     * @return the text, without a byte-order mark
     */
    public static String decode(byte[] bytes, Optional<String> httpCharset, Optional<String> declared) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return decodeUtf8Leniently(bytes, 3);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && bytes[0] == 0 && bytes[1] != 0) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        Optional<Charset> declaredLegacy = Stream.of(httpCharset, declared)
                .flatMap(Optional::stream)
                .flatMap(name -> charset(name).stream())
                .filter(TextDecoder::isAsciiCompatibleLegacy)
                .map(TextDecoder::browserAlias)
                .findFirst();
        Utf8Scan scan = Utf8Scan.of(bytes);
        if (scan.invalidBytes() == 0) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        Charset fallback = declaredLegacy.orElse(scan.euroAtA4Only() ? ISO_8859_15 : WINDOWS_1252);
        if (scan.multiByteSequences() > scan.invalidBytes() && fallback.newEncoder().maxBytesPerChar() <= 1.0f) {
            // Mostly UTF-8 with a few stray bytes, as when a CMS pastes Windows-1252 text into a UTF-8 template.
            return mixed(bytes, 0, fallback);
        }
        return stripBom(new String(bytes, fallback));
    }

    /** The encoding in the XML declaration, if the document has one. */
    public static Optional<String> xmlDeclaredEncoding(byte[] bytes) {
        Matcher matcher = XML_ENCODING.matcher(asciiStart(bytes));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The charset of an HTML page's {@code <meta charset>} or {@code <meta http-equiv="Content-Type">}, if any. */
    public static Optional<String> htmlMetaCharset(byte[] bytes) {
        Matcher matcher = META_CHARSET.matcher(asciiStart(bytes));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The charset named in a Content-Type header value, if any. */
    public static Optional<String> charsetOfContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String name = pair[1].replace("\"", "").replace("'", "").strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }

    static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException and UnsupportedCharsetException are IllegalArgumentExceptions.
            return Optional.empty();
        }
    }

    /** Charsets other than UTF-8/16/32 that write ASCII as ASCII; ISO-8859-1 and US-ASCII are read as Windows-1252. */
    private static boolean isAsciiCompatibleLegacy(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        if (name.startsWith("UTF") || !charset.canEncode()) {
            return false;
        }
        String ascii = "<?xml version=\"1.0\"?><rss>";
        return Arrays.equals(ascii.getBytes(charset), ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static Charset browserAlias(Charset charset) {
        String name = charset.name();
        return name.equals("ISO-8859-1") || name.equals("US-ASCII") ? WINDOWS_1252 : charset;
    }

    private static String decodeUtf8Leniently(byte[] bytes, int offset) {
        Utf8Scan scan = Utf8Scan.of(bytes);
        if (scan.invalidBytes() == 0) {
            return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        }
        return mixed(bytes, offset, scan.euroAtA4Only() ? ISO_8859_15 : WINDOWS_1252);
    }

    /** UTF-8 where the bytes are valid UTF-8, the fallback charset byte by byte where they are not. */
    private static String mixed(byte[] bytes, int offset, Charset fallback) {
        String[] table = singleByteTable(fallback);
        StringBuilder text = new StringBuilder(bytes.length);
        int i = offset;
        while (i < bytes.length) {
            int length = Utf8Scan.sequenceLength(bytes, i);
            if (length > 0) {
                text.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                i += length;
            } else {
                text.append(table[bytes[i] & 0xFF]);
                i++;
            }
        }
        return stripBom(text.toString());
    }

    private static String[] singleByteTable(Charset charset) {
        String[] table = new String[256];
        for (int b = 0; b < 256; b++) {
            try {
                table[b] = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(new byte[] {(byte) b})).toString();
            } catch (CharacterCodingException unmapped) {
                // Windows-1252 leaves five bytes undefined; they carry nothing readable.
                table[b] = "";
            }
        }
        return table;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String asciiStart(byte[] bytes) {
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        return new String(bytes, start, Math.max(0, Math.min(bytes.length, SNIFF_BYTES) - start), StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** What a pass over the bytes found: valid multi-byte UTF-8 sequences and bytes that are not UTF-8. */
    private record Utf8Scan(int multiByteSequences, int invalidBytes, boolean euroAtA4Only) {
        static Utf8Scan of(byte[] bytes) {
            int sequences = 0;
            int invalid = 0;
            boolean a4 = false;
            boolean c1 = false;
            int i = 0;
            while (i < bytes.length) {
                int b = bytes[i] & 0xFF;
                if (b < 0x80) {
                    i++;
                    continue;
                }
                int length = sequenceLength(bytes, i);
                if (length > 0) {
                    sequences++;
                    i += length;
                } else {
                    invalid++;
                    a4 |= b == 0xA4;
                    c1 |= b >= 0x80 && b <= 0x9F;
                    i++;
                }
            }
            return new Utf8Scan(sequences, invalid, a4 && !c1);
        }

        /** The length of the valid UTF-8 sequence at {@code i} (1 for ASCII), or 0 when the byte starts none. */
        static int sequenceLength(byte[] bytes, int i) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                return 1;
            }
            int length;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return 0;
            }
            if (i + length > bytes.length) {
                return 0;
            }
            int codePoint = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return 0;
                }
                codePoint = codePoint << 6 | next & 0x3F;
            }
            boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
            return codePoint < min || codePoint > 0x10FFFF || surrogate ? 0 : length;
        }
    }
}
