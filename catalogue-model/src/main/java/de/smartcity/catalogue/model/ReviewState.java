package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where an item stands in the editors' review. */
public enum ReviewState {
    /** Not reviewed yet: every item starts here. */
    NEW,
    /** An editor stands behind it. */
    APPROVED,
    /** Approved and singled out. */
    FEATURED,
    /** Kept, but shown in no public read; an editor gave the reason. */
    HIDDEN;

    /** The name in the API and in the index: {@code new}, {@code approved}, {@code featured}, {@code hidden}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReviewState> of(String id) {
        for (ReviewState state : values()) {
            if (state.id().equals(id)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
