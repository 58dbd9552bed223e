package de.smartcity.catalogue.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.routes.store.ApiKeyStore;
import de.smartcity.catalogue.routes.store.CatalogueDatabase;
import de.smartcity.catalogue.routes.store.IssuedKey;
import de.smartcity.catalogue.search.ApiException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may call what, on keys stored in a real (H2) catalogue database. */
class AuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private HikariDataSource database;
    private ApiKeyStore keys;
    private Authenticator authenticator;

    @BeforeEach
    void open() {
        database = CatalogueDatabase.open("jdbc:h2:mem:auth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        keys = new ApiKeyStore(database);
        authenticator = new Authenticator(keys);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEditorKeyMayEditButNotAdminister() throws Exception {
        IssuedKey editor = keys.create("Redaktion", Role.EDITOR, NOW);

        assertThat(authenticator.require(bearer(editor.token()), Role.EDITOR)).isEqualTo(editor.key());
        assertStatus(() -> authenticator.require(bearer(editor.token()), Role.ADMIN), 403, "needs 'admin'");
    }

    @Test
    void anAdminKeyMayDoWhatAnEditorMay() throws Exception {
        IssuedKey admin = keys.create("Betrieb", Role.ADMIN, NOW);

        assertThat(authenticator.require(bearer(admin.token()), Role.EDITOR)).isEqualTo(admin.key());
        assertThat(authenticator.require(Optional.of("bearer  " + admin.token() + " "), Role.ADMIN)).isEqualTo(admin.key());
    }

    @Test
    void noKeyAnotherSchemeAWrongKeyOrARevokedOneIs401() throws Exception {
        IssuedKey editor = keys.create("Redaktion", Role.EDITOR, NOW);
        keys.revoke(editor.key().id(), NOW);

        assertStatus(() -> authenticator.require(Optional.empty(), Role.EDITOR), 401, "Authorization: Bearer");
        assertStatus(() -> authenticator.require(Optional.of("Basic dXNlcjpwdw=="), Role.EDITOR), 401, "Bearer <key>");
        assertStatus(() -> authenticator.require(bearer("sck_000000000000_nope"), Role.EDITOR), 401, "unknown");
        assertStatus(() -> authenticator.require(bearer(editor.token()), Role.EDITOR), 401, "revoked");
    }

    private static Optional<String> bearer(String token) {
        return Optional.of("Bearer " + token);
    }

    private static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, error -> {
            assertThat(error.status()).isEqualTo(status);
            assertThat(error.getMessage()).contains(message);
        });
    }
}
