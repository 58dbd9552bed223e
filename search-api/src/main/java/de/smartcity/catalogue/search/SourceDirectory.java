package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.SourceStatus;
import java.util.List;

/** Where the API reads the health of sources from; the app backs it with the database. */
@FunctionalInterface
public interface SourceDirectory {
    List<SourceStatus> statuses() throws Exception;
}
