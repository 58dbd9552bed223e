package de.smartcity.catalogue.app;

import de.smartcity.catalogue.model.Source;
import java.util.List;

/** {@code reindex}: a new index built from the database, then the alias switched to it. */
final class Reindex {
    private Reindex() {
    }

    static int run(List<Source> sources) throws Exception {
        try (Catalogue catalogue = Catalogue.open(sources)) {
            long written = catalogue.indexer().reindex();
            System.out.printf("Reindexed %d item(s) into %s.%n", written, catalogue.itemIndex().currentIndices());
            return 0;
        }
    }
}
