package de.smartcity.catalogue.routes.fetch;

import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.routes.parse.FeedEntry;
import de.smartcity.catalogue.routes.parse.HtmlListingParser;
import de.smartcity.catalogue.routes.parse.HtmlListingParser.ListingPage;
import de.smartcity.catalogue.routes.parse.UnreadableSourceException;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an HTML press listing over its pages and notices when its layout stops matching.
 * <ul>
 *   <li>Pagination: from the first page, the source's {@code next} selector is followed to at most
 *       {@link HtmlSelectors#pageLimit()} pages, only on the first page's host and scheme family (a listing on
 *       http(s) never leads to a file or another host), never to a page already read, and not past a page that
 *       adds no new story. A later page that cannot be read ends the walk with the stories found so far: the
 *       first page holds the newest ones and decides whether the source works.</li>
 *   <li>Layout: the first page must match (an unmatched item selector is an error, see
 *       {@link HtmlListingParser}). Beyond that, the number of stories on the first page is remembered per
 *       source and item selector; when it collapses (to a quarter or less of at least {@value #MIN_BASELINE}
 *       stories, e.g. one generic {@code article} left after a relaunch), that is an error too, not a quiet
 *       success. If the low number persists for {@value #ACCEPT_AFTER} polls in a row it is accepted as the
 *       listing's new size. The memory lives as long as the process; a restart or a changed selector starts
 *       afresh.</li>
 * </ul>
 */
public final class ListingPager {
    /** Fewer stories than this last time are too few to call a drop a collapse. */
    static final int MIN_BASELINE = 5;
    /** Polls in a row with the collapsed number after which it counts as the listing's real size. */
    static final int ACCEPT_AFTER = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ListingPager.class);

    private final HtmlListingParser parser;
    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

    public ListingPager() {
        this(new HtmlListingParser());
    }

    public ListingPager(HtmlListingParser parser) {
        this.parser = parser;
    }

    /**
     * @param sourceId  the source, for the layout memory and the log
     * @param firstPage what the source's URL answered
     * @param pageUrl   where the first page was found (after redirects); relative links resolve against it
     * @param fetcher   fetches the next pages
     * @return the stories of all pages read, each link once, in page order
     * @throws UnreadableSourceException when the first page yields no stories or far fewer than before
     */
    public List<FeedEntry> collect(String sourceId, FetchedBody firstPage, URI pageUrl, HtmlSelectors selectors,
                                   PageFetcher fetcher) throws UnreadableSourceException {
        ListingPage page = parser.parsePage(firstPage.bytes(), firstPage.charset().orElse(null), pageUrl.toString(), selectors);
        checkLayout(sourceId, selectors, page.entries().size());
        Map<String, FeedEntry> byLink = new LinkedHashMap<>();
        page.entries().forEach(entry -> byLink.putIfAbsent(entry.link(), entry));
        Set<URI> visited = new HashSet<>(Set.of(withoutFragment(pageUrl)));
        Optional<URI> next = page.next();
        for (int number = 2; number <= selectors.pageLimit() && next.isPresent(); number++) {
            URI url = withoutFragment(next.get());
            if (!sameSite(pageUrl, url)) {
                LOG.warn("Source {}: next page {} is not on {}, not followed", sourceId, url, pageUrl.getHost());
                break;
            }
            if (!visited.add(url)) {
                break;
            }
            try {
                FetchedBody body = fetcher.fetch(url);
                ListingPage more = parser.parsePage(body.bytes(), body.charset().orElse(null), url.toString(), selectors);
                int before = byLink.size();
                more.entries().forEach(entry -> byLink.putIfAbsent(entry.link(), entry));
                if (byLink.size() == before) {
                    break;
                }
                next = more.next();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.warn("Source {}: page {} of the listing ({}) could not be read, keeping the {} stories before it: {}",
                        sourceId, number, url, byLink.size(), e.getMessage());
                break;
            }
        }
        return List.copyOf(byLink.values());
    }

    /** Fails when the first page holds far fewer stories than it did, unless that has lasted long enough to be real. */
    private void checkLayout(String sourceId, HtmlSelectors selectors, int found) throws UnreadableSourceException {
        String key = sourceId + "\n" + selectors.item();
        Baseline last = baselines.get(key);
        boolean collapsed = last != null && last.count() >= MIN_BASELINE && found * 4 <= last.count();
        if (!collapsed) {
            baselines.put(key, new Baseline(found, 0));
            return;
        }
        int streak = last.collapsedPolls() + 1;
        if (streak >= ACCEPT_AFTER) {
            LOG.warn("Source {}: {} stories for {} polls in a row, accepted as the listing's size (was {})", sourceId,
                    found, streak, last.count());
            baselines.put(key, new Baseline(found, 0));
            return;
        }
        baselines.put(key, new Baseline(last.count(), streak));
        throw new UnreadableSourceException("Nur noch " + found + (found == 1 ? " Meldung" : " Meldungen")
                + " gefunden, beim letzten erfolgreichen Abruf waren es " + last.count() + ": passt der Selektor '"
                + selectors.item() + "' noch zum Layout der Seite?");
    }

    private static boolean sameSite(URI first, URI next) {
        String firstScheme = Optional.ofNullable(first.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        String nextScheme = Optional.ofNullable(next.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (firstScheme.equals("file") || nextScheme.equals("file")) {
            return firstScheme.equals(nextScheme);
        }
        boolean web = (nextScheme.equals("http") || nextScheme.equals("https"))
                && (firstScheme.equals("http") || firstScheme.equals("https"));
        return web && host(first).equals(host(next));
    }

    private static String host(URI uri) {
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        return (host.startsWith("www.") ? host.substring(4) : host) + ":" + uri.getPort();
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    /** What the first page held on the last poll that counted, and for how many polls since it has collapsed. */
    private record Baseline(int count, int collapsedPolls) {
    }
}
