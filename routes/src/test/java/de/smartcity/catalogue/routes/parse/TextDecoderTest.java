package de.smartcity.catalogue.routes.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDecoderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");
    private static final String TEXT = "„Müllabfuhr“ – Straßen in Köln, Gebühr 12 €, Übersicht für Bürger";

    private static String decode(byte[] bytes, String http, String declared) {
        return TextDecoder.decode(bytes, Optional.ofNullable(http), Optional.ofNullable(declared));
    }

    @Test
    void readsUtf8AsUtf8() {
        assertThat(decode(TEXT.getBytes(StandardCharsets.UTF_8), "utf-8", "UTF-8")).isEqualTo(TEXT);
    }

    @Test
    void readsWindows1252DeclaredAsUtf8() {
        assertThat(decode(TEXT.getBytes(WINDOWS_1252), null, "UTF-8")).isEqualTo(TEXT);
        assertThat(decode(TEXT.getBytes(WINDOWS_1252), "utf-8", null)).isEqualTo(TEXT);
    }

    @Test
    void readsWindows1252WithoutAnyDeclaration() {
        assertThat(decode(TEXT.getBytes(WINDOWS_1252), null, null)).isEqualTo(TEXT);
    }

    @Test
    void readsUtf8DeclaredAsIso88591WithoutMojibake() {
        String decoded = decode(TEXT.getBytes(StandardCharsets.UTF_8), "ISO-8859-1", "ISO-8859-1");

        assertThat(decoded).isEqualTo(TEXT).doesNotContain("Ã");
    }

    @Test
    void readsIso88591LabelAsWindows1252AsBrowsersDo() {
        // 0x84 and 0x93 are „ and “ in Windows-1252, control characters in strict ISO-8859-1.
        assertThat(decode(TEXT.getBytes(WINDOWS_1252), null, "ISO-8859-1")).isEqualTo(TEXT);
    }

    @Test
    void readsDeclaredIso885915WithEuroSign() {
        String text = "Parkgebühr 2 € pro Stunde";

        assertThat(decode(text.getBytes(ISO_8859_15), null, "ISO-8859-15")).isEqualTo(text);
    }

    @Test
    void readsIso885915DeclaredAsUtf8ByItsEuroSign() {
        String text = "Parkgebühr 2 € pro Stunde, Straßenreinigung 5 €";
        byte[] bytes = text.getBytes(ISO_8859_15);
        assertThat(bytes).contains((byte) 0xA4);

        assertThat(decode(bytes, "utf-8", "UTF-8")).isEqualTo(text);
    }

    @Test
    void readsUtf8WithAFewStrayWindows1252Bytes() {
        // A UTF-8 template with one paragraph pasted in Windows-1252.
        byte[] utf8 = "Grünflächen, Bäume und Sträucher: ".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "Mäharbeiten".getBytes(WINDOWS_1252);
        byte[] mixed = new byte[utf8.length + cp1252.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(cp1252, 0, mixed, utf8.length, cp1252.length);

        assertThat(decode(mixed, null, "UTF-8")).isEqualTo("Grünflächen, Bäume und Sträucher: Mäharbeiten");
    }

    @Test
    void honoursByteOrderMarks() {
        byte[] utf8 = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        byte[] utf16le = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16be = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16BE);

        assertThat(decode(utf8, "ISO-8859-1", "ISO-8859-1")).isEqualTo(TEXT);
        assertThat(decode(utf16le, null, "UTF-8")).isEqualTo(TEXT);
        assertThat(decode(utf16be, null, null)).isEqualTo(TEXT);
    }

    @Test
    void readsUtf16WithoutByteOrderMark() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>Grüße</rss>";

        assertThat(decode(xml.getBytes(StandardCharsets.UTF_16BE), null, null)).isEqualTo(xml);
        assertThat(decode(xml.getBytes(StandardCharsets.UTF_16LE), null, null)).isEqualTo(xml);
    }

    @Test
    void ignoresUnknownCharsetNames() {
        assertThat(decode(TEXT.getBytes(WINDOWS_1252), "x-gibt-es-nicht", "kaputt!")).isEqualTo(TEXT);
    }

    @Test
    void findsTheXmlDeclaredEncoding() {
        assertThat(TextDecoder.xmlDeclaredEncoding("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss/>".getBytes()))
                .contains("ISO-8859-15");
        assertThat(TextDecoder.xmlDeclaredEncoding("\uFEFF<?xml version='1.0' encoding='utf-8' ?><rss/>"
                .getBytes(StandardCharsets.UTF_8))).contains("utf-8");
        assertThat(TextDecoder.xmlDeclaredEncoding("<?xml version=\"1.0\"?><rss/>".getBytes())).isEmpty();
        assertThat(TextDecoder.xmlDeclaredEncoding("<rss encoding=\"latin1\"/>".getBytes())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <meta charset="utf-8">                                                   | utf-8
            <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"> | iso-8859-1
            <meta charset=windows-1252 />                                            | windows-1252
            """)
    void findsTheHtmlMetaCharset(String meta, String charset) {
        byte[] page = ("<html><head>" + meta + "<title>x</title></head></html>").getBytes(StandardCharsets.US_ASCII);

        assertThat(TextDecoder.htmlMetaCharset(page)).contains(charset);
    }

    @Test
    void readsTheCharsetOfAContentType() {
        assertThat(TextDecoder.charsetOfContentType("text/xml; charset=\"ISO-8859-1\"")).contains("ISO-8859-1");
        assertThat(TextDecoder.charsetOfContentType("text/xml")).isEmpty();
        assertThat(TextDecoder.charsetOfContentType(null)).isEmpty();
    }
}
