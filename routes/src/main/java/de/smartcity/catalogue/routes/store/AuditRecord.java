package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One editorial change.
 *
 * @param keyId   the id of the key that made it
 * @param keyName that key's name when it made it
 * @param action  what was done: {@code approve}, {@code hide}, {@code override-themes}, …
 * @param item    the item changed, or null
 * @param project the project changed or linked, or null
 * @param source  the source an admin changed, or null
 * @param before  the state before, as JSON
 * @param after   the state after, as JSON
 * @param reason  why, when the editor said; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(long id, Instant at, String keyId, String keyName, String action, String item, String project,
                          String source,
                          JsonNode before, JsonNode after, String reason) {
}
