package de.smartcity.catalogue.routes;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.store.ManagedSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The sources the running catalogue knows, by id: what the scheduler polls, what a poll fetches and parses by, and
 * what {@code /api/sources} lists. The sources file fills it at start-up; the admin API changes it while the routes
 * run, so that a new, edited, paused, resumed or removed source takes effect with the scheduler's next tick. The
 * database stays the record; this is the running copy of it.
 */
public final class SourceRegistry {
    private final ConcurrentSkipListMap<String, ManagedSource> sources = new ConcurrentSkipListMap<>();

    public SourceRegistry(Collection<ManagedSource> sources) {
        sources.forEach(this::put);
    }

    /** Active sources only, for ingest that is driven by hand and tests. */
    public static SourceRegistry of(Collection<Source> sources) {
        return new SourceRegistry(sources.stream().map(ManagedSource::active).toList());
    }

    /** Adds the source, or replaces it with this definition and state. */
    public void put(ManagedSource source) {
        sources.put(source.id(), source);
    }

    /** Forgets a removed source: it is neither polled nor listed any more. */
    public void remove(String id) {
        sources.remove(id);
    }

    /** The source's definition when it is to be polled: registered and not paused. */
    public Optional<Source> polled(String id) {
        return Optional.ofNullable(sources.get(id)).filter(source -> !source.paused()).map(ManagedSource::source);
    }

    public Optional<ManagedSource> get(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** Every source, paused ones included, ordered by id. */
    public List<ManagedSource> all() {
        return List.copyOf(sources.values());
    }

    /** The sources that are polled, ordered by id. */
    public List<Source> active() {
        return sources.values().stream().filter(source -> !source.paused()).map(ManagedSource::source).toList();
    }
}
