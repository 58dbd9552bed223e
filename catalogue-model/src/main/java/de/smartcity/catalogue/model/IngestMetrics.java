package de.smartcity.catalogue.model;

import java.time.Instant;

/**
 * Counters of the ingest since the process started, and how far the search index lags behind the database.
 *
 * @param since       when counting started (the process start)
 * @param fetches     polls of a source that finished, whatever their outcome
 * @param notModified of those, polls the server answered with 304 Not Modified (nothing parsed, nothing stored)
 * @param failures    of those, polls that failed
 * @param itemsStored items inserted or changed in the database
 * @param indexLag    items whose current version Elasticsearch has not acknowledged yet (a gauge, read when asked)
 */
public record IngestMetrics(Instant since, long fetches, long notModified, long failures, long itemsStored, long indexLag) {
}
