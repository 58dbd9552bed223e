package de.smartcity.catalogue.curation;

import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.routes.store.IssuedKey;
import java.time.Instant;

/**
 * The answer to creating a key: the only answer that ever holds the key itself.
 *
 * @param key what to send as {@code Authorization: Bearer <key>}
 */
public record CreatedKey(String id, String name, Role role, Instant created, String key) {

    static CreatedKey of(IssuedKey issued) {
        return new CreatedKey(issued.key().id(), issued.key().name(), issued.key().role(), issued.key().created(),
                issued.token());
    }
}
