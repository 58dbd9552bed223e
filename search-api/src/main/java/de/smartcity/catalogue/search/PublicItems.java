package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import de.smartcity.catalogue.model.ReviewState;

/**
 * Items an editor hid stay in the database and in the index, for the review queue, but no public read shows them:
 * every search, count and lookup of items the read API makes goes through here.
 */
final class PublicItems {
    private static final String FIELD = "review.state";

    private PublicItems() {
    }

    /** Leaves hidden items out of the query being built. */
    static BoolQuery.Builder only(BoolQuery.Builder bool) {
        ItemSearchService.mustNot(bool, FIELD, ReviewState.HIDDEN.id());
        return bool;
    }

    /** Every item anyone may see. */
    static Query all() {
        return only(new BoolQuery.Builder()).build()._toQuery();
    }

    /** Whether an item document fetched by id is one an editor hid. */
    static boolean hidden(JsonNode document) {
        return ReviewState.HIDDEN.id().equals(document.path("review").path("state").asText());
    }
}
