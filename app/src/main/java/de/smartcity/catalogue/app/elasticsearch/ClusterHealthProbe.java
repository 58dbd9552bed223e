package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks {@code /_cluster/health} (this distribution answers {@code GET /} with 405). Reads the two
 * fields it needs with a pattern, so the app needs no JSON library here.
 */
final class ClusterHealthProbe {

    /** What answered on the port. */
    record Answer(int httpStatus, String body) {

        private static final Pattern CLUSTER_NAME = Pattern.compile("\"cluster_name\"\\s*:\\s*\"([^\"]*)\"");
        private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");

        Optional<String> clusterName() {
            return field(CLUSTER_NAME);
        }

        Optional<String> status() {
            return field(STATUS);
        }

        /** A 200 answer whose status is yellow or green. */
        boolean isYellowOrGreen() {
            return httpStatus == 200 && status().filter(s -> s.equals("yellow") || s.equals("green")).isPresent();
        }

        private Optional<String> field(Pattern pattern) {
            Matcher matcher = pattern.matcher(body);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    private final URI healthUri;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ClusterHealthProbe(URI baseUrl) {
        this.healthUri = baseUrl.resolve("/_cluster/health");
    }

    /** The current health, or empty when nothing answers HTTP on the port. */
    Optional<Answer> now() {
        return ask(healthUri, Duration.ofSeconds(3));
    }

    /** Waits at most {@code wait} on the server side for yellow, then answers whatever the status is. */
    Optional<Answer> waitForYellow(Duration wait) {
        URI uri = URI.create(healthUri + "?wait_for_status=yellow&timeout=" + wait.toMillis() + "ms");
        return ask(uri, wait.plusSeconds(3));
    }

    private Optional<Answer> ask(URI uri, Duration requestTimeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalNodeException("Interrupted while asking " + uri, e);
        }
    }
}
