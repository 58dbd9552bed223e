package de.smartcity.catalogue.routes.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The project store on a real PostgreSQL server, the production database: every scenario of {@link ProjectStoreContract}. */
class ProjectStorePostgresIT extends ProjectStoreContract {

    @RegisterExtension
    static final LocalPostgres POSTGRES = new LocalPostgres();

    @Override
    protected StoreDatabase openDatabase() {
        return POSTGRES.openCatalogue();
    }
}
