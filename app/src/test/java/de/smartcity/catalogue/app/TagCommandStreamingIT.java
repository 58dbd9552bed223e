package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "100,000 lines need no more memory than 10": {@code catalogue tag} runs in a JVM of its own with a small fixed
 * heap ({@link TagMemoryProbe}), once over 10 lines and once over 100,000 piped through standard input. Each run
 * reports the heap still in use after a full collection, measured every 10,000 lines read and at the end. A
 * command that kept its input, its results or its output until the end would hold tens of megabytes more after
 * 100,000 lines (each answer is about 400 bytes as JSON text, far more as a tree) and run out of the heap.
 */
class TagCommandStreamingIT {
    /** The 10-line run keeps about 19 MB (gazetteer, taxonomy, analysis, Jackson); this leaves little room. */
    private static final String HEAP = "-Xmx40m";
    private static final int LINES = 100_000;
    private static final int MEASURE_EVERY = 10_000;
    /** Every this many lines one is not valid JSON; the command answers it with an error line and goes on. */
    private static final int BROKEN_EVERY = 997;
    /** What 100,000 lines may keep more than 10: a leak of 40 bytes a line is already 4 MB. */
    private static final long MAX_GROWTH_BYTES = 4L << 20;
    private static final List<String> TITLES = List.of(
            "Mannheim: Neues Parkleitsystem zeigt freie Stellplätze in der Innenstadt",
            "Winterdienst startet mit Glättesensoren an den Brücken",
            "Füllstandssensoren melden volle Glascontainer",
            "Kreis Hof: Rufbus fährt jetzt auch am Wochenende",
            "Stadt veröffentlicht Haushaltsdaten als Open Data");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void tagsAHundredThousandLinesInOrderKeepingNoMoreHeapThanForTen() throws Exception {
        Run ten = run(10);
        Run hundredThousand = run(LINES);
        System.out.printf("tag %s: heap kept after 10 lines %,d bytes, after %,d lines %,d bytes%n",
                HEAP, ten.liveHeapBytes(), LINES, hundredThousand.liveHeapBytes());

        assertThat(ten.linesOut()).isEqualTo(10);
        assertThat(hundredThousand.linesOut()).isEqualTo(LINES);
        assertThat(hundredThousand.liveHeapBytes() - ten.liveHeapBytes())
                .as("heap kept after %,d lines (%,d bytes) beyond that after 10 lines (%,d bytes)",
                        LINES, hundredThousand.liveHeapBytes(), ten.liveHeapBytes())
                .isLessThan(MAX_GROWTH_BYTES);
    }

    /** What one run of the command did: how many lines it answered, in order, and the most heap it kept. */
    private record Run(int linesOut, long liveHeapBytes) {
    }

    private Run run(int lines) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                TagMemoryProbe.class.getName(), String.valueOf(MEASURE_EVERY)).start();
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> writeLines(process, lines));
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process));
        int linesOut = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                linesOut++;
                checkAnswer(linesOut, json.readTree(line));
            }
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("tag ends").isTrue();
        input.get();
        String stderr = errors.get();
        assertThat(process.exitValue()).as("exit code; standard error: " + stderr).isZero();
        String measured = stderr.lines().filter(l -> l.startsWith("live-heap-bytes ")).findFirst().orElseThrow();
        return new Run(linesOut, Long.parseLong(measured.substring("live-heap-bytes ".length())));
    }

    /** Answer {@code number} belongs to input line {@code number}: its id, or its line number when it was broken. */
    private static void checkAnswer(int number, JsonNode answer) {
        if (number % BROKEN_EVERY == 0) {
            assertThat(answer.path("line").asInt()).as("error line for input line " + number).isEqualTo(number);
        } else {
            assertThat(answer.path("id").asText()).as("answer " + number).isEqualTo("item-" + number);
            assertThat(answer.path("themes").isArray()).as("themes of answer " + number).isTrue();
        }
    }

    private static void writeLines(Process process, int lines) {
        try (Writer in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
            for (int number = 1; number <= lines; number++) {
                if (number % BROKEN_EVERY == 0) {
                    in.write("{\"id\": \"item-" + number + "\", \"title\": \n");
                    continue;
                }
                String title = TITLES.get(number % TITLES.size());
                in.write("{\"id\": \"item-" + number + "\", \"title\": \"" + title + "\", \"summary\": \"Meldung Nummer "
                        + number + ": Die Stadt informiert über die Einzelheiten auf ihrer Internetseite.\"}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
