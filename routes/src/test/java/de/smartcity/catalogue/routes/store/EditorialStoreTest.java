package de.smartcity.catalogue.routes.store;

/** The editorial store on H2; {@link EditorialStorePostgresIT} runs the same on PostgreSQL. */
class EditorialStoreTest extends EditorialStoreContract {

    @Override
    protected StoreDatabase openDatabase() {
        return StoreDatabase.h2();
    }
}
