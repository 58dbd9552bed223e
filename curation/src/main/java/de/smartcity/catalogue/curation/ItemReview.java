package de.smartcity.catalogue.curation;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.ReviewState;
import de.smartcity.catalogue.routes.store.Review;
import java.time.Instant;

/**
 * An item's review as the API shows it.
 *
 * @param id        the item
 * @param reason    why, when the editor said (always for {@code hidden})
 * @param changed   when it last changed; absent for an item never reviewed
 * @param changedBy the id of the key that changed it last
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemReview(String id, ReviewState state, String reason, Instant changed, String changedBy) {

    static ItemReview of(String id, Review review) {
        return new ItemReview(id, review.state(), review.reason(), review.changed(), review.changedBy());
    }
}
