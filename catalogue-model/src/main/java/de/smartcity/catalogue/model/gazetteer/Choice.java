package de.smartcity.catalogue.model.gazetteer;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The places a name can mean, and the one it does mean if there is one.
 *
 * <p>Rules, applied in this order:
 * <ol>
 *   <li>Display names and short forms compete on equal terms; the bare name of a Kreis
 *       ("Hof" for "Landkreis Hof") is only considered when no other place has the name.</li>
 *   <li>A Kreis or state with the same name as a municipality it contains is the same place
 *       seen from higher up (the kreisfreie Stadt Mannheim, the city-state Berlin): the municipality stays.</li>
 *   <li>One candidate left: that is the place. Several: the most populous wins if it has more than
 *       {@value #DOMINANCE} times the inhabitants of the next ("Frankfurt" is Frankfurt am Main, not
 *       Frankfurt (Oder); "Husum" is the town in Nordfriesland, not the village near Nienburg of a tenth its size),
 *       or more than {@value #DOMINANCE_OF_KREISFREIE_STADT} times if it is a
 *       kreisfreie Stadt, the place a name usually means ("Weimar" is the city in Thüringen, not
 *       Weimar (Lahn)); otherwise the name is ambiguous ("Neustadt", "Friedberg").</li>
 * </ol>
 *
 * @param text       the name as written
 * @param candidates the places it can mean, most populous first
 */
record Choice(String text, List<GazetteerEntry> candidates) {

    static final int DOMINANCE = 8;
    static final int DOMINANCE_OF_KREISFREIE_STADT = 3;
    private static final int LISTED_WHEN_AMBIGUOUS = 3;
    private static final int MIN_CLUE_LENGTH = 5;
    /** "Landkreis ", "Kreis " in front, "kreis" and a joining s or hyphen behind: what is left names the region. */
    private static final Pattern KREIS_DESIGNATION = Pattern.compile("^(?:land)?kreis |-?kreis$|s?-?kreis$|s$");

    Choice {
        candidates = candidates.stream()
                .sorted(Comparator.comparingLong(GazetteerEntry::population).reversed()
                        .thenComparing(GazetteerEntry::key))
                .toList();
    }

    /** The choice among what the index found under one key, or empty when it found nothing. */
    static Optional<Choice> of(String text, List<NameIndex.Candidate> found) {
        List<GazetteerEntry> named = entries(found, kind -> kind != NameIndex.AliasKind.KREIS_BASE);
        List<GazetteerEntry> entries = named.isEmpty()
                ? entries(found, kind -> kind == NameIndex.AliasKind.KREIS_BASE)
                : named;
        List<GazetteerEntry> distinct = entries.stream()
                .filter(entry -> entries.stream().noneMatch(other -> isSamePlaceSeenFromAbove(entry, other)))
                .toList();
        return distinct.isEmpty() ? Optional.empty() : Optional.of(new Choice(text, distinct));
    }

    Choice municipalitiesOnly() {
        return new Choice(text, candidates.stream().filter(e -> e.kind() == PlaceKind.MUNICIPALITY).toList());
    }

    boolean isEmpty() {
        return candidates.isEmpty();
    }

    Optional<GazetteerEntry> winner() {
        GazetteerEntry largest = candidates.get(0);
        int dominance = largest.isKreisfreieStadt() ? DOMINANCE_OF_KREISFREIE_STADT : DOMINANCE;
        if (candidates.size() == 1 || largest.population() > dominance * candidates.get(1).population()) {
            return Optional.of(largest);
        }
        return Optional.empty();
    }

    /** The chosen place with {@code context} as its reason, or an UNKNOWN place explaining the ambiguity. */
    Place toPlace(String context) {
        return winner()
                .map(entry -> entry.toPlace(candidates.size() == 1 ? context
                        : context + " (einwohnerstärkster von " + candidates.size() + " Orten namens '" + text + "')"))
                .orElseGet(() -> Place.unresolved(text, ambiguity() + "; " + context));
    }

    /**
     * The one candidate whose region the text names, if exactly one: its state as a word ("Sachsen"), or its
     * Kreis at the start of a word ("Erzgebirgsstadt" for the Erzgebirgskreis, "Vogtland" for the Vogtlandkreis).
     *
     * @param textKey the text as a {@link NameKey} folds it
     */
    Optional<GazetteerEntry> namedByRegion(String textKey) {
        List<GazetteerEntry> named = candidates.stream()
                .filter(entry -> containsWord(textKey, NameKey.of(entry.state()), true)
                        || kreisClue(entry).filter(clue -> containsWord(textKey, clue, false)).isPresent())
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The Kreis of a municipality without designation and "-kreis" ending, unless it is the town itself or short. */
    private static Optional<String> kreisClue(GazetteerEntry entry) {
        if (entry.kreis() == null || entry.isKreisfreieStadt()) {
            return Optional.empty();
        }
        String clue = KREIS_DESIGNATION.matcher(NameKey.of(entry.kreis())).replaceAll("");
        return clue.length() >= MIN_CLUE_LENGTH && !clue.equals(NameKey.of(entry.name())) ? Optional.of(clue) : Optional.empty();
    }

    private static boolean containsWord(String text, String word, boolean whole) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean starts = at == 0 || !Character.isLetter(text.charAt(at - 1));
            boolean ends = end == text.length() || !Character.isLetter(text.charAt(end)) && text.charAt(end) != '-';
            if (starts && (ends || !whole)) {
                return true;
            }
        }
        return false;
    }

    private String ambiguity() {
        boolean allMunicipalities = candidates.stream().allMatch(e -> e.kind() == PlaceKind.MUNICIPALITY);
        String largest = candidates.stream()
                .limit(LISTED_WHEN_AMBIGUOUS)
                .map(e -> e.name() + " (" + e.state() + ")")
                .collect(Collectors.joining(", "));
        return "mehrdeutig: " + candidates.size() + (allMunicipalities ? " Gemeinden" : " Orte")
                + " heißen " + text + ", die größten: " + largest;
    }

    private static List<GazetteerEntry> entries(
            List<NameIndex.Candidate> found, Predicate<NameIndex.AliasKind> kinds) {
        return found.stream().filter(c -> kinds.test(c.kind())).map(NameIndex.Candidate::entry).toList();
    }

    private static boolean isSamePlaceSeenFromAbove(GazetteerEntry entry, GazetteerEntry other) {
        return entry.kind() != PlaceKind.MUNICIPALITY
                && other.kind() == PlaceKind.MUNICIPALITY
                && entry.name().equals(other.name())
                && entry.contains(other);
    }
}
