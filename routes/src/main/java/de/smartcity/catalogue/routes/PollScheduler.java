package de.smartcity.catalogue.routes;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.store.SourceStore;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * The steps of the scheduler route: which polled sources are due now (the database's {@code next_poll_at}), and
 * which of them are already under way, so that a slow source is never polled twice at once.
 */
public final class PollScheduler {
    /** The exchange property that carries the source a {@code poll-due} exchange polls. */
    static final String POLLED_SOURCE = "CataloguePolledSource";

    private final SourceRegistry sources;
    private final SourceStore store;
    private final Clock clock;
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();

    PollScheduler(SourceRegistry sources, SourceStore store, Clock clock) {
        this.sources = sources;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The body becomes the ids of the sources due now that are not under way, longest waiting first but with
     * hosts taking turns, so the per-host limit does not leave the poll threads all waiting for one busy host.
     */
    public void claimDue(Exchange exchange) throws SQLException {
        // Which polls are under way is read before the database: a poll that ends in between has already
        // written its next poll, but the query may not show it yet. Only this (single) timer claims sources.
        Set<String> busy = Set.copyOf(underWay);
        List<Source> claimed = new ArrayList<>();
        for (String id : store.dueSourceIds(clock.instant())) {
            Optional<Source> source = sources.polled(id);
            if (source.isPresent() && !busy.contains(id) && underWay.add(id)) {
                claimed.add(source.get());
            }
        }
        exchange.getMessage().setBody(hostsTakingTurns(claimed));
    }

    /** The poll of the source in {@link #POLLED_SOURCE} has ended; it may be claimed again once due. */
    public void finished(Exchange exchange) {
        Optional.ofNullable(exchange.getProperty(POLLED_SOURCE, String.class)).ifPresent(underWay::remove);
    }

    /** Sources under way: claimed and not finished. */
    public int underWay() {
        return underWay.size();
    }

    static List<String> hostsTakingTurns(List<Source> sources) {
        Map<String, Deque<String>> byHost = new LinkedHashMap<>();
        for (Source source : sources) {
            byHost.computeIfAbsent(host(source.url()), host -> new ArrayDeque<>()).add(source.id());
        }
        List<String> order = new ArrayList<>(sources.size());
        while (order.size() < sources.size()) {
            for (Deque<String> queue : byHost.values()) {
                Optional.ofNullable(queue.poll()).ifPresent(order::add);
            }
        }
        return order;
    }

    private static String host(URI url) {
        return Optional.ofNullable(url.getHost()).orElse("").toLowerCase(Locale.ROOT);
    }
}
