package de.smartcity.catalogue.search.feed;

import java.time.Instant;

/**
 * What a feed says about itself.
 *
 * @param id        its stable id (see {@link FeedIds})
 * @param title     its title, German, naming the search
 * @param self      the address it was fetched from, as the feed's self link
 * @param alternate the web page that shows the same search, or the API for projects
 * @param base      the app's address, such as {@code http://localhost:8080}, for links into the catalogue
 * @param updated   when its newest entry changed; the epoch when it has none, so that an unchanged feed stays
 *                  byte for byte the same (and keeps its ETag)
 */
public record FeedHead(String id, String title, String self, String alternate, String base, Instant updated) {
}
