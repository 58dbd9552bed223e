package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.ReviewState;
import java.util.Locale;

/** What an editor does to an item's review, and the state it leads to from each state. */
public enum ReviewAction {
    APPROVE, FEATURE, UNFEATURE, HIDE, UNHIDE;

    /**
     * @throws IllegalStateException when the action does not apply to the item as it stands (unfeature an item that is
     *                               not featured, unhide one that is not hidden)
     */
    public ReviewState from(ReviewState current) {
        return switch (this) {
            case APPROVE -> ReviewState.APPROVED;
            case FEATURE -> ReviewState.FEATURED;
            case HIDE -> ReviewState.HIDDEN;
            case UNFEATURE -> {
                requireState(current, ReviewState.FEATURED);
                yield ReviewState.APPROVED;
            }
            // Back to the queue: whoever unhides an item reviews it afresh.
            case UNHIDE -> {
                requireState(current, ReviewState.HIDDEN);
                yield ReviewState.NEW;
            }
        };
    }

    /** The name in the API and the audit trail: {@code approve}, {@code hide}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    private void requireState(ReviewState current, ReviewState needed) {
        if (current != needed) {
            throw new IllegalStateException("The item is " + current.id() + ", not " + needed.id() + "; nothing to " + id());
        }
    }
}
