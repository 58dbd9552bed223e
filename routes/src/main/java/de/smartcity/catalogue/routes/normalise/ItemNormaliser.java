package de.smartcity.catalogue.routes.normalise;

import de.smartcity.catalogue.model.ItemIds;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.parse.FeedEntry;
import de.smartcity.catalogue.routes.store.Sighting;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns raw entries into items: clean text, canonical URL and stable id, publication time in UTC.
 * Entries without a title or without an http(s) link are not stories and are left out.
 */
public final class ItemNormaliser {
    /** Clocks of small web servers drift; anything further ahead than this is treated as a wrong date. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    public List<Sighting> normalise(Source source, URI baseUrl, List<FeedEntry> entries, Instant now) {
        return entries.stream().flatMap(entry -> normalise(source, baseUrl, entry, now).stream()).toList();
    }

    Optional<Sighting> normalise(Source source, URI baseUrl, FeedEntry entry, Instant now) {
        String title = TextCleaner.toPlainText(entry.title());
        Optional<String> url = CanonicalUrls.canonicalize(entry.link(), baseUrl);
        if (title.isEmpty() || url.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> published = entry.publishedAt().filter(at -> !at.isAfter(now.plus(FUTURE_TOLERANCE)));
        NewsItem item = new NewsItem(
                ItemIds.fromCanonicalUrl(CanonicalUrls.identityKey(url.get())),
                title,
                TextCleaner.toSummary(entry.summary()),
                url.get(),
                published.orElse(now),
                published.isEmpty(),
                now,
                now,
                List.of(source.id()),
                List.of(),
                null,
                List.of(),
                List.of(),
                "de");
        return Optional.of(new Sighting(item, source.id(), entry.guid(), entry.link()));
    }
}
