package de.smartcity.catalogue.routes;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollSchedulerTest {

    private static Source source(String id, String url) {
        return new Source(id, null, URI.create(url), SourceKind.RSS, Duration.ofMinutes(30), null);
    }

    @Test
    void hostsTakeTurnsSoOneBusyHostDoesNotHoldEveryPoller() {
        List<Source> due = List.of(
                source("portal-1", "https://www.kommune21.de/a"),
                source("portal-2", "https://www.kommune21.de/b"),
                source("portal-3", "https://WWW.KOMMUNE21.DE/c"),
                source("ulm", "https://www.ulm.de/presse.rss"),
                source("hof", "https://www.landkreis-hof.de/feed"),
                source("ulm-2", "https://www.ulm.de/amtsblatt.rss"),
                source("datei", "file:///srv/feeds/frankfurt.rdf"));

        assertThat(PollScheduler.hostsTakingTurns(due))
                .containsExactly("portal-1", "ulm", "hof", "datei", "portal-2", "ulm-2", "portal-3");
    }
}
