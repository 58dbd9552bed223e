package de.smartcity.catalogue.model.gazetteer;

import de.smartcity.catalogue.model.PlaceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All names under which a gazetteer entry can be found, by {@link NameKey}.
 *
 * <p>Every entry is found by its display name and by its short form (the name without its qualifier,
 * "Frankfurt" for "Frankfurt am Main"). A Kreis named "Landkreis X" or "Kreis X" is also found as
 * "Landkreis X", "Kreis X", "Lkr. X", "LK X" and in the genitive ("des Landkreises X"); its bare
 * name X, like the X of "Region X" or "Städteregion X", only counts when no other place is called X; so do
 * the landscapes a Kreis is named after ("Vogelsberg" of the Vogelsbergkreis, "Osterzgebirge" of Sächsische
 * Schweiz-Osterzgebirge). A municipality with a bilingual official name is also found by it ("Cottbus/Chóśebuz").
 * A district of a big city that is no municipality of its own ("Pankow", "Ehrenfeld") is found as
 * that city when {@code districts.tsv} lists it.
 */
final class NameIndex {

    /** How a name was derived from an entry. */
    enum AliasKind {
        /** The display name or one of its spellings. */
        NAME,
        /** The display name without its qualifier. */
        SHORT_FORM,
        /** The bare name of a Kreis ("Hof" for "Landkreis Hof"): used only when nothing else has the name. */
        KREIS_BASE,
        /** A district of the city, from the curated list. */
        DISTRICT
    }

    /**
     * One entry found under a key.
     *
     * @param qualifier for a short form, the qualifier that was dropped ("main" for "frankfurt/main"), else ""
     */
    record Candidate(GazetteerEntry entry, AliasKind kind, String qualifier) {
    }

    private static final List<String> KREIS_PREFIXES =
            List.of("Landkreis ", "Kreis ", "Lkr. ", "LK ", "Landkreises ", "Kreises ");
    private static final List<String> REGION_PREFIXES = List.of("Region ", "Städteregion ", "Regionalverband ");
    /** Shorter parts are prefixes ("Groß-Gerau") or rivers ("Elbe-Elster"), too common to stand for the Kreis. */
    private static final int MIN_LANDSCAPE_LENGTH = 7;
    /** "Vogelsbergkreis", "Rhein-Sieg-Kreis": the landscape before "kreis" (not the "Erzgebirgs" of a joining s). */
    private static final Pattern NAMED_AFTER_LANDSCAPE = Pattern.compile("(\\p{Lu}[\\p{L}-]*[^s-])-?[kK]reis");

    /** How far a town may lie from the neighbour its qualifier names ("bei Mannheim"). */
    private static final double NEIGHBOUR_KM = 30;

    private final Map<String, List<Candidate>> byKey = new HashMap<>();

    /**
     * @param districts city districts by name, each with the key of its city; a district whose name the
     *                  gazetteer already knows is refused, so the list only fills gaps
     */
    NameIndex(List<GazetteerEntry> entries, Map<String, String> districts) {
        for (GazetteerEntry entry : entries) {
            add(entry, NameKey.of(entry.name()), AliasKind.NAME);
            entry.aliases().forEach(alias -> add(entry, NameKey.of(alias), AliasKind.NAME));
            if (entry.kind() == PlaceKind.KREIS) {
                kreisAliases(entry.name()).forEach((name, kind) -> add(entry, NameKey.of(name), kind));
            }
        }
        Map<String, GazetteerEntry> byEntryKey = new HashMap<>();
        entries.forEach(entry -> byEntryKey.put(entry.key(), entry));
        districts.forEach((district, cityKey) -> addDistrict(district, byEntryKey.get(cityKey)));
    }

