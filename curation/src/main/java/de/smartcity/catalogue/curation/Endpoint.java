package de.smartcity.catalogue.curation;

import de.smartcity.catalogue.model.Role;
import java.util.Set;

/**
 * One endpoint of the write side as {@link CurationRoutes} declares it: the one place that says which role it needs.
 *
 * @param method     HTTP method, upper case
 * @param path       path as in the OpenAPI document, with {@code /api}
 * @param role       the role a key needs to call it
 * @param parameters the query parameters it takes
 */
public record Endpoint(String method, String path, Role role, Set<String> parameters) {
}
