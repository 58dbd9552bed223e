package de.smartcity.catalogue.routes.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlsTest {

    private static final URI FEED = URI.create("https://www.kaiserslautern.de/aktuelles/pressemitteilungen/rss.xml");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026/smarte-laternen.html           | https://www.kaiserslautern.de/aktuelles/pressemitteilungen/2026/smarte-laternen.html
            /aktuelles/meldung-412.html         | https://www.kaiserslautern.de/aktuelles/meldung-412.html
            ../archiv/meldung-1.html            | https://www.kaiserslautern.de/aktuelles/archiv/meldung-1.html
            //www.kommune21.de/meldungen/kl     | https://www.kommune21.de/meldungen/kl
            """)
    void resolvesRelativeLinksAgainstTheFeedUrl(String link, String expected) {
        assertThat(CanonicalUrls.canonicalize(link, FEED)).contains(expected);
    }

    @Test
    void removesTrackingParametersAndKeepsOthersInOrder() {
        String link = "https://www.mannheim.de/presse/meldung?id=17&utm_source=rss&lang=de&fbclid=IwAR0abc&utm_medium=feed&seite=2";

        assertThat(CanonicalUrls.canonicalize(link, FEED)).contains("https://www.mannheim.de/presse/meldung?id=17&lang=de&seite=2");
    }

    @Test
    void dropsQuestionMarkWhenOnlyTrackingParametersWereThere() {
        assertThat(CanonicalUrls.canonicalize("https://www.mannheim.de/presse/meldung?utm_source=rss&UTM_CAMPAIGN=herbst", FEED))
                .contains("https://www.mannheim.de/presse/meldung");
    }

    @Test
    void dropsTheFragment() {
        assertThat(CanonicalUrls.canonicalize("https://frankfurt.de/meldung/parkleitsystem/?seite=1#kommentare", FEED))
                .contains("https://frankfurt.de/meldung/parkleitsystem/?seite=1");
    }

    @Test
    void dropsDefaultPortsAndKeepsOthers() {
        assertThat(CanonicalUrls.canonicalize("https://www.huerth.de:443/aktuelles/a.php", FEED))
                .contains("https://www.huerth.de/aktuelles/a.php");
        assertThat(CanonicalUrls.canonicalize("http://www.huerth.de:80/aktuelles/a.php", FEED))
                .contains("http://www.huerth.de/aktuelles/a.php");
        assertThat(CanonicalUrls.canonicalize("https://www.huerth.de:8443/aktuelles/a.php", FEED))
                .contains("https://www.huerth.de:8443/aktuelles/a.php");
    }

    @Test
    void lowerCasesSchemeAndHostButNotThePath() {
        assertThat(CanonicalUrls.canonicalize("HTTPS://WWW.Mannheim.DE/Presse/Sensoren-Parken", FEED))
                .contains("https://www.mannheim.de/Presse/Sensoren-Parken");
    }

    @Test
    void givesHostWithoutPathASlash() {
        assertThat(CanonicalUrls.canonicalize("https://www.ulm.de", FEED)).contains("https://www.ulm.de/");
    }

    @Test
    void encodesSpacesInLinks() {
        assertThat(CanonicalUrls.canonicalize(" https://www.ulm.de/meldungen/neue ladesäulen.html ", FEED))
                .contains("https://www.ulm.de/meldungen/neue%20ladesäulen.html");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:void(0)",
        "JavaScript:openPopup('meldung')",
        "data:text/html;base64,PGgxPkhhbGxvPC9oMT4=",
        "mailto:pressestelle@kaiserslautern.de",
        "ftp://ftp.kaiserslautern.de/presse/meldung.pdf",
        "https://"
    })
    void givesEmptyForLinksThatAreNoHttpStories(String link) {
        assertThat(CanonicalUrls.canonicalize(link, FEED)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void givesEmptyForMissingLink(String link) {
        assertThat(CanonicalUrls.canonicalize(link, FEED)).isEmpty();
    }

    @Test
    void identityKeyIsTheSameForHttpAndHttpsAndWithOrWithoutWww() {
        String https = CanonicalUrls.canonicalize("https://www.huerth.de/aktuelles/a.php?id=3", FEED).orElseThrow();
        String http = CanonicalUrls.canonicalize("http://huerth.de/aktuelles/a.php?id=3&utm_source=rss", FEED).orElseThrow();
        String httpWww = CanonicalUrls.canonicalize("http://WWW.huerth.de/aktuelles/a.php?id=3#oben", FEED).orElseThrow();

        assertThat(CanonicalUrls.identityKey(https))
                .isEqualTo(CanonicalUrls.identityKey(http))
                .isEqualTo(CanonicalUrls.identityKey(httpWww))
                .isEqualTo("huerth.de/aktuelles/a.php?id=3");
    }

    @Test
    void identityKeyTellsDifferentStoriesApart() {
        assertThat(CanonicalUrls.identityKey("https://www.huerth.de/aktuelles/a.php?id=3"))
                .isNotEqualTo(CanonicalUrls.identityKey("https://www.huerth.de/aktuelles/a.php?id=4"))
                .isNotEqualTo(CanonicalUrls.identityKey("https://www.huerth.de/aktuelles/b.php?id=3"))
                .isNotEqualTo(CanonicalUrls.identityKey("https://www.huerth.de:8443/aktuelles/a.php?id=3"))
                .isNotEqualTo(CanonicalUrls.identityKey("https://presse.huerth.de/aktuelles/a.php?id=3"));
    }
}
