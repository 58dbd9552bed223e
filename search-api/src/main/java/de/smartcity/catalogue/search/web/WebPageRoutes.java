package de.smartcity.catalogue.search.web;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Puts the {@link WebPage} on the platform-http server once Camel has started it. The page is served by Vert.x
 * handlers, not Camel routes: platform-http drops {@code Cache-Control} from route answers, and the page's answer
 * for unknown paths must come after every route, which only the router can order.
 */
public final class WebPageRoutes extends RouteBuilder {
    private final WebPage page;
    private final int port;

    /** @param port the port of Camel Main's HTTP server, which names its router */
    public WebPageRoutes(WebPage page, int port) {
        this.page = page;
        this.port = port;
    }

    @Override
    public void configure() throws Exception {
        getContext().addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // The page is put on the router once everything has started, below.
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
                if (router == null) {
                    throw new IllegalStateException("No platform-http server on port " + port + " to serve the web page");
                }
                page.install(router);
            }
        });
    }
}
