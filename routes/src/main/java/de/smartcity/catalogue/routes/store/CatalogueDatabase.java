package de.smartcity.catalogue.routes.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens the catalogue database (H2 file or PostgreSQL) and brings its schema up to date. */
public final class CatalogueDatabase {
    private CatalogueDatabase() {
    }

    /**
     * @param jdbcUrl  e.g. {@code jdbc:h2:file:./data/catalogue} or {@code jdbc:postgresql://db/catalogue}
     * @param user     database user, may be empty for H2
     * @param password its password, may be empty
     */
    public static HikariDataSource open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("catalogue-db");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
