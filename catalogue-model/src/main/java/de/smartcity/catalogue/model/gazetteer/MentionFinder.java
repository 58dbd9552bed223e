package de.smartcity.catalogue.model.gazetteer;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds place names in running text.
 *
 * <p>A name starts with a capital letter, covers whole words (hyphenated compounds such as "Essen-Steele" are one word)
 * and may span several words ("Frankfurt am Main", "Landkreis Hof"); at each position the longest name wins. A trailing
 * genitive s is allowed ("Frankfurts"). Names that are also ordinary German words ({@code common-words.txt}) only count
 * directly after "in", "aus" or "nach", after a designation such as "Stadt" or "Gemeinde", or after an institution
 * named by its seat ("Landgericht Essen", "Amtsgericht Hof", "Universität Hof"); with a qualifier the gazetteer does
 * not know as a whole they stay words too ("das Wehr in Bad Kreuznach" is a weir, not Wehr in Baden).
 *
 * <p>A hyphenated word that is no name as a whole counts as its first part when that is a place: "Berlin-Pankow",
 * "Lüneburg-Gutschein"; a first part that is also a word ("Halle-Neustadt") counts only when the rest is a place name
 * too. A name right after a sports club's abbreviation ("FC Augsburg", "1. FC Köln") names the team, not a place: the
 * item is about the city if it names it elsewhere, or if it names no other place and no other club's town (a club's own
 * news, "der FC Remscheid-Lüttringhausen stellt den Trainer frei"). A name after "am" ("Konzerte am Neumarkt" in
 * Dresden) names a square or a street, not the town.
 *
 * <p>A name after a body of a Kreis ("Kreistag Steinfurt", "Landratsamt", also "Kreisstraßenmeistereien in
 * Garmisch-Partenkirchen und Murnau"), after "im" ("im Vogelsberg") or after a protected landscape ("Nationalpark
 * Harz") means the Kreis of that name where there is one, not the like-named town or village; after a body or a
 * landscape even a name that is also a word ("Harz").
 *
 * <p>Of all names found, a resolved one beats an ambiguous one, a municipality or Kreis beats a state ("Das Land Hessen
 * fördert Darmstadt" is about Darmstadt), a name after a designation beats one without ("Stadt Frankfurt am Main");
 * otherwise the first wins: a Kreis that acts ("Der Landkreis installiert … in Y") is the place, a town it names is
 * where its project happens.
 */
final class MentionFinder {

    private static final int MAX_WORDS = 7;
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final String OPENING_PUNCTUATION = "„\"“‚‘'»«(";
    private static final String PHRASE_END = ",;:!?";
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "aus", "nach");
    /** A name after these is a square or a street ("am Neumarkt", "vom Anger"): a town is "in" or "aus" a place. */
    private static final Set<String> SQUARE_PREPOSITIONS = Set.of("am", "vom", "zum", "beim");
    /** Institutions whose name ends in their seat; words ending in "gericht" are courts and count too. */
    private static final Set<String> SEAT_INSTITUTIONS = Set.of(
            "universität", "hochschule", "fachhochschule", "klinikum", "landratsamt", "polizeipräsidium",
            "jobcenter", "stadtwerke", "hauptbahnhof", "staatsanwaltschaft", "justizvollzugsanstalt");
    /** Articles before a genitive: a name after them takes no genitive s. */
    private static final Set<String> ARTICLES = Set.of(
            "des", "eines", "dieses", "jenes", "jedes", "seines", "ihres", "unseres", "keines", "welches");
    /** The genitive ending of a Kreis ("des Erzgebirgskreises"), whose name ends two letters earlier. */
    private static final String KREIS_GENITIVE = "kreises";
    /** A Kreis's genitive before the rest of its name ("des Altmarkkreises Salzwedel"), which may name a town too. */
    private static final Pattern KREIS_GENITIVE_INSIDE = Pattern.compile("(?<=\\p{L})kreises ");
    private static final Set<String> KREIS_BODIES = Set.of("landrat", "landrätin", "landratsamt", "landratsamts");
    /** Protected landscapes, whose name ("Nationalpark Harz") is the landscape a Kreis is named after. */
    private static final Set<String> LANDSCAPE_PARKS = Set.of("nationalpark", "naturpark", "biosphärenreservat", "geopark");
    /** Words starting with "kreis" that name a town or a road, not a body of the Kreis. */
    private static final Set<String> NOT_KREIS_BODIES = Set.of(
            "kreisstadt", "kreisverkehr", "kreisel", "kreisstraße", "kreises", "kreisfreie", "kreisfreien", "kreisangehörige",
            "kreisangehörigen");
    private final NameIndex index;
    private final Set<String> commonWords;

    MentionFinder(NameIndex index, List<String> commonWords) {
        this.index = index;
        this.commonWords = Set.copyOf(commonWords.stream().map(NameKey::of).toList());
    }

    private record Word(int start, int end) {
    }

    /**
     * @param designated whether a designation introduces the name ("Stadt Frankfurt am Main")
     * @param club       whether the name follows a sports club's abbreviation ("FC Augsburg")
     */
    private record Mention(Choice choice, int start, String shown, boolean designated, boolean club) {

        boolean resolved() {
            return choice.winner().isPresent();
        }

        int specificity() {
            return switch (choice.winner().map(GazetteerEntry::kind).orElse(PlaceKind.UNKNOWN)) {
                case MUNICIPALITY, KREIS -> 0;
                case STATE -> 1;
                case UNKNOWN -> 2;
            };
        }
    }

    Optional<Place> find(String text) {
        List<Mention> all = mentions(text);
        List<Mention> mentions = all.stream().filter(m -> !m.club()).toList();
        return mentions.stream()
                .filter(Mention::resolved)
                .min(Comparator.comparingInt(Mention::specificity)
                        .thenComparing(Mention::designated, Comparator.reverseOrder())
                        .thenComparingInt(Mention::start))
                .or(() -> mentions.stream().findFirst())
                .map(m -> m.choice().toPlace("Ortsname im Text: '" + m.shown() + "'"))
                .or(() -> onlyClubTown(all));
    }

    /** The town of the clubs the text names, if they all play in one resolved town. */
    private static Optional<Place> onlyClubTown(List<Mention> clubs) {
        Set<Optional<GazetteerEntry>> towns = clubs.stream().map(m -> m.choice().winner()).collect(Collectors.toSet());
        return towns.size() == 1
                ? towns.iterator().next().map(town -> town.toPlace("Stadt des Vereins im Text: '" + clubs.get(0).shown() + "'"))
                : Optional.empty();
    }

    private List<Mention> mentions(String text) {
        List<Word> words = words(text);
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int first = i;
            Optional<Mention> mention = longestAt(text, words, first);
            mentions.addAll(mention.stream().toList());
            i += mention.map(m -> wordCount(words, first, m)).orElse(1);
        }
        return mentions;
    }

    /**
     * The Kreis of the municipality {@code ags} if the text names it ("Der Kreis Rendsburg-Eckernförde habe …"), unless
     * it names the town as an actor too ("Der Landkreis Bad Tölz-Wolfratshausen und die Stadt Bad Tölz bauen …"): then
     * the town is where it happens.
     */
    Optional<Place> findKreisOf(String ags, String text) {
        List<Mention> mentions = mentions(text);
        boolean townActs = mentions.stream().filter(Mention::designated)
                .anyMatch(m -> m.choice().winner().filter(entry -> entry.key().equals(ags)).isPresent());
        if (townActs) {
            return Optional.empty();
        }
        return mentions.stream()
                .filter(m -> !m.club())
                .flatMap(m -> m.choice().winner().stream())
                .filter(entry -> entry.kind() == PlaceKind.KREIS && ags.startsWith(entry.key()))
                .findFirst()
                .map(entry -> entry.toPlace("Kreis im Text, der den Ort des Titels umfasst: '" + entry.name() + "'"));
    }

    private Optional<Mention> longestAt(String text, List<Word> words, int first) {
        int start = words.get(first).start();
        while (start < words.get(first).end() && OPENING_PUNCTUATION.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        if (start == words.get(first).end() || !Character.isUpperCase(text.codePointAt(start))) {
            return Optional.empty();
        }
        Optional<String> before = previousWord(text, words, first);
        if (before.filter(SQUARE_PREPOSITIONS::contains).isPresent()) {
            return Optional.empty();
        }
        boolean club = before.filter(SportsClubs::opensName).isPresent();
        return nameAt(text, words, first, start)
                .map(m -> new Mention(m.choice(), m.start(), m.shown(), m.designated(), club));
    }

    private Optional<Mention> nameAt(String text, List<Word> words, int first, int start) {
        boolean genitiveAllowed = previousWord(text, words, first).filter(ARTICLES::contains).isEmpty();
        for (int last = lastWordOfPhrase(text, words, first); last >= first; last--) {
            for (int end : possibleEnds(text, words.get(last), genitiveAllowed)) {
                Optional<Mention> mention = mentionAt(text, words, first, start, end);
                if (mention.isPresent()) {
                    return mention;
                }
            }
        }
        return firstPartOfHyphenated(text, words, first, start);
    }

    /** "Berlin-Pankow" as Berlin; a first part that is also a word only with a place after the hyphen. */
    private Optional<Mention> firstPartOfHyphenated(String text, List<Word> words, int first, int start) {
        int hyphen = text.indexOf('-', start);
        int end = possibleEnds(text, words.get(first), true).getLast();
        if (hyphen < 0 || hyphen >= end - 1) {
            return Optional.empty();
        }
        String name = text.substring(start, hyphen);
        String key = NameKey.of(name);
        boolean placeAfter = !index.lookup(NameKey.of(text.substring(hyphen + 1, end))).isEmpty();
        if (commonWords.contains(key) && !placeAfter && strongContext(text, words, first).isEmpty()) {
            return Optional.empty();
        }
        return Choice.of(name, index.lookup(key))
                .filter(choice -> choice.winner().filter(entry -> entry.kind() == PlaceKind.MUNICIPALITY).isPresent())
                .map(choice -> new Mention(choice, start, text.substring(start, end), false, false));
    }

    private Optional<Mention> mentionAt(String text, List<Word> words, int first, int start, int end) {
        String name = text.substring(start, end);
        // Most names hold no Kreis genitive: the check spares them a regex match on every candidate.
        String nominative = name.contains(KREIS_GENITIVE + " ") ? KREIS_GENITIVE_INSIDE.matcher(name).replaceFirst("kreis ") : name;
        String key = NameKey.of(nominative);
        List<NameIndex.Candidate> found = index.lookupQualified(key);
        List<NameIndex.Candidate> kreise = found.stream()
                .filter(c -> c.entry().kind() == PlaceKind.KREIS && !isKreisfreieStadt(c.entry(), found))
                .toList();
        Optional<String> before = previousWord(text, words, first);
        boolean bodyIn = before.filter("in"::equals).isPresent()
                && previousWord(text, words, first - 1).filter(MentionFinder::isKreisBody).isPresent();
        boolean kreisMeant = !kreise.isEmpty() && (bodyIn || before.filter(MentionFinder::meansKreis).isPresent());
        Optional<Choice> choice = Choice.of(name, kreisMeant ? kreise : found);
        if (choice.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> context = strongContext(text, words, first);
        boolean commonWord = commonWords.contains(key)
                || commonWords.contains(NameKey.shortForm(key)) && index.lookup(key).isEmpty();
        boolean kreisNamed = kreisMeant && before.filter(word -> isKreisBody(word) || LANDSCAPE_PARKS.contains(word)).isPresent();
        if (commonWord && context.isEmpty() && !kreisNamed) {
            return Optional.empty();
        }
        String shown = commonWord && context.isPresent() ? context.get() + " " + name : name;
        boolean designated = context.filter(Designations::isDesignation).isPresent();
        return Optional.of(new Mention(choice.get(), start, shown, designated, false));
    }

    /** The last word a name starting at {@code first} may reach: names do not cross commas or colons. */
    private static int lastWordOfPhrase(String text, List<Word> words, int first) {
        int limit = Math.min(words.size() - 1, first + MAX_WORDS - 1);
        for (int i = first; i < limit; i++) {
            if (PHRASE_END.indexOf(text.charAt(words.get(i).end() - 1)) >= 0) {
                return i;
            }
        }
        return limit;
    }

    /**
     * Where a name ending in {@code word} may end: after the whole word, then without its trailing
     * punctuation one character at a time ("Ulm." gives "Ulm." and "Ulm"), then without a genitive s
     * ("Frankfurts"), unless an article stands before the name: "des Bundes" is no town Bunde, as a town's
     * genitive goes without one. A Kreis's genitive takes the article and "-es" ("des Erzgebirgskreises"). A word
     * without letters or digits ends no name.
     */
    private static List<Integer> possibleEnds(String text, Word word, boolean genitiveAllowed) {
        List<Integer> ends = new ArrayList<>();
        int e = word.end();
        while (e > word.start() && !Character.isLetterOrDigit(text.charAt(e - 1))) {
            ends.add(e);
            e--;
        }
        if (e == word.start()) {
            return List.of();
        }
        ends.add(e);
        int genitiveStart = e - KREIS_GENITIVE.length();
        if (genitiveStart >= word.start() && text.startsWith(KREIS_GENITIVE, genitiveStart)) {
            ends.add(e - 2);
        }
        if (genitiveAllowed && e - word.start() > 2 && text.charAt(e - 1) == 's' && Character.isLetter(text.charAt(e - 2))
                && "sßxz".indexOf(text.charAt(e - 2)) < 0) {
            ends.add(e - 1);
        }
        return ends;
    }

    /**
     * The word before a name if it makes a common word a place: "in", "aus", "nach", a designation or an
     * institution named by its seat.
     */
    private static Optional<String> strongContext(String text, List<Word> words, int index) {
        return previousWord(text, words, index)
                .filter(word -> PLACE_PREPOSITIONS.contains(word) || Designations.isDesignation(word)
                        || SEAT_INSTITUTIONS.contains(word) || word.endsWith("gericht"))
                .map(word -> {
                    Word previous = words.get(index - 1);
                    return text.substring(previous.start(), previous.end());
                });
    }

    /** The Kreis "Hof" of the kreisfreie Stadt Hof is that town, not the Landkreis Hof around it. */
    private static boolean isKreisfreieStadt(GazetteerEntry kreis, List<NameIndex.Candidate> found) {
        return found.stream().anyMatch(c -> c.entry().isKreisfreieStadt() && c.entry().kreis().equals(kreis.name()));
    }

    /**
     * A word after which a name means the Kreis rather than its like-named town or a like-named village elsewhere:
     * a body of the Kreis ("Kreistag Steinfurt", "Kreisvolkshochschule Vechta", "Landrat", "Landratsamt") or "im",
     * which introduces a landscape ("im Vogelsberg"), not a town, and a protected landscape ("Nationalpark Harz").
     */
    private static boolean meansKreis(String word) {
        return word.equals("im") || isKreisBody(word) || LANDSCAPE_PARKS.contains(word);
    }

    private static boolean isKreisBody(String word) {
        return KREIS_BODIES.contains(word)
                || word.startsWith("kreis") && word.length() > "kreis".length() && !NOT_KREIS_BODIES.contains(word);
    }

    /** The word before word {@code index}, in lower case. */
    private static Optional<String> previousWord(String text, List<Word> words, int index) {
        if (index == 0) {
            return Optional.empty();
        }
        Word previous = words.get(index - 1);
        return Optional.of(text.substring(previous.start(), previous.end()).toLowerCase(Locale.ROOT));
    }

    private static int wordCount(List<Word> words, int first, Mention mention) {
        int end = mention.start() + mention.choice().text().length();
        int count = 1;
        while (first + count < words.size() && words.get(first + count).start() < end) {
            count++;
        }
        return count;
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new Word(matcher.start(), matcher.end()));
        }
        return words;
    }
}
