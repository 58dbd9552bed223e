package de.smartcity.catalogue.routes.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {

    @Test
    void stripsMarkupButKeepsTheText() {
        String markup = "<p>In der <strong>Pfaffstraße</strong> testet die Stadt 120 <a href=\"/led\">LED-Leuchten</a>.</p>"
                + "<p>Weitere Informationen: kaiserslautern.de</p>";

        assertThat(TextCleaner.toPlainText(markup))
                .isEqualTo("In der Pfaffstraße testet die Stadt 120 LED-Leuchten. Weitere Informationen: kaiserslautern.de");
    }

    @Test
    void removesScriptAndStyleTogetherWithTheirContent() {
        String markup = "<style>.teaser { color: red; }</style><p>Neue Ladesäulen am Rathaus</p>"
                + "<script>trackTeaser('ladesaeulen');</script><noscript>Bitte JavaScript aktivieren</noscript>";

        String text = TextCleaner.toPlainText(markup);

        assertThat(text).isEqualTo("Neue Ladesäulen am Rathaus");
        assertThat(text).doesNotContain("trackTeaser", "color", "JavaScript");
    }

    @Test
    void decodesEntities() {
        assertThat(TextCleaner.toPlainText("R&auml;umpl&auml;ne f&uuml;r Stra&szlig;en &amp; Gehwege &ndash; jetzt online"))
                .isEqualTo("Räumpläne für Straßen & Gehwege – jetzt online");
    }

    @Test
    void decodesDoubleEscapedEntities() {
        assertThat(TextCleaner.toPlainText("Gr&amp;uuml;nfl&amp;auml;chen werden k&amp;uuml;nftig per Sensor bew&amp;auml;ssert"))
                .isEqualTo("Grünflächen werden künftig per Sensor bewässert");
    }

    @Test
    void foldsWhitespaceAndNonBreakingSpaces() {
        assertThat(TextCleaner.toPlainText("  Rund 400&nbsp;Bodensensoren\n\n\t erfassen   freie\u00a0Stellplätze  "))
                .isEqualTo("Rund 400 Bodensensoren erfassen freie Stellplätze");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "<p> </p>", "<script>var x = 1;</script>"})
    void givesEmptyTextForNothingToRead(String markup) {
        assertThat(TextCleaner.toPlainText(markup)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>Die Stadt Bamberg setzt 80 smarte Mülleimer ein. <a href=\"/meldung\" class=\"mehr\">mehr…</a></p>",
        "<p>Die Stadt Bamberg setzt 80 smarte Mülleimer ein.</p> <a href=\"/meldung\">Weiterlesen</a>",
        "Die Stadt Bamberg setzt 80 smarte Mülleimer ein. [mehr...]",
        "Die Stadt Bamberg setzt 80 smarte Mülleimer ein. Mehr »",
        "Die Stadt Bamberg setzt 80 smarte Mülleimer ein. zum Artikel ›"
    })
    void removesTrailingReadMoreLinkFromSummary(String markup) {
        assertThat(TextCleaner.toSummary(markup)).isEqualTo("Die Stadt Bamberg setzt 80 smarte Mülleimer ein.");
    }

    @Test
    void keepsMehrInsideTheSentence() {
        String text = "Mehr Ladesäulen für Hürth: die Stadt baut mehr als 40 neue Ladepunkte.";

        assertThat(TextCleaner.toSummary(text)).isEqualTo(text);
    }

    @Test
    void cutsLongSummaryAtAWordBoundary() {
        String sentence = "Die Stadtwerke erneuern die Straßenbeleuchtung im gesamten Stadtgebiet mit sparsamen LED-Leuchten. ";
        String longText = sentence.repeat(20);

        String summary = TextCleaner.toSummary("<p>" + longText + "</p>");

        assertThat(summary).endsWith(" …");
        String kept = summary.substring(0, summary.length() - 2);
        assertThat(kept.length()).isLessThanOrEqualTo(1000).isGreaterThan(900);
        assertThat(longText).startsWith(kept);
        // The cut falls between two words: the kept text ends a word and the next character was a space.
        assertThat(longText.charAt(kept.length())).isEqualTo(' ');
        assertThat(kept).doesNotEndWith(" ");
    }

    @Test
    void keepsSummaryOfExactlyTheLimitUncut() {
        String text = "a".repeat(994) + " Ende.";

        assertThat(text).hasSize(1000);
        assertThat(TextCleaner.toSummary(text)).isEqualTo(text);
    }
    @Test
    void removesEventHandlersCommentsAndTrackingPixels() {
        String markup = "<p onclick=\"steal(document.cookie)\" onmouseover='x()'>Neue Ladesäulen am Rathaus</p>"
                + "<!-- Redaktion: bitte bis Freitag prüfen -->"
                + "<img src=\"https://stats.example.org/pixel.gif?id=4711\" width=\"1\" height=\"1\" alt=\"\">"
                + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" onerror=\"alert(1)\">";

        assertThat(TextCleaner.toPlainText(markup)).isEqualTo("Neue Ladesäulen am Rathaus");
    }

    @Test
    void removesScriptThatWasEscapedOnceTooOften() {
        assertThat(TextCleaner.toPlainText("&lt;script&gt;alert('xss')&lt;/script&gt;Neue Ladesäulen am Rathaus"))
                .isEqualTo("Neue Ladesäulen am Rathaus");
        assertThat(TextCleaner.toPlainText("&amp;lt;b&amp;gt;Neu:&amp;lt;/b&amp;gt; Ladesäulen"))
                .isEqualTo("Neu: Ladesäulen");
    }

    @Test
    void keepsLessThanSignsThatAreText() {
        assertThat(TextCleaner.toPlainText("Tempo &lt;30 in Wohngebieten, Kinder &lt; 6 Jahre frei"))
                .isEqualTo("Tempo <30 in Wohngebieten, Kinder < 6 Jahre frei");
    }

    @Test
    void repairsMojibake() {
        assertThat(TextCleaner.toPlainText("<p>MÃ¼llabfuhr: neue Termine fÃ¼r die StraÃŸen</p>"))
                .isEqualTo("Müllabfuhr: neue Termine für die Straßen");
    }

    @Test
    void composesCombiningUmlautsAndDropsInvisibleCharacters() {
        String decomposed = "Mu\u0308llabfuhr in Ko\u0308ln";
        String invisible = "Stra\u00ADßen\u200Breinigung\uFEFF";

        assertThat(TextCleaner.toPlainText(decomposed)).isEqualTo("Müllabfuhr in Köln");
        assertThat(TextCleaner.toPlainText(invisible)).isEqualTo("Straßenreinigung");
    }

    @Test
    void foldsUnicodeWhitespace() {
        assertThat(TextCleaner.toPlainText("Smart\u2009City\u202Fund\u3000mehr\u2028Text"))
                .isEqualTo("Smart City und mehr Text");
    }

    @Test
    void cleansTextWithoutMarkupToo() {
        assertThat(TextCleaner.toPlainText("\tPark\u0000haus\u0007 \u0085Sensoren fÃ¼r die Innenstadt\r\n"))
                .isEqualTo("Parkhaus Sensoren für die Innenstadt");
    }
}
