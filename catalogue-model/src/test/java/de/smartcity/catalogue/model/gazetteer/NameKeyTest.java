package de.smartcity.catalogue.model.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeyTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Hürth                     | Huerth
            Gießen                    | GIESSEN
            Frankfurt am Main         | Frankfurt (Main)
            Frankfurt am Main         | Frankfurt/Main
            Frankfurt am Main         | Frankfurt a. Main
            Halle (Saale)             | Halle an der Saale
            Halle (Saale)             | Halle / Saale
            Neumarkt i.d.OPf.         | Neumarkt in der Oberpfalz
            Neumarkt i.d.OPf.         | Neumarkt i. d. OPf.
            Bad Homburg v. d. Höhe    | Bad Homburg vor der Höhe
            Garching b.München        | Garching bei München
            Halle (Westf.)            | Halle (Westfalen)
            Essen (Oldb.)             | Essen (Oldenburg)
            Hude (Oldb)               | Hude (Oldb.)
            St. Ingbert               | Sankt Ingbert
            Landkreis  Hof            | Landkreis Hof
            """)
    void spellingsOfOneNameShareAKey(String one, String other) {
        assertThat(NameKey.of(one)).isEqualTo(NameKey.of(other));
    }

    @Test
    void shortFormIsTheNameWithoutQualifier() {
        assertThat(NameKey.shortForm(NameKey.of("Frankfurt am Main"))).isEqualTo("frankfurt");
        assertThat(NameKey.shortForm(NameKey.of("Weiden i.d.OPf."))).isEqualTo("weiden");
        assertThat(NameKey.shortForm(NameKey.of("Hürth"))).isEqualTo("huerth");
    }

    @Test
    void connectorAtTheStartBelongsToTheName() {
        assertThat(NameKey.of("Am Mellensee")).isEqualTo("am mellensee");
    }
}
