package de.smartcity.catalogue.app;

import de.smartcity.catalogue.model.Source;
import java.util.List;

/** {@code reindex}: new item and project indices built from the database, then the aliases switched to them. */
final class Reindex {
    private Reindex() {
    }

    static int run(List<Source> sources) throws Exception {
        try (Catalogue catalogue = Catalogue.open(sources)) {
            // Links first: the item documents carry them.
            int projects = catalogue.reindexProjects();
            long written = catalogue.indexer().reindex();
            System.out.printf("Reindexed %d item(s) into %s and %d project(s) into %s.%n", written,
                    catalogue.itemIndex().currentIndices(), projects, catalogue.projectIndex().currentIndices());
            return 0;
        }
    }
}
