package de.smartcity.catalogue.routes.store;

/** The API key store on H2; {@link ApiKeyStorePostgresIT} runs the same on PostgreSQL. */
class ApiKeyStoreTest extends ApiKeyStoreContract {

    @Override
    protected StoreDatabase openDatabase() {
        return StoreDatabase.h2();
    }
}
