package de.smartcity.catalogue.routes.store;

import java.util.Optional;

/**
 * The HTTP validators of the last response of a source that was stored in full: sent back as
 * {@code If-None-Match} and {@code If-Modified-Since}, so that an unchanged feed is answered with 304.
 * Both are kept verbatim, as the server sent them.
 *
 * @param etag         the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public Optional<String> etagValue() {
        return Optional.ofNullable(etag);
    }

    public Optional<String> lastModifiedValue() {
        return Optional.ofNullable(lastModified);
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
