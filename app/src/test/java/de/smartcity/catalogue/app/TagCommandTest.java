package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> tag(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = TagCommand.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        assertThat(exitCode).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("output line is not JSON: " + line, e);
            }
        }).toList();
    }

    @Test
    void writesThemesFieldsAndPlaceForEveryLineInOrder() throws Exception {
        List<JsonNode> lines = tag("""
                {"id": "a", "title": "Frankfurt am Main: Neues Parkleitsystem zeigt Parkhausbelegungen"}
                {"id": "b", "title": "Winterdienst startet mit Glättesensoren", "city": "Hürth"}
                {"title": "Ein Tag ohne Thema"}
                """);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("id").asText()).isEqualTo("a");
        assertThat(lines.get(0).path("themes").path(0).path("id").asText()).isEqualTo("parking");
        assertThat(lines.get(0).path("themes").path(0).path("evidence").toString()).contains("Parkhausbelegungen");
        assertThat(lines.get(0).path("fields").toString()).contains("Mobilität");
        assertThat(lines.get(0).path("place").path("ags").asText()).isEqualTo("06412000");
        assertThat(lines.get(1).path("themes").toString()).contains("winter-service");
        assertThat(lines.get(1).path("place").path("name").asText()).isEqualTo("Hürth");
        assertThat(lines.get(2).path("themes")).isEmpty();
        assertThat(lines.get(2).path("place").isNull()).isTrue();
    }

    @Test
    void answersALineWhileTheInputIsStillOpen() throws Exception {
        PipedOutputStream input = new PipedOutputStream();
        PipedInputStream commandIn = new PipedInputStream(input);
        PipedInputStream output = new PipedInputStream();
        PipedOutputStream commandOut = new PipedOutputStream(output);
        // Threads of their own: the common pool may have a single thread on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> {
            try {
                return TagCommand.run(commandIn, commandOut);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads);
        BufferedReader answers = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));

        input.write("{\"id\": \"a\", \"title\": \"Sperrmüll online anmelden\"}\n".getBytes(StandardCharsets.UTF_8));
        input.flush();
        String answer = CompletableFuture.supplyAsync(() -> {
            try {
                return answers.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads).get(30, TimeUnit.SECONDS);

        assertThat(json.readTree(answer).path("id").asText()).isEqualTo("a");
        input.close();
        assertThat(command.get(30, TimeUnit.SECONDS)).isZero();
        threads.shutdown();
    }

    @Test
    void tagsWithTheTaxonomyNamedByTheSetting(@TempDir Path directory) throws Exception {
        Path taxonomy = directory.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, """
                titleWeight: 2
                threshold: 0.5
                fields: [Kultur]
                themes:
                  - {id: culture, de: Kultur, en: Culture, field: Kultur, terms: {museum: 1}}
                """);
        System.setProperty("catalogue.taxonomy", taxonomy.toString());
        try {
            List<JsonNode> lines = tag("{\"title\": \"Museum öffnet sonntags\"}\n");

            assertThat(lines.get(0).path("themes").path(0).path("id").asText()).isEqualTo("culture");
        } finally {
            System.clearProperty("catalogue.taxonomy");
        }
    }

    @Test
    void reportsMalformedLinesByNumberAndGoesOn() throws Exception {
        List<JsonNode> lines = tag("""
                {"title": "Müllabfuhr digital"
                [1, 2]
                {"summary": "ohne Titel"}
                {"title": "Sperrmüll online anmelden"}
                """);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("error").asText()).startsWith("not valid JSON");
        assertThat(lines.get(1).path("line").asInt()).isEqualTo(2);
        assertThat(lines.get(2).path("error").asText()).contains("'title'");
        assertThat(lines.get(3).path("themes").toString()).contains("waste");
    }
}
