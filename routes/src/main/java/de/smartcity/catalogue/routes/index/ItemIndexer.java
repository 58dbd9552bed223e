package de.smartcity.catalogue.routes.index;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import de.smartcity.catalogue.routes.store.ItemStore;
import de.smartcity.catalogue.routes.store.VersionedItem;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Brings Elasticsearch up to date with the database. The database is the record: an item counts as
 * indexed only once Elasticsearch acknowledged its version, so items survive an unreachable or
 * rejecting cluster and are sent again on the next run.
 */
public final class ItemIndexer {
    private static final int BATCH = 1000;

    private final ItemIndex index;
    private final ItemStore store;

    public ItemIndexer(ItemIndex index, ItemStore store) {
        this.index = index;
        this.store = store;
    }

    /**
     * Indexes every item whose current version is not yet in Elasticsearch and waits for the answers.
     *
     * @return how many items Elasticsearch acknowledged
     */
    public synchronized long indexPending() throws SQLException, IOException {
        long acknowledged = 0;
        while (true) {
            List<VersionedItem> pending = store.notYetIndexed(BATCH);
            if (pending.isEmpty()) {
                return acknowledged;
            }
            Outcome outcome = send(ItemIndex.ALIAS, pending);
            store.markIndexed(outcome.acknowledged());
            acknowledged += outcome.acknowledged().size();
            if (outcome.failure() != null) {
                throw new IOException("Elasticsearch did not take " + outcome.failed() + " item(s): " + outcome.failure());
            }
        }
    }

    /** Builds a new index from the database, then moves the alias to it; search keeps working meanwhile. */
    public synchronized long reindex() throws SQLException, IOException {
        String target = index.createNextIndex();
        AtomicLong written = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        store.forEachItem(BATCH, page -> {
            Outcome outcome = send(target, page);
            written.addAndGet(outcome.acknowledged().size());
            if (outcome.failure() != null) {
                failure.compareAndSet(null, outcome.failure());
            }
        });
        if (failure.get() != null) {
            index.client().indices().delete(request -> request.index(target));
            throw new IOException("Reindex aborted, the alias still points at the old index: " + failure.get());
        }
        index.client().indices().refresh(request -> request.index(target));
        index.switchAliasTo(target);
        return written.get();
    }

    /** Sends one batch through a BulkIngester and waits until every request has been answered. */
    private Outcome send(String targetIndex, List<VersionedItem> items) {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicLong failed = new AtomicLong();
        BulkListener<VersionedItem> listener = new BulkListener<>() {
            @Override
            public void beforeBulk(long executionId, BulkRequest request, List<VersionedItem> contexts) {
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<VersionedItem> contexts, BulkResponse response) {
                for (int i = 0; i < contexts.size(); i++) {
                    BulkResponseItem result = response.items().get(i);
                    VersionedItem item = contexts.get(i);
                    if (result.error() == null) {
                        acknowledged.put(item.item().id(), item.version());
                    } else {
                        failed.incrementAndGet();
                        failure.compareAndSet(null, "item " + item.item().id() + ": " + result.error().reason());
                    }
                }
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<VersionedItem> contexts, Throwable cause) {
                failed.addAndGet(contexts.size());
                failure.compareAndSet(null, String.valueOf(cause.getMessage()));
            }
        };
        try (BulkIngester<VersionedItem> ingester = BulkIngester.of(builder -> builder
                .client(index.client())
                .maxOperations(BATCH)
                .maxConcurrentRequests(1)
                .flushInterval(1, TimeUnit.SECONDS)
                .listener(listener))) {
            for (VersionedItem item : items) {
                ingester.add(operation -> operation.index(doc -> doc
                        .index(targetIndex)
                        .id(item.item().id())
                        .document(index.document(item.item()))), item);
            }
        }
        return new Outcome(new HashMap<>(acknowledged), failed.get(), failure.get());
    }

    private record Outcome(Map<String, Long> acknowledged, long failed, String failure) {
    }
}
