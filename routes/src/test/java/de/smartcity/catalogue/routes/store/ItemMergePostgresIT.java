package de.smartcity.catalogue.routes.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Merging reports of one story on a real PostgreSQL server, the production database: every scenario of {@link ItemMergeContract}. */
class ItemMergePostgresIT extends ItemMergeContract {

    @RegisterExtension
    static final LocalPostgres POSTGRES = new LocalPostgres();

    @Override
    protected StoreDatabase openDatabase() {
        return POSTGRES.openCatalogue();
    }
}
