package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.Source;

/**
 * A source the catalogue lists: its definition (from the sources file, or as an admin last saved it) and whether an
 * admin paused it. Removed sources are never one of these.
 *
 * @param paused listed with its health, but not polled
 */
public record ManagedSource(Source source, boolean paused) {

    public String id() {
        return source.id();
    }

    public static ManagedSource active(Source source) {
        return new ManagedSource(source, false);
    }
}
