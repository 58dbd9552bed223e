package de.smartcity.catalogue.routes.fetch;

import java.util.Optional;

/**
 * What a source answered.
 *
 * @param bytes       the body, at most the configured size
 * @param contentType the Content-Type header, or null (files)
 */
public record FetchedBody(byte[] bytes, String contentType) {
    /** The charset named in the Content-Type, if any. */
    public Optional<String> charset() {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                return Optional.of(pair[1].replace("\"", "").strip());
            }
        }
        return Optional.empty();
    }
}
