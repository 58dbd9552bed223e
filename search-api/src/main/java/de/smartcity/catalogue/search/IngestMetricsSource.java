package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.IngestMetrics;

/** Where the API reads the ingest counters and the index lag from; the app backs it with the routes and the database. */
@FunctionalInterface
public interface IngestMetricsSource {
    IngestMetrics metrics() throws Exception;
}
