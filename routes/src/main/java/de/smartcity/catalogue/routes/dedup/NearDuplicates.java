package de.smartcity.catalogue.routes.dedup;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.routes.parse.DateTexts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the stored story that a new report tells again: the same story from a city's own feed and from a portal,
 * under different URLs, with near-identical title and teaser and close dates.
 *
 * <p>Blocking keeps this cheap however large the catalogue grows: a report is compared only with the stories of the
 * same place (its AGS, or its name when the gazetteer has no key) published at most {@link #WINDOW} before or after
 * it, which the store finds through an index. Within that block, two tellings are one story when at least
 * {@link #THRESHOLD} of the shorter telling's words ({@link StoryWords}) occur in the other, and at least
 * {@link #MIN_SHARED_WORDS} of them. The shorter telling counts because a portal's teaser is usually a cut-down
 * rewrite of the press release's lead. Over the 576 pairs of one place among the labelled items of the tagging
 * evaluation and the demo feeds, different stories share at most 50 % (two Mannheim stories about sensors on
 * disabled parking spaces, with different numbers of spaces), but for one pair that merges (Dresden's flood walls put up
 * and a flood wall finished, 61 %, one of them with its figures in words); the city and portal reports of one story
 * written for the tests and the demo share at least 67 %. Tellings whose figures disagree are never one story (see
 * {@link StoryWords}): a place's recurring announcements are worded alike and differ in their numbers.
 *
 * <p>Reports without a place or with an estimated date are never merged: without a place there is no block short of
 * the whole catalogue, and an estimated date is only the poll time, which would make every undated listing entry
 * "close" to every story of its place. They stay items of their own, as do two reports of one source.
 */
public final class NearDuplicates {
    /** How far apart two reports of one story may be published. */
    public static final Duration WINDOW = Duration.ofDays(3);
    static final double THRESHOLD = 0.6;
    static final int MIN_SHARED_WORDS = 5;

    private NearDuplicates() {
    }

    /** The block a story is compared in, or empty when it takes no part in merging. */
    public static Optional<String> block(NewsItem item) {
        Place place = item.place();
        if (place == null || item.publishedEstimated()) {
            return Optional.empty();
        }
        return Optional.of(place.ags() != null ? place.ags() : "name:" + place.name());
    }

    /**
     * The candidate the report tells again, the most similar one when several do.
     *
     * @param report     a story with a {@link #block}
     * @param candidates stored stories of its block, from any date
     */
    public static Optional<Match> find(NewsItem report, Collection<Candidate> candidates) {
        return new Block(report.place().name(), candidates).find(report, wordsOf(report), Set.of());
    }

    /** The words a story with a {@link #block} is compared by, from its title and teaser. */
    public static StoryWords wordsOf(NewsItem story) {
        return StoryWords.of(story.title(), story.summary(), story.place().name());
    }

    /**
     * The same words from the analysis the tagger made of the story's title and teaser
     * ({@link de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer#forIndexing()}).
     */
    public static StoryWords wordsOf(NewsItem story, List<AnalyzedToken> titleTokens, List<AnalyzedToken> summaryTokens) {
        return StoryWords.of(story.title(), titleTokens, story.summary(), summaryTokens, story.place().name());
    }

    /**
     * The stored stories of one block. Their words are read from the store; a story stored before the store kept
     * them is analysed once however many new reports of a poll are compared with it.
     */
    public static final class Block {
        private final String placeName;
        private final Collection<Candidate> candidates;
        private final Map<String, StoryWords> analysed = new HashMap<>();

        /**
         * @param placeName  the block's place, whose words every story of it shares and which therefore do not count
         * @param candidates stored stories of the block, from any date
         */
        public Block(String placeName, Collection<Candidate> candidates) {
            this.placeName = placeName;
            this.candidates = candidates;
        }

        /**
         * The candidate the report tells again, leaving out the stored stories in {@code taken}.
         *
         * @param words the report's words ({@link #wordsOf})
         */
        public Optional<Match> find(NewsItem report, StoryWords words, Set<String> taken) {
            List<Candidate> near = candidates.stream()
                    .filter(candidate -> !taken.contains(candidate.itemId()))
                    .filter(candidate -> apart(report.published(), candidate.published()).compareTo(WINDOW) <= 0)
                    .toList();
            if (near.isEmpty()) {
                return Optional.empty();
            }
            return near.stream()
                    .map(candidate -> new Scored(candidate, words.overlapWith(wordsOf(candidate))))
                    .filter(scored -> scored.overlap().shared() >= MIN_SHARED_WORDS
                            && scored.overlap().similarity() >= THRESHOLD && scored.overlap().numbersAgree())
                    .max(Comparator.comparingDouble((Scored scored) -> scored.overlap().similarity())
                            .thenComparing(scored -> apart(report.published(), scored.candidate().published()),
                                    Comparator.reverseOrder())
                            .thenComparing(scored -> scored.candidate().itemId(), Comparator.reverseOrder()))
                    .map(scored -> new Match(scored.candidate(), scored.overlap().similarity(),
                            reason(report, scored.candidate(), scored.overlap().similarity())));
        }

        private StoryWords wordsOf(Candidate candidate) {
            return candidate.words().orElseGet(() -> analysed.computeIfAbsent(candidate.itemId(),
                    id -> StoryWords.of(candidate.title(), candidate.summary(), placeName)));
        }
    }

    private static Duration apart(Instant a, Instant b) {
        return Duration.between(a, b).abs();
    }

    /** E.g. "Gleiche Meldung wie bei mannheim-presse: 88 % der Wörter aus Titel und Teaser gleich, 2 Tage Abstand, gleicher Ort Mannheim (AGS 08222000)." */
    static String reason(NewsItem report, Candidate candidate, double similarity) {
        long days = Math.abs(ChronoUnit.DAYS.between(report.published().atZone(DateTexts.GERMANY).toLocalDate(),
                candidate.published().atZone(DateTexts.GERMANY).toLocalDate()));
        String apart = days == 0 ? "am selben Tag erschienen" : days == 1 ? "1 Tag Abstand" : days + " Tage Abstand";
        Place place = report.place();
        String ags = place.ags() == null ? "" : " (AGS " + place.ags() + ")";
        return "Gleiche Meldung wie bei %s: %d %% der Wörter aus Titel und Teaser gleich, %s, gleicher Ort %s%s."
                .formatted(candidate.sourceId(), Math.round(similarity * 100), apart, place.name(), ags);
    }

    private record Scored(Candidate candidate, StoryWords.Overlap overlap) {
    }
}
