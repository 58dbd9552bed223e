package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The public address the feeds link to, read from {@code CATALOGUE_PUBLIC_URL}. */
class PublicAddressTest {

    @AfterEach
    void clearSetting() {
        System.clearProperty(Setting.PUBLIC_URL.systemProperty());
    }

    @Test
    void unsetMeansTheAddressEachRequestCameInOn() {
        assertThat(Catalogue.publicAddress()).isEmpty();
    }

    @Test
    void anAddressLosesItsTrailingSlashesAndKeepsItsPath() {
        System.setProperty(Setting.PUBLIC_URL.systemProperty(), " https://www.kommune.de/katalog// ");

        assertThat(Catalogue.publicAddress()).contains(URI.create("https://www.kommune.de/katalog"));
    }

    @Test
    void anAddressThatIsNoWebAddressStopsTheStartNamingTheSetting() {
        for (String bad : new String[] {"katalog.example.de", "ftp://katalog.example.de", "https://katalog.example.de/?a=1",
                "https://katalog.example.de/#top", "https://kata log.example.de"}) {
            System.setProperty(Setting.PUBLIC_URL.systemProperty(), bad);
            assertThatThrownBy(Catalogue::publicAddress).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("CATALOGUE_PUBLIC_URL: ");
        }
    }
}
