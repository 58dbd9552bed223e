package de.smartcity.catalogue.routes.store;

/** The item store on H2, the database the app uses by default; {@link ItemStorePostgresIT} runs the same on PostgreSQL. */
class ItemStoreTest extends ItemStoreContract {

    @Override
    protected StoreDatabase openDatabase() {
        return StoreDatabase.h2();
    }
}
