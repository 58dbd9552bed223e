package de.smartcity.catalogue.routes;

import de.smartcity.catalogue.routes.store.UpsertResult;
import java.util.Optional;

/**
 * How one poll of one source ended.
 *
 * @param sourceId    the source
 * @param result      what storing did, when the poll brought the feed
 * @param error       the reason in an operator's words, when it failed
 * @param notModified the server answered 304 Not Modified: nothing was parsed or stored
 */
public record IngestOutcome(String sourceId, UpsertResult result, String error, boolean notModified) {
    public static IngestOutcome success(String sourceId, UpsertResult result) {
        return new IngestOutcome(sourceId, result, null, false);
    }

    public static IngestOutcome notModified(String sourceId) {
        return new IngestOutcome(sourceId, null, null, true);
    }

    public static IngestOutcome failure(String sourceId, String error) {
        return new IngestOutcome(sourceId, null, error, false);
    }

    /** The poll worked: it brought the feed, or the server said nothing changed. */
    public boolean succeeded() {
        return error == null;
    }

    public Optional<UpsertResult> stored() {
        return Optional.ofNullable(result);
    }
}
