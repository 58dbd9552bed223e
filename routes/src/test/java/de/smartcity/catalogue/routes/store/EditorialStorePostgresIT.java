package de.smartcity.catalogue.routes.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The editorial store on a real PostgreSQL server, the production database: every scenario of {@link EditorialStoreContract}. */
class EditorialStorePostgresIT extends EditorialStoreContract {

    @RegisterExtension
    static final LocalPostgres POSTGRES = new LocalPostgres();

    @Override
    protected StoreDatabase openDatabase() {
        return POSTGRES.openCatalogue();
    }
}
