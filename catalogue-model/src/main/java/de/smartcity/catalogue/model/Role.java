package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What an API key may do beyond reading, which is open to everyone. */
public enum Role {
    /** Reviews and corrects items: approve, feature, hide, override themes and place, link projects. */
    EDITOR,
    /** Everything an editor may, plus API keys, sources and reindexing. */
    ADMIN;

    /** Whether a key of this role may do what {@code needed} allows. */
    public boolean includes(Role needed) {
        return this == ADMIN || this == needed;
    }

    /** The name in the API and on the command line: {@code editor}, {@code admin}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
