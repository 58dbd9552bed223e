package de.smartcity.catalogue.routes;

import de.smartcity.catalogue.routes.store.UpsertResult;
import java.util.Optional;

/**
 * How one poll of one source ended.
 *
 * @param sourceId the source
 * @param result   what storing did, when the poll succeeded
 * @param error    the reason in an operator's words, when it failed
 */
public record IngestOutcome(String sourceId, UpsertResult result, String error) {
    public static IngestOutcome success(String sourceId, UpsertResult result) {
        return new IngestOutcome(sourceId, result, null);
    }

    public static IngestOutcome failure(String sourceId, String error) {
        return new IngestOutcome(sourceId, null, error);
    }

    public boolean succeeded() {
        return error == null;
    }

    public Optional<UpsertResult> stored() {
        return Optional.ofNullable(result);
    }
}
