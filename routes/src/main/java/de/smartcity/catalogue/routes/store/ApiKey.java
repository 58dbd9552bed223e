package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.Role;
import java.time.Instant;

/**
 * An API key as stored, without its secret.
 *
 * @param id      public id, named in the audit trail and by {@code apikey revoke}
 * @param name    who or what holds it ("Redaktion Kommune21, A. Schmidt")
 * @param role    what it may do
 * @param created when it was made
 * @param revoked when it was revoked, or null while it works
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(String id, String name, Role role, Instant created, Instant revoked) {

    public boolean active() {
        return revoked == null;
    }
}
