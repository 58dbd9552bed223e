package de.smartcity.catalogue.routes.store;

/** The source store on H2, the database the app uses by default; {@link SourceStorePostgresIT} runs the same on PostgreSQL. */
class SourceStoreTest extends SourceStoreContract {

    @Override
    protected StoreDatabase openDatabase() {
        return StoreDatabase.h2();
    }
}
