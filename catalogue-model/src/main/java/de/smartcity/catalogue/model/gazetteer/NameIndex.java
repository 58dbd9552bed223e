package de.smartcity.catalogue.model.gazetteer;

import de.smartcity.catalogue.model.PlaceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All names under which a gazetteer entry can be found, by {@link NameKey}.
 *
 * <p>Every entry is found by its display name and by its short form (the name without its qualifier,
 * "Frankfurt" for "Frankfurt am Main"). A Kreis named "Landkreis X" or "Kreis X" is also found as
 * "Landkreis X", "Kreis X", "Lkr. X", "LK X" and in the genitive ("des Landkreises X"); its bare
 * name X, like the X of "Region X" or "Städteregion X", only counts when no other place is called X.
 */
final class NameIndex {

    /** How a name was derived from an entry. */
    enum AliasKind {
        /** The display name or one of its spellings. */
        NAME,
        /** The display name without its qualifier. */
        SHORT_FORM,
        /** The bare name of a Kreis ("Hof" for "Landkreis Hof"): used only when nothing else has the name. */
        KREIS_BASE
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

    private final Map<String, List<Candidate>> byKey = new HashMap<>();

    NameIndex(List<GazetteerEntry> entries) {
        for (GazetteerEntry entry : entries) {
            add(entry, NameKey.of(entry.name()), AliasKind.NAME);
            if (entry.kind() == PlaceKind.KREIS) {
                kreisAliases(entry.name()).forEach((name, kind) -> add(entry, NameKey.of(name), kind));
            }
        }
    }

    List<Candidate> lookup(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** The names of a Kreis besides its display name. */
    private static Map<String, AliasKind> kreisAliases(String name) {
        Map<String, AliasKind> aliases = new LinkedHashMap<>();
        baseName(name, KREIS_PREFIXES).ifPresent(base -> {
            KREIS_PREFIXES.forEach(prefix -> aliases.put(prefix + base, AliasKind.NAME));
            aliases.put(base, AliasKind.KREIS_BASE);
        });
        baseName(name, REGION_PREFIXES).ifPresent(base -> aliases.put(base, AliasKind.KREIS_BASE));
        return aliases;
    }

    private static Optional<String> baseName(String name, List<String> prefixes) {
        return prefixes.stream()
                .filter(name::startsWith)
                .map(prefix -> name.substring(prefix.length()))
                .findFirst();
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
