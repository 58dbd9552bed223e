package de.smartcity.catalogue.model;

import java.util.List;
import java.util.Map;

/**
 * A theme of the taxonomy with the rules that recognise it.
 *
 * @param id     stable id used in the API, e.g. {@code parking}
 * @param de     German label
 * @param en     English label
 * @param field  the field of action it belongs to (German label, e.g. {@code Mobilität})
 * @param terms  words or word parts that signal the theme, with their weight; matched after German analysis,
 *               so inflections, umlauts and compound parts count
 * @param vetoes words that look like a signal but are not: a word containing a veto contributes nothing to the
 *               theme ("Parkinson", "Bürgerpark"), unless it also contains a term that contains the veto; a veto of
 *               several words is an idiom whose last word contributes nothing ("mit viel Energie")
 * @param broad  terms whose meaning the word part in front of them decides: they count as a word of their own
 *               and at the start of a compound ("Verkehr", "Verkehrsplanung"), but after another part only
 *               where the whole compound is a term ("Radverkehr" is, "Zahlungsverkehr" is not)
 * @param senses terms with another sense, each with the words that show it anywhere in the item: such a term
 *               gives the theme nothing where one of them stands ("Messe" beside "Bischof" is a mass, "Pegel"
 *               beside "Promille" is alcohol)
 */
public record Theme(String id, String de, String en, String field, Map<String, Double> terms, List<String> vetoes,
                    List<String> broad, Map<String, List<String>> senses) {
    public Theme {
        terms = Map.copyOf(terms);
        vetoes = List.copyOf(vetoes);
        broad = List.copyOf(broad);
        senses = Map.copyOf(senses);
    }
}
