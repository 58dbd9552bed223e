package de.smartcity.catalogue.routes.poll;

import de.smartcity.catalogue.model.IngestMetrics;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/** Counters of finished polls since the process started; cheap to bump from many polls at once. */
public final class IngestCounters {
    private final Instant since;
    private final LongAdder fetches = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder itemsStored = new LongAdder();

    public IngestCounters(Instant since) {
        this.since = since;
    }

    /** A poll brought the feed and stored {@code items} new or changed items. */
    public void stored(long items) {
        fetches.increment();
        itemsStored.add(items);
    }

    public void notModified() {
        fetches.increment();
        notModified.increment();
    }

    public void failed() {
        fetches.increment();
        failures.increment();
    }

    /** @param indexLag items not yet acknowledged by Elasticsearch, read by the caller from the database */
    public IngestMetrics snapshot(long indexLag) {
        return new IngestMetrics(since, fetches.sum(), notModified.sum(), failures.sum(), itemsStored.sum(), indexLag);
    }
}
