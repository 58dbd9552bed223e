package de.smartcity.catalogue.curation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.ReviewState;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.Review;
import de.smartcity.catalogue.search.ApiException;
import de.smartcity.catalogue.search.ItemHit;
import de.smartcity.catalogue.search.ItemQuery;
import de.smartcity.catalogue.search.ItemSearchService;
import de.smartcity.catalogue.search.Vocabulary;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/review}: items in one review state, newest first, each with its evidence (themes with their words,
 * the place with its reason, merged reports, project links) and its review from the database. The index finds them,
 * hidden ones included; the database says who decided what and why.
 */
public final class ReviewQueue {
    public static final Set<String> PARAMETERS = Set.of("state", "theme", "city", "page", "size");
    private static final String STATE = "review.state";

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final EditorialStore store;
    private final Vocabulary vocabulary;

    public ReviewQueue(ElasticsearchClient client, ObjectMapper json, EditorialStore store, Vocabulary vocabulary) {
        this.client = client;
        this.json = json;
        this.store = store;
        this.vocabulary = vocabulary;
    }

    /**
     * @param total how many items are in this state (and theme and city)
     * @param items this page of them, newest first
     */
    public record Page(long total, int page, int size, ReviewState state, List<Entry> items) {
    }

    /** An item waiting in the queue, with its evidence, and its review. */
    public record Entry(ItemHit item, ItemReview review) {
    }

    public Page list(Map<String, String> parameters) throws IOException, SQLException {
        ReviewState state = ItemQuery.text(parameters, "state").map(id -> ReviewState.of(id).orElseThrow(() ->
                ApiException.badParameter("state", "must be one of new, approved, featured, hidden, was '" + id + "'")))
                .orElse(ReviewState.NEW);
        Optional<String> theme = vocabulary.theme(parameters).map(Theme::id);
        Optional<String> city = ItemQuery.text(parameters, "city");
        ItemQuery.Page page = ItemQuery.page(parameters, "narrow the queue by theme or city");

        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (state == ReviewState.NEW) {
            // Documents indexed before reviews existed carry no state: they are new too.
            bool.filter(filter -> filter.bool(either -> either.minimumShouldMatch("1")
                    .should(should -> should.term(term -> term.field(STATE).value(FieldValue.of(state.id()))))
                    .should(should -> should.bool(none -> none.mustNot(not -> not.exists(exists -> exists.field(STATE)))))));
        } else {
            ItemSearchService.term(bool, STATE, Optional.of(state.id()));
        }
        ItemSearchService.term(bool, "themes.id", theme);
        ItemSearchService.term(bool, "place.name", city);
        SearchResponse<ObjectNode> response = client.search(request -> request.index(ItemSearchService.ALIAS)
                .query(bool.build()._toQuery())
                .from((page.page() - 1) * page.size())
                .size(page.size())
                .sort(sort -> sort.field(field -> field.field("published").order(SortOrder.Desc)))
                .sort(sort -> sort.field(field -> field.field("id").order(SortOrder.Asc)))
                .trackTotalHits(total -> total.enabled(true)), ObjectNode.class);
        List<Hit<ObjectNode>> hits = response.hits().hits();
        Map<String, Review> reviews = store.reviewsOf(hits.stream().map(Hit::id).toList());
        List<Entry> entries = hits.stream().map(hit -> new Entry(ItemSearchService.hit(json, hit.source(), Map.of()),
                ItemReview.of(hit.id(), reviews.getOrDefault(hit.id(), Review.NONE)))).toList();
        long total = Optional.ofNullable(response.hits().total()).map(t -> t.value()).orElse((long) entries.size());
        return new Page(total, page.page(), page.size(), state, entries);
    }
}
