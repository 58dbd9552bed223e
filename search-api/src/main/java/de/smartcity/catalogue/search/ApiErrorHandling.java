package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error answers for every API route, declared once: a JSON body {@code {error, message}}, never a
 * stack trace, and the server keeps serving.
 */
public final class ApiErrorHandling extends RouteConfigurationBuilder {
    public static final String ID = "api-errors";
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandling.class);

    private final ApiResponses responses;

    public ApiErrorHandling(ApiResponses responses) {
        this.responses = responses;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(ApiException.class).handled(true).process(exchange -> {
                    ApiException error = caught(exchange, ApiException.class);
                    responses.json(exchange, error.status(), new ErrorBody(error.error(), error.getMessage()));
                    if (error.status() == 401) {
                        exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"catalogue\"");
                    }
                })
                .end()
                .onException(IOException.class, ElasticsearchException.class).handled(true).process(exchange -> {
                    LOG.warn("Search backend unavailable: {}", caught(exchange, Exception.class).toString());
                    responses.json(exchange, 503, new ErrorBody("search_unavailable",
                            "The search index is not reachable right now; please try again shortly."));
                })
                .end()
                .onException(Exception.class).handled(true).process(exchange -> {
                    LOG.error("Unexpected error answering {}", exchange.getMessage().getHeader(Exchange.HTTP_URI),
                            caught(exchange, Exception.class));
                    responses.json(exchange, 500, new ErrorBody("internal_error",
                            "Something went wrong on our side; the error has been logged."));
                });
    }

    private static <T extends Throwable> T caught(Exchange exchange, Class<T> type) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, type);
    }
}
