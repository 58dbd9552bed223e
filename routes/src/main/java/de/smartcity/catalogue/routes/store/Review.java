package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.ReviewState;
import java.time.Instant;

/**
 * An item's review as stored.
 *
 * @param state     where it stands
 * @param reason    why, when the editor said (always for {@code hidden}); null otherwise
 * @param changed   when it last changed; null for an item never reviewed
 * @param changedBy the id of the key that changed it last; null for an item never reviewed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Review(ReviewState state, String reason, Instant changed, String changedBy) {
    /** The review of an item no editor has touched. */
    public static final Review NONE = new Review(ReviewState.NEW, null, null, null);
}
