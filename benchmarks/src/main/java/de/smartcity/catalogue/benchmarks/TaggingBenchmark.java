package de.smartcity.catalogue.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.routes.normalise.ItemNormaliser;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.store.Sighting;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tagging plus place recognition on one thread: what the ingest route's place and tag steps and the {@code tag}
 * command cost per item, without fetching, parsing or storing.
 *
 * <p>Two workloads, each cycled to {@code bench.items} items per round: the labelled evaluation set (396 items
 * written like municipal press releases, a third of them from portals without a declared city, so the place is
 * searched in the text) and 20,000 items of {@link SyntheticNews} after {@link ItemNormaliser}, as the route
 * sees them. A round times tag and place together (the target), then the tagger alone and the place recogniser
 * alone over the same items. Round 0 warms up the JIT and is not counted.
 *
 * <p>Options (system properties): {@code bench.rounds} (5), {@code bench.items} (50,000 per round and workload).
 */
public final class TaggingBenchmark {
    private static final PrintStream OUT = System.out;
    private static final double TARGET_ITEMS_PER_SECOND = 5_000;
    private static final List<String> EVALUATION_FILES = List.of("evaluation/tuning.jsonl", "evaluation/heldout.jsonl");

    /** What the tagger and the place recogniser get for one item. */
    private record Input(String title, String summary, Optional<String> city) {
    }

    /** One round of one workload; seconds for all its items. */
    record Round(int number, int items, double both, double tagOnly, double placeOnly, double otherCores) {
        double rate() {
            return items / both;
        }

        double tagMicros() {
            return tagOnly * 1e6 / items;
        }

        double placeMicros() {
            return placeOnly * 1e6 / items;
        }
    }

    private TaggingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 5);
        int items = Integer.getInteger("bench.items", 50_000);
        ThemeTagger tagger = new ThemeTagger(Taxonomy.bundled());
        PlaceRecognizer places = PlaceRecognizer.withBundledGazetteer();
        List<Input> evaluation = evaluationItems();
        List<Input> synthetic = syntheticItems();

        OUT.printf("## Tagging and place recognition: one thread, %,d items per round, %d counted round(s) after a "
                + "warm-up round%n%n", items, rounds);
        List<Round> evaluationRounds = measure("evaluation set", evaluation, items, rounds, tagger, places);
        List<Round> syntheticRounds = measure("synthetic feeds", synthetic, items, rounds, tagger, places);
        print("Evaluation set (%d items, cycled)".formatted(evaluation.size()), evaluationRounds);
        print("Synthetic feed items (%,d items, cycled)".formatted(synthetic.size()), syntheticRounds);
    }

    private static List<Round> measure(String name, List<Input> inputs, int items, int rounds, ThemeTagger tagger,
                                       PlaceRecognizer places) {
        List<Round> results = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            OtherCpu others = OtherCpu.start();
            long sink = 0;
            long start = System.nanoTime();
            for (int i = 0; i < items; i++) {
                Input input = inputs.get(i % inputs.size());
                sink += tagger.tag(input.title(), input.summary()).themes().size();
                sink += places.recognise(input.title(), input.summary(), input.city()).isPresent() ? 1 : 0;
            }
            long both = System.nanoTime();
            for (int i = 0; i < items; i++) {
                Input input = inputs.get(i % inputs.size());
                sink += tagger.tag(input.title(), input.summary()).themes().size();
            }
            long tagged = System.nanoTime();
            for (int i = 0; i < items; i++) {
                Input input = inputs.get(i % inputs.size());
                sink += places.recognise(input.title(), input.summary(), input.city()).isPresent() ? 1 : 0;
            }
            long placed = System.nanoTime();
            Round result = new Round(round, items, seconds(both - start), seconds(tagged - both), seconds(placed - tagged),
                    others.cores());
            // The sink is printed so that the JIT cannot drop the work whose results nobody reads.
            System.err.printf("%s round %d: %.0f items/s (checksum %d)%n", name, round, result.rate(), sink);
            results.add(result);
        }
        return results;
    }

    private static void print(String workload, List<Round> all) {
        List<Round> counted = all.subList(1, all.size());
        OUT.printf("### %s%n%n", workload);
        MarkdownTable table = new MarkdownTable("round", "items", "tag + place s", "tag + place items/s",
                "µs per item: tag", "µs per item: place", "other processes (cores)");
        for (Round round : all) {
            table.row(round.number() == 0 ? "0 (warm-up)" : round.number(), round.items(), round.both(), round.rate(),
                    round.tagMicros(), round.placeMicros(), round.otherCores());
        }
        table.row("**median**", counted.getFirst().items(), median(counted, Round::both), median(counted, Round::rate),
                median(counted, Round::tagMicros), median(counted, Round::placeMicros), median(counted, Round::otherCores));
        table.print(OUT);
        double rate = median(counted, Round::rate);
        OUT.printf("- tag + place ≥ %s items/s on one thread: %s (median %s items/s, %s× the target)%n%n",
                MarkdownTable.format(TARGET_ITEMS_PER_SECOND), MarkdownTable.verdict(rate >= TARGET_ITEMS_PER_SECOND),
                MarkdownTable.format(rate), MarkdownTable.format(rate / TARGET_ITEMS_PER_SECOND));
    }

    /** The labelled evaluation set of the routes module, copied into this module's jar by the build. */
    private static List<Input> evaluationItems() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Input> inputs = new ArrayList<>();
        for (String file : EVALUATION_FILES) {
            try (InputStream in = TaggingBenchmark.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IOException("Not on the classpath: " + file);
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        JsonNode item = json.readTree(line);
                        inputs.add(new Input(item.path("title").asText(), item.path("summary").asText(),
                                Optional.ofNullable(item.path("city").textValue())));
                    }
                }
            }
        }
        return inputs;
    }

    /** Synthetic feed entries, cleaned and normalised as the ingest route does before placing and tagging. */
    private static List<Input> syntheticItems() {
        ItemNormaliser normaliser = new ItemNormaliser();
        Instant now = Instant.now();
        List<Input> inputs = new ArrayList<>();
        for (SyntheticNews.Feed feed : SyntheticNews.feeds(200, 100, URI.create("http://127.0.0.1/feeds/"))) {
            for (Sighting sighting : normaliser.normalise(feed.source(), feed.source().url(), feed.entries(), now)) {
                NewsItem item = sighting.item();
                inputs.add(new Input(item.title(), item.summary(), feed.source().cityName()));
            }
        }
        return inputs;
    }

    private static double median(List<Round> rounds, Function<Round, Double> value) {
        return Statistics.median(rounds.stream().map(value).toList());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
