package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the running API over real HTTP, as curl would. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;

    ApiClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Where the app answers, such as {@code http://127.0.0.1:41234}. */
    URI base() {
        return base;
    }

    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, new String[0]);
    }

    /** @param headers request headers as name, value, name, value, … */
    Answer get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, "", headers);
    }

    /**
     * @param body    JSON to send, or empty for none
     * @param headers request headers as name, value, name, value, …; a {@code Content-Type} here replaces JSON
     */
    Answer send(String method, String pathAndQuery, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                ? json.readTree(response.body()) : json.missingNode();
        return new Answer(response.statusCode(), answer, response.headers().firstValue("Content-Type").orElse(""),
                response.headers(), response.body());
    }

    /** @param body the body as text, for answers that are not JSON */
    record Answer(int status, JsonNode json, String contentType, HttpHeaders headers, String body) {
        /** Checks that this is a JSON error {@code {error, message}} with the status, whose message says the text. */
        void assertError(int expectedStatus, String message) {
            assertThat(status).as(json.toString()).isEqualTo(expectedStatus);
            assertThat(json.path("message").asText()).as(json.toString()).contains(message);
            assertThat(json.path("error").asText()).isNotBlank();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
