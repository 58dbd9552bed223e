package de.smartcity.catalogue.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API key store promises, whichever database holds the catalogue: {@link ApiKeyStoreTest} runs it on H2,
 * {@link ApiKeyStorePostgresIT} on a real PostgreSQL server.
 */
abstract class ApiKeyStoreContract {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private StoreDatabase database;
    private ApiKeyStore store;

    /** A fresh, migrated database for one test. */
    protected abstract StoreDatabase openDatabase();

    @BeforeEach
    void createStore() {
        database = openDatabase();
        store = new ApiKeyStore(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aNewKeyAuthenticatesWithItsRoleAndIsStoredOnlyAsAHash() throws Exception {
        IssuedKey issued = store.create("  Redaktion Kommune21  ", Role.EDITOR, NOW);

        assertThat(issued.token()).matches("sck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(issued.key().name()).isEqualTo("Redaktion Kommune21");
        assertThat(store.authenticate(issued.token())).contains(issued.key());
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM api_keys")) {
            rows.next();
            String secret = issued.token().substring(17);
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                assertThat(String.valueOf(rows.getString(column))).doesNotContain(secret);
            }
        }
    }

    @Test
    void twoKeysNeverShareAToken() throws Exception {
        IssuedKey first = store.create("Erste", Role.EDITOR, NOW);
        IssuedKey second = store.create("Zweite", Role.EDITOR, NOW);

        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(first.key().id()).isNotEqualTo(second.key().id());
    }

    @Test
    void aWrongSecretAnUnknownIdOrAMalformedTokenAuthenticateNoOne() throws Exception {
        IssuedKey issued = store.create("Redaktion", Role.ADMIN, NOW);
        String token = issued.token();
        char last = token.charAt(token.length() - 1);
        String wrongSecret = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknownId = "sck_000000000000" + token.substring(16);

        assertThat(store.authenticate(wrongSecret)).isEmpty();
        assertThat(store.authenticate(unknownId)).isEmpty();
        assertThat(store.authenticate(token.substring(0, 17))).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate("sck_" + issued.key().id())).isEmpty();
        assertThat(store.authenticate("Bearer " + token)).isEmpty();
    }

    @Test
    void aRevokedKeyNoLongerAuthenticatesButStaysListed() throws Exception {
        IssuedKey issued = store.create("Praktikant", Role.EDITOR, NOW);

        ApiKey revoked = store.revoke(issued.key().id(), NOW.plusSeconds(60)).orElseThrow();
        ApiKey revokedAgain = store.revoke(issued.key().id(), NOW.plusSeconds(120)).orElseThrow();

        assertThat(revoked.revoked()).isEqualTo(NOW.plusSeconds(60));
        assertThat(revokedAgain.revoked()).as("the first revocation counts").isEqualTo(NOW.plusSeconds(60));
        assertThat(store.authenticate(issued.token())).isEmpty();
        assertThat(store.list()).containsExactly(revoked);
        assertThat(store.revoke("000000000000", NOW)).isEmpty();
    }

    @Test
    void listsEveryKeyOldestFirstWithoutSecrets() throws Exception {
        IssuedKey editor = store.create("Redaktion", Role.EDITOR, NOW);
        IssuedKey admin = store.create("Betrieb", Role.ADMIN, NOW.plusSeconds(1));

        assertThat(store.list()).containsExactly(editor.key(), admin.key());
    }

    @Test
    void aKeyNeedsAName() {
        assertThatThrownBy(() -> store.create(" ", Role.EDITOR, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> store.create("x".repeat(201), Role.EDITOR, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200");
    }
}
