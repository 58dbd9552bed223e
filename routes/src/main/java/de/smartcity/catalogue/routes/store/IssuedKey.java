package de.smartcity.catalogue.routes.store;

/**
 * A key just created: the only moment its token exists outside the client that holds it.
 *
 * @param key   the stored key
 * @param token what the holder sends as {@code Authorization: Bearer <token>}
 */
public record IssuedKey(ApiKey key, String token) {
}
