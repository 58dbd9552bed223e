package de.smartcity.catalogue.routes.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mo, 24 Nov 2026 10:00:00 +0100          | 2026-11-24T09:00:00Z
            Mon, 24 Nov 2026 10:00:00 GMT           | 2026-11-24T10:00:00Z
            Di., 3 Mär 2026 08:15 MEZ               | 2026-03-03T07:15:00Z
            Mi, 01 Okt 2026 12:00:00 MESZ           | 2026-10-01T10:00:00Z
            Do, 17 Dez 2026 09:30:00 +01:00         | 2026-12-17T08:30:00Z
            Fr, 05 Mai 2026 18:00:00 CEST           | 2026-05-05T16:00:00Z
            Montag, 24. November 2026               | 2026-11-23T23:00:00Z
            24. November 2026                       | 2026-11-23T23:00:00Z
            24. Nov. 2026                           | 2026-11-23T23:00:00Z
            24. Juli 2026, 14:30 Uhr                | 2026-07-24T12:30:00Z
            3. März 2026                            | 2026-03-02T23:00:00Z
            3. Maerz 2026                           | 2026-03-02T23:00:00Z
            24.11.2026                              | 2026-11-23T23:00:00Z
            24.11.2026 10:00                        | 2026-11-24T09:00:00Z
            24.11.2026, 10.00 Uhr                   | 2026-11-24T09:00:00Z
            1.7.2026                                | 2026-06-30T22:00:00Z
            24.11.26                                | 2026-11-23T23:00:00Z
            November 24, 2026                       | 2026-11-23T23:00:00Z
            Tuesday, November 24, 2026 10:00 UTC    | 2026-11-24T10:00:00Z
            2026-11-24T10:00:00+01:00               | 2026-11-24T09:00:00Z
            2026-11-24T10:00:00+0100                | 2026-11-24T09:00:00Z
            2026-11-24T10:00:00Z                    | 2026-11-24T10:00:00Z
            2026-11-24T10:00:00.123Z                | 2026-11-24T10:00:00Z
            2026-11-24 10:00:00                     | 2026-11-24T09:00:00Z
            2026-11-24                              | 2026-11-23T23:00:00Z
            2026-07-14                              | 2026-07-13T22:00:00Z
            """)
    void readsGermanEnglishAndIsoDates(String text, String expected) {
        assertThat(DateTexts.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "gestern", "bald", "31.02.2026", "24. Brumaire 2026", "2026-13-01", "Mo, 24 Nov",
        "Neue Ladesäulen am Rathaus"})
    void givesEmptyForTextThatIsNoDate(String text) {
        assertThat(DateTexts.parse(text)).isEmpty();
    }
}
