package de.smartcity.catalogue.routes;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling for ingest, declared once: a failing source is recorded with a reason and the
 * exchange ends there, so it never stops other sources or the poller.
 */
public final class IngestErrorHandling extends RouteConfigurationBuilder {
    public static final String ID = "ingest-errors";

    private final IngestSteps steps;

    public IngestErrorHandling(IngestSteps steps) {
        this.steps = steps;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(true)
                .process(steps::recordFailure);
    }
}
