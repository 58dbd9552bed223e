package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Where the API reads the sources from: their health, backed by the database, and the definitions being polled. */
public interface SourceDirectory {
    /** Every listed source (of the sources file or made by admins, paused ones included), ordered by id. */
    List<SourceStatus> statuses() throws Exception;

    /** The definitions of the sources being polled (not paused), ordered by id, as the OPML export shows them. */
    List<Source> active();

    default Optional<SourceStatus> status(String id) throws Exception {
        return statuses().stream().filter(status -> status.id().equals(id)).findFirst();
    }

    static SourceDirectory of(Callable<List<SourceStatus>> statuses, Supplier<List<Source>> active) {
        return new SourceDirectory() {
            @Override
            public List<SourceStatus> statuses() throws Exception {
                return statuses.call();
            }

            @Override
            public List<Source> active() {
                return active.get();
            }
        };
    }
}
