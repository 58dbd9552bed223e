package de.smartcity.catalogue.routes.store;

/** Merging reports of one story on H2, the database the app uses by default; {@link ItemMergePostgresIT} runs the same on PostgreSQL. */
class ItemMergeTest extends ItemMergeContract {

    @Override
    protected StoreDatabase openDatabase() {
        return StoreDatabase.h2();
    }
}