    List<Candidate> lookup(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /**
     * Candidates for a name, also when its qualifier is abbreviated or only says the region: "Frankfurt
     * a.M." and "Frankfurt/M" find Frankfurt am Main and "Halle/S." finds Halle (Saale) by the start of
     * the qualifier; "Neunkirchen (Saar)" finds the Neunkirchen whose state or Kreis starts so, and "Brühl bei
     * Mannheim" the Brühl next to Mannheim.
     */
    List<Candidate> lookupQualified(String key) {
        List<Candidate> exact = lookup(key);
        String shortForm = NameKey.shortForm(key);
        if (!exact.isEmpty() || shortForm.equals(key)) {
            return exact;
        }
        String qualifier = key.substring(shortForm.length() + 1).replace(".", "");
        if (qualifier.isEmpty()) {
            return List.of();
        }
        List<Candidate> all = lookup(shortForm);
        List<Candidate> abbreviated = all.stream()
                .filter(c -> c.kind() == AliasKind.SHORT_FORM && c.qualifier().replace(".", "").startsWith(qualifier))
                .toList();
        if (!abbreviated.isEmpty()) {
            return abbreviated;
        }
        List<Candidate> inRegion = all.stream()
                .filter(c -> c.kind() == AliasKind.NAME && c.entry().kind() == PlaceKind.MUNICIPALITY
                        && (NameKey.of(c.entry().state()).startsWith(qualifier)
                        || NameKey.of(c.entry().kreis()).startsWith(qualifier)))
                .toList();
        return inRegion.isEmpty() ? nearest(all, qualifier) : inRegion;
    }

    /** "Brühl bei Mannheim": of the candidates, the municipality next to the town the qualifier names, if one is near. */
    private List<Candidate> nearest(List<Candidate> candidates, String neighbourKey) {
        Optional<GazetteerEntry> neighbour = Choice.of(neighbourKey, lookup(neighbourKey))
                .flatMap(Choice::winner)
                .filter(entry -> entry.latitude() != null);
        return neighbour.flatMap(town -> candidates.stream()
                        .filter(c -> c.entry().kind() == PlaceKind.MUNICIPALITY && c.entry() != town)
                        .filter(c -> c.entry().kilometresTo(town) <= NEIGHBOUR_KM)
                        .min(Comparator.comparingDouble(c -> c.entry().kilometresTo(town))))
                .map(List::of)
                .orElse(List.of());
    }

    /** The names of a Kreis besides its display name. */
    private static Map<String, AliasKind> kreisAliases(String name) {
        Map<String, AliasKind> aliases = new LinkedHashMap<>();
        baseName(name, KREIS_PREFIXES).ifPresent(base -> {
            KREIS_PREFIXES.forEach(prefix -> aliases.put(prefix + base, AliasKind.NAME));
            aliases.put(base, AliasKind.KREIS_BASE);
            landscapes(base).forEach(landscape -> aliases.putIfAbsent(landscape, AliasKind.KREIS_BASE));
        });
        baseName(name, REGION_PREFIXES).ifPresent(base -> aliases.put(base, AliasKind.KREIS_BASE));
        Matcher named = NAMED_AFTER_LANDSCAPE.matcher(name);
        if (named.matches()) {
            aliases.put(named.group(1), AliasKind.KREIS_BASE);
        }
        return aliases;
    }

    /** The parts of a Kreis named after two landscapes or towns: "Sächsische Schweiz" and "Osterzgebirge". */
    private static List<String> landscapes(String base) {
        if (!base.contains("-") || base.contains(" i.")) {
            return List.of();
        }
        return Arrays.stream(base.split("-")).filter(part -> part.length() >= MIN_LANDSCAPE_LENGTH).toList();
    }

    private static Optional<String> baseName(String name, List<String> prefixes) {
        return prefixes.stream()
                .filter(name::startsWith)
                .map(prefix -> name.substring(prefix.length()))
                .findFirst();
    }

    private void addDistrict(String district, GazetteerEntry city) {
        String key = NameKey.of(district);
        if (city == null || city.kind() != PlaceKind.MUNICIPALITY) {
            throw new IllegalStateException("district " + district + ": its city key names no municipality");
        }
        if (byKey.containsKey(key)) {
            throw new IllegalStateException("district " + district + ": the gazetteer already has this name");
        }
        put(key, new Candidate(city, AliasKind.DISTRICT, ""));
    }

    private void add(GazetteerEntry entry, String key, AliasKind kind) {
        put(key, new Candidate(entry, kind, ""));
        String shortForm = NameKey.shortForm(key);
        if (kind == AliasKind.NAME && !shortForm.equals(key)) {
            put(shortForm, new Candidate(entry, AliasKind.SHORT_FORM, key.substring(shortForm.length() + 1)));
        }
    }

    private void put(String key, Candidate candidate) {
        List<Candidate> candidates = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
        for (Candidate existing : candidates) {
            if (existing.entry() == candidate.entry()) {
                return;
            }
        }
        candidates.add(candidate);
    }
}
