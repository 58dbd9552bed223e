package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Every match of a query, page by page, in a point in time with {@code search_after}: the walk sees the index as it
 * was when it began, however long it takes and whatever is indexed meanwhile, and is not bound by the 10,000-hit
 * window. The sort must give every document its own place (end it with a unique field).
 */
final class SearchWalk implements AutoCloseable {
    /** Documents per page: large enough to keep round trips few, small enough to keep little in memory. */
    static final int PAGE_SIZE = 500;
    /**
     * How long the point in time lives after each page: an export is read as fast as its client takes it, so allow
     * a slow client a while between pages.
     */
    private static final String KEEP_ALIVE = "5m";

    private final ElasticsearchClient client;
    private final Query query;
    private final List<SortOptions> sort;
    private String pit;
    private List<FieldValue> after = List.of();
    private boolean done;

    SearchWalk(ElasticsearchClient client, String index, Query query, List<SortOptions> sort) throws IOException {
        this.client = client;
        this.query = query;
        this.sort = List.copyOf(sort);
        this.pit = client.openPointInTime(request -> request.index(index).keepAlive(time -> time.time(KEEP_ALIVE))).id();
    }

    /** The next page of documents, empty once every match has been returned; the point in time is closed then. */
    List<ObjectNode> next() throws IOException {
        if (done) {
            return List.of();
        }
        SearchResponse<ObjectNode> response = client.search(request -> {
            request.pit(point -> point.id(pit).keepAlive(time -> time.time(KEEP_ALIVE)))
                    .query(query)
                    .sort(sort)
                    .size(PAGE_SIZE)
                    .trackTotalHits(total -> total.enabled(false));
            if (!after.isEmpty()) {
                request.searchAfter(after);
            }
            return request;
        }, ObjectNode.class);
        // Elasticsearch may hand out a new id for the same point in time; the newest one is the one to use.
        pit = response.pitId();
        List<Hit<ObjectNode>> hits = response.hits().hits();
        if (hits.size() < PAGE_SIZE) {
            close();
        } else {
            after = hits.getLast().sort();
        }
        return hits.stream().map(Hit::source).toList();
    }

    /** Frees the point in time on the node; a walk left before its end is closed here too. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            client.closePointInTime(request -> request.id(pit));
        }
    }
}
