package de.smartcity.catalogue.routes.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MÃ¼llabfuhr                         | Müllabfuhr
            StraÃŸenreinigung                   | Straßenreinigung
            Ã„nderungen fÃ¼r BÃ¼rger            | Änderungen für Bürger
            Ã–ffnungszeiten                     | Öffnungszeiten
            Ãœbersicht                          | Übersicht
            â€žSmart Cityâ€œ â€“ neue Sensoren    | „Smart City“ – neue Sensoren
            GebÃ¼hr 12 â‚¬                       | Gebühr 12 €
            CafÃ© am Markt                      | Café am Markt
            MÃƒÂ¼ll                             | Müll
            """)
    void repairsUtf8ReadAsWindows1252(String garbled, String meant) {
        assertThat(Mojibake.looksGarbled(garbled)).isTrue();
        assertThat(Mojibake.repair(garbled)).isEqualTo(meant);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Müllabfuhr für Bürger in Köln",
        "„Fuß“ oder „Fußweg“?",
        "Tempo 30 – mehr Sicherheit",
        "Ärger über Öffnungszeiten",
        "à la carte, Señor, Ångström",
        "Інформація для українців",
        "Preis: 12 € (½ Stunde), 5 °C"
    })
    void leavesHonestTextAsItIs(String text) {
        assertThat(Mojibake.looksGarbled(text)).isFalse();
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }
}
