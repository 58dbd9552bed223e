package de.smartcity.catalogue.model.gazetteer;

import de.smartcity.catalogue.model.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a town named by its adjective or its residents in running text: "in der Dortmunder City", "in 30 Kölner
 * Schulen", "Augsburgerin holt Gold", "Münchnerinnen".
 *
 * <p>An adjective is a capitalised word ending in "er" that directly precedes a capitalised word (the noun it
 * describes), unless that noun makes it a street, a park or a dish named after another town ("Berliner Straße" in
 * Hamburg, "Görlitzer Park" in Berlin, "Frankfurter Würstchen"). A woman or women of a town ("Augsburgerin",
 * "Münchnerinnen") count wherever they stand; the bare "-er" noun does not ("ein gebürtiger Dortmunder", "Hamburger mit
 * Pommes"), as a surname or a dish shares its form, except as the plural after "die" before a word written small
 * ("kassierten die Regensburger vier Gegentore") or, without the article, before a plural modal or auxiliary verb
 * ("Bautzener können vereiste Stellen melden"): the people or the team of the town. The town is the word without "er"
 * ("Dortmunder" → Dortmund), or with "en" for the "er" of "-nger" and "-mer" ("Göttinger" → Göttingen, "Bremer" →
 * Bremen), or for the "ner" of "-ner" ("Münchner" → München), or with "e" for a name in "-e" ("Eschweger" → Eschwege);
 * "-städter" is "-stadt" ("Darmstädter"), "-häuser" is "-hausen" ("Nordhäuser"), and "-aner" and "-enser" drop their
 * ending ("Hannoveraner" → Hannover, "Hallenser" → Halle); the capitalised word in front may be the first word of the
 * name ("im Bad Kreuznacher Kurpark" → Bad Kreuznach). Only a municipality that the name means without ambiguity and
 * that has at least {@value #MIN_POPULATION} inhabitants counts: smaller places rarely lend their name to an adjective,
 * and more of their names are the stem of an ordinary word or a surname.
 */
final class AdjectiveFinder {

    static final int MIN_POPULATION = 10_000;

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final String OPENING_PUNCTUATION = "„\"“‚‘'»«(";
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{P}+$");
    private static final int MIN_LENGTH = 5;
    private static final List<String> RESIDENT_ENDINGS = List.of("erinnen", "erin");
    /** Nouns after which a town's adjective names a street, a park or a dish, not the place of the story. */
    private static final Set<String> NOT_THE_TOWN = Set.of(
            "straße", "str.", "strasse", "allee", "platz", "weg", "ring", "damm", "chaussee", "tor", "brücke",
            "landstraße", "heerstraße", "ufer", "park", "würstchen", "pfannkuchen", "kranz", "weiße");
    /** Nouns after which a town's adjective names a model others follow ("nach Münchner Vorbild"). */
    private static final Set<String> MODELS = Set.of("modell", "vorbild", "beispiel");
    /** Words after which a bare "-er" plural is more likely a dish or a thing: "die Hamburger mit Pommes". */
    private static final Set<String> JOINERS = Set.of("mit", "und", "oder", "ohne", "aus", "von", "vom", "für", "in", "im");
    /** Plural verbs whose subject a bare "-er" noun in front of them must be: people, not a dish or a surname. */
    private static final Set<String> PLURAL_VERBS = Set.of("können", "dürfen", "müssen", "sollen", "wollen", "sind",
            "haben", "werden");

    private final NameIndex index;

    AdjectiveFinder(NameIndex index) {
        this.index = index;
    }

    /**
     * @param modelsCount whether the adjective of a model counts ("Das Münchner Modell macht Schule" is about
     *                    München, unless another place is named)
     */
    Optional<Place> find(String text, boolean modelsCount) {
        List<String> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            String word = stripOpening(words.get(i));
            Optional<String> adjective = i + 1 < words.size() ? adjective(word, stripOpening(words.get(i + 1)), modelsCount)
                    : Optional.empty();
            String before = i > 0 ? stripOpening(words.get(i - 1)) : "";
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            Optional<Place> place = adjective.or(() -> resident(word)).or(() -> residents(word, before, next))
                    .flatMap(form -> townOf(form, before));
            if (place.isPresent()) {
                return place;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> adjective(String word, String next, boolean modelsCount) {
        String noun = TRAILING_PUNCTUATION.matcher(next).replaceAll("").toLowerCase(Locale.ROOT);
        boolean describesANoun = isCapitalised(word) && word.length() >= MIN_LENGTH && word.endsWith("er")
                && !FirstNames.contains(word)
                && isCapitalised(next) && !NOT_THE_TOWN.contains(noun) && !noun.startsWith("straße")
                && (modelsCount || !MODELS.contains(noun));
        return describesANoun ? Optional.of(word) : Optional.empty();
    }

    /** "Augsburgerin" and "Augsburgerinnen" as "Augsburger"; other words give empty. */
    private static Optional<String> resident(String word) {
        String bare = TRAILING_PUNCTUATION.matcher(word).replaceAll("");
        return RESIDENT_ENDINGS.stream()
                .filter(bare::endsWith)
                .map(ending -> bare.substring(0, bare.length() - ending.length()) + "er")
                .filter(adjective -> isCapitalised(adjective) && adjective.length() >= MIN_LENGTH)
                .findFirst();
    }

    /**
     * "die Regensburger" before a word written small, or "Bautzener" before "können": the town's people or team, as
     * "Regensburger".
     */
    private static Optional<String> residents(String word, String before, String next) {
        boolean noun = isCapitalised(word) && word.length() >= MIN_LENGTH && word.endsWith("er") && !FirstNames.contains(word);
        boolean afterArticle = before.equals("die") && !next.isEmpty() && Character.isLowerCase(next.codePointAt(0))
                && !JOINERS.contains(next);
        boolean subject = PLURAL_VERBS.contains(TRAILING_PUNCTUATION.matcher(next).replaceAll(""));
        return noun && (afterArticle || subject) ? Optional.of(word) : Optional.empty();
    }

    /** @param before the word in front, the first word of a two-word name ("Bad Kreuznacher" → Bad Kreuznach) */
    private Optional<Place> townOf(String adjective, String before) {
        for (String name : townNames(adjective, before)) {
            Optional<Place> place = Choice.of(name, index.lookup(NameKey.of(name)))
                    .map(Choice::municipalitiesOnly)
                    .filter(choice -> !choice.isEmpty())
                    .flatMap(choice -> choice.winner()
                            .filter(entry -> entry.population() >= MIN_POPULATION)
                            .map(entry -> entry.toPlace("Ortsname als Adjektiv im Text: '" + adjective + "'")));
            if (place.isPresent()) {
                return place;
            }
        }
        return Optional.empty();
    }

    /** The town names an adjective can come from, most likely first: with the capitalised word in front, then alone. */
    private static List<String> townNames(String adjective, String before) {
        String stem = adjective.substring(0, adjective.length() - 2);
        List<String> names = new ArrayList<>(List.of(stem, stem + "e"));
        if (stem.endsWith("ng") || stem.endsWith("m")) {
            names.add(stem + "en");
        }
        if (stem.endsWith("n")) {
            names.add(stem.substring(0, stem.length() - 1) + "en");
        }
        if (stem.endsWith("städt")) {
            names.add(stem.substring(0, stem.length() - "städt".length()) + "stadt");
        }
        if (stem.endsWith("häus")) {
            names.add(stem.substring(0, stem.length() - "häus".length()) + "hausen");
        }
        if (stem.endsWith("an")) {
            names.add(stem.substring(0, stem.length() - "an".length()));
        }
        if (stem.endsWith("ens")) {
            names.add(stem.substring(0, stem.length() - "ns".length()));
        }
        if (!isCapitalised(before)) {
            return names;
        }
        List<String> withFirstWord = new ArrayList<>(names.stream().map(name -> before + " " + name).toList());
        withFirstWord.addAll(names);
        return withFirstWord;
    }

    private static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    private static String stripOpening(String word) {
        int start = 0;
        while (start < word.length() && OPENING_PUNCTUATION.indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        return word.substring(start);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
