package de.smartcity.catalogue.curation;

import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.routes.store.ApiKey;
import de.smartcity.catalogue.routes.store.ApiKeyStore;
import de.smartcity.catalogue.search.ApiException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is asking, from the request's {@code Authorization: Bearer <key>}, and whether their role allows the endpoint:
 * 401 without a key or with one that is malformed, unknown or revoked, 403 with a key whose role falls short.
 */
public final class Authenticator {
    private static final String SCHEME = "bearer ";

    private final ApiKeyStore keys;

    public Authenticator(ApiKeyStore keys) {
        this.keys = keys;
    }

    /**
     * @param authorization the request's {@code Authorization} header, if it sent one
     * @param needed        the role the endpoint needs
     * @return the key that may make the request
     */
    public ApiKey require(Optional<String> authorization, Role needed) throws SQLException {
        String header = authorization.map(String::strip).orElseThrow(() -> ApiException.unauthorized(
                "This endpoint needs an API key with the role '" + needed.id() + "', sent as 'Authorization: Bearer <key>'"));
        if (!header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw ApiException.unauthorized("The Authorization header must read 'Bearer <key>'");
        }
        ApiKey key = keys.authenticate(header.substring(SCHEME.length()).strip())
                .orElseThrow(() -> ApiException.unauthorized("The API key is unknown or has been revoked"));
        if (!key.role().includes(needed)) {
            throw ApiException.forbidden("The key '" + key.id() + "' has the role '" + key.role().id()
                    + "'; this endpoint needs '" + needed.id() + "'");
        }
        return key;
    }
}
