package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.SourceStatus;
import java.util.List;
import java.util.Optional;

/** Where the API reads the health of sources from; the app backs it with the database. */
@FunctionalInterface
public interface SourceDirectory {
    /** Every source of the current sources file, ordered by id. */
    List<SourceStatus> statuses() throws Exception;

    default Optional<SourceStatus> status(String id) throws Exception {
        return statuses().stream().filter(status -> status.id().equals(id)).findFirst();
    }
}
