package de.smartcity.catalogue.search.feed;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Ids of feeds and their entries: name-based UUIDs as {@code urn:uuid:} URNs (RFC 4122), made from the item id or
 * project slug, which never change across re-ingest and reindex. A URN needs no domain of our own, unlike a
 * {@code tag:} URI, and is a valid Atom id and RSS guid.
 */
public final class FeedIds {
    private static final String NAMESPACE = "de.smartcity.catalogue/";

    private FeedIds() {
    }

    public static String item(String id) {
        return of("item/" + id);
    }

    public static String project(String slug) {
        return of("project/" + slug);
    }

    /** A feed's id: the same path and query give the same id, whatever host the feed was fetched from. */
    public static String feed(String pathAndQuery) {
        return of("feed" + pathAndQuery);
    }

    private static String of(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((NAMESPACE + name).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a link may go into a feed: only http(s), never {@code javascript:} or other schemes a text carried. */
    static boolean isWebAddress(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
