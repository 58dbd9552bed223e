package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import de.smartcity.catalogue.model.ReviewState;
import java.util.List;

/**
 * The items editors stand behind ({@code review.state} approved or featured): the only ones that go into feeds.
 * Hidden items are already out of every item query ({@link PublicItems}); this leaves out those not yet reviewed too.
 */
final class CuratedItems {
    private static final String FIELD = "review.state";
    static final List<ReviewState> STATES = List.of(ReviewState.APPROVED, ReviewState.FEATURED);

    private CuratedItems() {
    }

    /** The search's items that an editor approved or featured. */
    static Query only(Query search) {
        return Query.of(query -> query.bool(bool -> bool.must(search)
                .filter(filter -> filter.terms(terms -> terms.field(FIELD)
                        .terms(values -> values.value(STATES.stream().map(state -> FieldValue.of(state.id())).toList()))))));
    }
}
