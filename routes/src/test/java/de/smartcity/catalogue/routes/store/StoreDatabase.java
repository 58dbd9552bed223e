package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.routes.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A fresh catalogue database, already migrated, that one store test works on; closing it throws it away.
 * The store contracts run the same scenarios on H2 ({@link #h2()}) and on PostgreSQL
 * ({@link LocalPostgres#openCatalogue()}).
 */
interface StoreDatabase extends AutoCloseable {

    DataSource dataSource();

    @Override
    void close();

    /** One number from a query, for checks the stores do not expose. */
    default long queryLong(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** An H2 in-memory database, as the app uses by default. */
    static StoreDatabase h2() {
        TestDatabase database = TestDatabase.open();
        return of(database.dataSource(), database::close);
    }

    static StoreDatabase of(DataSource dataSource, Runnable onClose) {
        return new StoreDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
