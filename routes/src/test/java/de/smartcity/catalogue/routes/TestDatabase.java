package de.smartcity.catalogue.routes;

import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.routes.store.CatalogueDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh H2 in-memory database per test, migrated by Flyway through {@link CatalogueDatabase#open}. */
public final class TestDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;

    private TestDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static TestDatabase open() {
        String url = "jdbc:h2:mem:catalogue-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(CatalogueDatabase.open(url, "", ""));
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** One number from a query, for checks the stores do not expose. */
    public long queryLong(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // the pool closes anyway
        }
        dataSource.close();
    }
}
