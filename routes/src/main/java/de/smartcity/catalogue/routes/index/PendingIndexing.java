package de.smartcity.catalogue.routes.index;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of the {@code index-pending} timer. Elasticsearch being down or refusing items is expected and needs
 * nobody: the items stay pending in the database and every tick sends them again until it works. So the log says
 * once that indexing fails and once that it works again, instead of a warning on every tick of an hour-long outage.
 */
public final class PendingIndexing {
    private static final Logger LOG = LoggerFactory.getLogger(PendingIndexing.class);

    private final ItemIndexer indexer;
    private final Duration period;
    /** System.nanoTime() of the first failed run of the current outage; only the timer's thread touches it. */
    private Long failingSince;

    public PendingIndexing(ItemIndexer indexer, Duration period) {
        this.indexer = indexer;
        this.period = period;
    }

    public void run() {
        try {
            long indexed = indexer.indexPending();
            if (failingSince != null) {
                LOG.info("Indexing works again after {} s; {} pending item(s) sent to Elasticsearch",
                        Duration.ofNanos(System.nanoTime() - failingSince).toSeconds(), indexed);
                failingSince = null;
            }
        } catch (IOException | SQLException e) {
            if (failingSince == null) {
                failingSince = System.nanoTime();
                LOG.warn("Indexing failed; the items stay pending in the database and are sent again every {} s "
                        + "until it works (index lag in /api/metrics): {}", period.toSeconds(), e.getMessage());
            } else {
                LOG.debug("Indexing still fails: {}", e.getMessage());
            }
        }
    }
}
