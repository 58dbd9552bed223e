package de.smartcity.catalogue.routes.store;

/** The project store on H2, the database the app uses by default; {@link ProjectStorePostgresIT} runs the same on PostgreSQL. */
class ProjectStoreTest extends ProjectStoreContract {

    @Override
    protected StoreDatabase openDatabase() {
        return StoreDatabase.h2();
    }
}
