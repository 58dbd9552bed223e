package de.smartcity.catalogue.routes.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The API key store on a real PostgreSQL server, the production database: every scenario of {@link ApiKeyStoreContract}. */
class ApiKeyStorePostgresIT extends ApiKeyStoreContract {

    @RegisterExtension
    static final LocalPostgres POSTGRES = new LocalPostgres();

    @Override
    protected StoreDatabase openDatabase() {
        return POSTGRES.openCatalogue();
    }
}
