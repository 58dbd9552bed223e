package de.smartcity.catalogue.routes.parse;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry as a source published it, before normalisation.
 *
 * @param guid      the source's own id for the entry, or null
 * @param title     the title, possibly with markup and entities
 * @param summary   the teaser or description, possibly HTML
 * @param link      the link as given (absolute, or relative to the feed)
 * @param published the publication time, or null when the source gave none or it could not be read
 */
public record FeedEntry(String guid, String title, String summary, String link, Instant published) {
    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(published);
    }
}
