package de.smartcity.catalogue.model.gazetteer;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * German states, Kreise and municipalities by name, from the official Gemeindeverzeichnis
 * (© Statistisches Bundesamt (Destatis), dl-de/by-2-0; see {@code ATTRIBUTION.md}).
 *
 * <p>Every answer is a {@link Place} whose {@code reason} says how it was found. A name that fits
 * several places without one clearly dominating is answered with a place of kind
 * {@link PlaceKind#UNKNOWN} whose reason starts with "mehrdeutig:" and names the candidates;
 * a name that fits nothing gives an empty Optional. How names are compared and when a short form
 * counts is described in {@link NameKey} and {@link Choice}.
 *
 * <p>Instances are immutable and thread-safe; {@link #instance()} loads the data once.
 */
public final class Gazetteer {

    private static final int MAX_TITLE_PREFIX = 80;

    private final NameIndex index;
    private final MentionFinder mentions;
    private final AdjectiveFinder adjectives;
    private final List<String> states;
    private final Map<String, GazetteerEntry> byKey;

    private Gazetteer(List<GazetteerEntry> entries, List<String> commonWords, Map<String, String> districts) {
        this.byKey = entries.stream().filter(entry -> entry.key() != null)
                .collect(Collectors.toUnmodifiableMap(GazetteerEntry::key, entry -> entry, (first, second) -> first));
        this.states = entries.stream().filter(entry -> entry.kind() == PlaceKind.STATE).map(GazetteerEntry::name).toList();
        this.index = new NameIndex(entries, districts);
        this.mentions = new MentionFinder(index, commonWords);
        this.adjectives = new AdjectiveFinder(index);
    }

    /** The gazetteer built from the bundled resources, loaded on first use. */
    public static Gazetteer instance() {
        return Holder.INSTANCE;
    }

    private static Gazetteer load() {
        return new Gazetteer(GazetteerFile.readEntries(), GazetteerFile.readLines(GazetteerFile.COMMON_WORDS),
                GazetteerFile.readDistricts());
    }

    /** The names of the German states (Länder), as places carry them, in the order of their keys. */
    public List<String> states() {
        return states;
    }

    /**
     * The place a name stands for, as a news text or a sources file writes it: "Frankfurt am Main",
     * "Frankfurt", "Huerth", "Kreis Hof", "Stadt Essen", "Bayern". Common words are accepted here
     * because the caller has already decided that the text is a place name.
     */
    public Optional<Place> resolve(String name) {
        return choose(name).map(choice -> choice.toPlace("Ortsangabe '" + name.strip() + "'"));
    }

    /** The place with this official key: an 8-digit AGS for a municipality, the 5-digit key of a Kreis. */
    public Optional<Place> byKey(String key) {
        return Optional.ofNullable(byKey.get(key.strip())).map(entry -> entry.toPlace("Schlüssel " + key.strip()));
    }

    /**
     * The place named before the first colon of a portal title ("Mannheim: Orientierung für
     * barrierefreies Parken"); empty when there is no colon or the prefix is no known place.
     */
    public Optional<Place> findLeadingPlace(String title) {
        int colon = title.indexOf(':');
        if (colon <= 0 || colon > MAX_TITLE_PREFIX) {
            return Optional.empty();
        }
        String prefix = title.substring(0, colon).strip();
        return choose(prefix).map(choice -> choice.toPlace("Ortsname im Titel: '" + prefix + "'"));
    }

    /**
     * The most telling place named in running text ("In Hürth messen …", "Die Stadt Ulm …"):
     * see {@link MentionFinder} for what counts as a name and which one wins.
     */
    public Optional<Place> findMentionedPlace(String text) {
        return mentions.find(text);
    }

    /** The Kreis of a municipality, if the text names it: the Kreis acts where the title names only its town. */
    public Optional<Place> findKreisOf(Place municipality, String text) {
        return municipality.kind() == PlaceKind.MUNICIPALITY ? mentions.findKreisOf(municipality.ags(), text) : Optional.empty();
    }

    /**
     * The town whose adjective running text uses ("in der Dortmunder City"), for texts that name no
     * place: see {@link AdjectiveFinder} for which adjectives count.
     */
    public Optional<Place> findPlaceNamedByAdjective(String text) {
        return adjectives.find(text, true);
    }

    /**
     * The town whose adjective names who acts ("Neubrandenburger Stadtwerke"), not a model others follow
     * ("Münchner Modell übernommen"): strong enough to beat a smaller place the teaser only mentions.
     */
    public Optional<Place> findActorNamedByAdjective(String text) {
        return adjectives.find(text, false);
    }

    /**
     * An ambiguous place made definite by the text: where it names one of the places unambiguously ("Brühl:
     * …" over a teaser on "Brühl bei Mannheim"), that one; else the one whose region it names ("Schneeberg"
     * in a teaser on the "Erzgebirgsstadt" is the Schneeberg of the Erzgebirgskreis). Any other place comes
     * back as it was.
     */
    public Place disambiguate(Place place, String text) {
        if (place.kind() != PlaceKind.UNKNOWN) {
            return place;
        }
        Optional<Choice> ambiguous = choose(place.name()).filter(choice -> choice.winner().isEmpty());
        Optional<Place> named = ambiguous.flatMap(choice -> mentions.find(text)
                .filter(mention -> choice.candidates().stream().anyMatch(entry -> entry.key().equals(mention.ags()))));
        return named.or(() -> ambiguous.flatMap(choice -> choice.namedByRegion(NameKey.of(text)))
                        .map(entry -> entry.toPlace(place.reason().replaceFirst("^mehrdeutig: [^;]*; ", "")
                                + " (mehrdeutig, im Text als Ort in " + entry.kreis() + ", " + entry.state() + " erkennbar)")))
                .orElse(place);
    }

    private Optional<Choice> choose(String name) {
        String key = NameKey.of(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Choice.of(name.strip(), index.lookupQualified(key))
                .or(() -> Designations.strip(name)
                        .flatMap(this::choose)
                        .map(Choice::municipalitiesOnly)
                        .filter(choice -> !choice.isEmpty()));
    }

    private static final class Holder {
        private static final Gazetteer INSTANCE = load();
    }
}
