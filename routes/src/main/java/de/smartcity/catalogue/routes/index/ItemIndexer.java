package de.smartcity.catalogue.routes.index;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.ItemStore;
import de.smartcity.catalogue.routes.store.Overrides;
import de.smartcity.catalogue.routes.store.ProjectStore;
import de.smartcity.catalogue.routes.store.Review;
import de.smartcity.catalogue.routes.store.VersionedItem;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Brings Elasticsearch up to date with the database. The database is the record: an item counts as
 * indexed only once Elasticsearch acknowledged its version, so items survive an unreachable or
 * rejecting cluster and are sent again on the next run.
 */
public final class ItemIndexer {
    private static final int BATCH = 1000;

    private final ItemIndex index;
    private final ItemStore store;
    private final ProjectStore projects;
    private final EditorialStore editorial;

    /**
     * @param projects  where the items' links to projects are read from, for their documents
     * @param editorial where the editors' decisions are read from, laid over the machine's values in each document
     */
    public ItemIndexer(ItemIndex index, ItemStore store, ProjectStore projects, EditorialStore editorial) {
        this.index = index;
        this.store = store;
        this.projects = projects;
        this.editorial = editorial;
    }

    /**
     * Indexes every item whose current version is not yet in Elasticsearch and waits for the answers.
     * The next page is read from the database while the last one is on its way, and acknowledged
     * versions are recorded as answers arrive, so a failure later in the run loses nothing already sent.
     *
     * @return how many items Elasticsearch acknowledged
     */
    public synchronized long indexPending() throws SQLException, IOException {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        long acknowledged = 0;
        try (Shipment shipment = new Shipment(ItemIndex.ALIAS, item -> answered.put(item.item().id(), item.version()))) {
            String after = "";
            List<VersionedItem> page;
            // Once a whole request failed the cluster is down or overloaded: stop reading, the rest stays pending.
            // Single items it refuses (a mapping error, say) stop nothing, so they cannot hold up the items after them.
            while (!shipment.requestFailed() && !(page = store.notYetIndexed(after, BATCH)).isEmpty()) {
                shipment.add(page);
                acknowledged += markIndexed(takeAll(answered));
                after = page.getLast().item().id();
            }
            shipment.awaitAnswers();
            acknowledged += markIndexed(takeAll(answered));
            Optional<String> failure = shipment.failure();
            if (failure.isPresent()) {
                throw new IOException("Elasticsearch did not take " + shipment.failed() + " item(s), they stay pending: "
                        + failure.get());
            }
        }
        return acknowledged;
    }

    private long markIndexed(Map<String, Long> versionsById) throws SQLException {
        store.markIndexed(versionsById);
        return versionsById.size();
    }

    private static List<String> ids(List<VersionedItem> items) {
        return items.stream().map(item -> item.item().id()).toList();
    }

    /** Empties a map that answers keep filling, returning what it held. */
    private static Map<String, Long> takeAll(Map<String, Long> answered) {
        Map<String, Long> taken = new HashMap<>();
        for (String id : List.copyOf(answered.keySet())) {
            taken.put(id, answered.remove(id));
        }
        return taken;
    }

    /** Builds a new index from the database, then moves the alias to it; search keeps working meanwhile. */
    public synchronized long reindex() throws SQLException, IOException {
        String target = index.createNextIndex();
        AtomicLong written = new AtomicLong();
        Optional<String> failure;
        try (Shipment shipment = new Shipment(target, item -> written.incrementAndGet())) {
            store.forEachItem(BATCH, shipment::add);
            shipment.awaitAnswers();
            failure = shipment.failure();
        }
        if (failure.isPresent()) {
            index.client().indices().delete(request -> request.index(target));
            throw new IOException("Reindex aborted, the alias still points at the old index: " + failure.get());
        }
        index.client().indices().refresh(request -> request.index(target));
        index.switchAliasTo(target);
        return written.get();
    }

    /**
     * One run's items on their way into one index through a single BulkIngester: {@code add} returns as soon
     * as the items are queued (it waits only while a full request is already in flight), and each item
     * Elasticsearch acknowledges is handed to {@code onAcknowledged} on the ingester's thread.
     */
    private final class Shipment implements AutoCloseable {
        private final String targetIndex;
        private final Consumer<VersionedItem> onAcknowledged;
        private final AtomicReference<String> failure = new AtomicReference<>();
        private final AtomicLong failed = new AtomicLong();
        private volatile boolean requestFailed;
        private final BulkIngester<VersionedItem> ingester;

        Shipment(String targetIndex, Consumer<VersionedItem> onAcknowledged) {
            this.targetIndex = targetIndex;
            this.onAcknowledged = onAcknowledged;
            this.ingester = BulkIngester.of(builder -> builder
                    .client(index.client())
                    .maxOperations(BATCH)
                    .maxConcurrentRequests(1)
                    .flushInterval(1, TimeUnit.SECONDS)
                    .listener(new Listener()));
        }

        /**
         * Queues the items with what the database holds besides them: project links and editors' decisions. An item
         * merged into another is deleted, which Elasticsearch acknowledges also when it holds no such document.
         */
        void add(List<VersionedItem> items) throws SQLException {
            Map<String, List<ProjectLink>> links = projects.linksOf(ids(items));
            Map<String, Review> reviews = editorial.reviewsOf(ids(items));
            Map<String, Overrides> overrides = editorial.overridesOf(ids(items));
            for (VersionedItem item : items) {
                String id = item.item().id();
                if (item.mergedInto().isPresent()) {
                    // An editor merged it into another item, which shows its sources and report instead.
                    ingester.add(operation -> operation.delete(doc -> doc.index(targetIndex).id(id)), item);
                    continue;
                }
                ItemDocument document = ItemDocument.of(overrides.getOrDefault(id, Overrides.NONE).applyTo(item.item()),
                        links.getOrDefault(id, List.of()),
                        reviews.getOrDefault(id, Review.NONE));
                ingester.add(operation -> operation.index(doc -> doc
                        .index(targetIndex)
                        .id(item.item().id())
                        .document(document)), item);
            }
        }

        /** Sends what is still buffered and waits until every request has been answered. */
        void awaitAnswers() {
            ingester.close();
        }

        Optional<String> failure() {
            return Optional.ofNullable(failure.get());
        }

        long failed() {
            return failed.get();
        }

        boolean requestFailed() {
            return requestFailed;
        }

        @Override
        public void close() {
            ingester.close();
        }

        private final class Listener implements BulkListener<VersionedItem> {
            @Override
            public void beforeBulk(long executionId, BulkRequest request, List<VersionedItem> contexts) {
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<VersionedItem> contexts, BulkResponse response) {
                for (int i = 0; i < contexts.size(); i++) {
                    BulkResponseItem result = response.items().get(i);
                    VersionedItem item = contexts.get(i);
                    if (result.error() == null) {
                        onAcknowledged.accept(item);
                    } else {
                        failed.incrementAndGet();
                        failure.compareAndSet(null, "item " + item.item().id() + ": " + result.error().reason());
                    }
                }
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<VersionedItem> contexts, Throwable cause) {
                requestFailed = true;
                failed.addAndGet(contexts.size());
                failure.compareAndSet(null, String.valueOf(cause.getMessage()));
            }
        }
    }
}
