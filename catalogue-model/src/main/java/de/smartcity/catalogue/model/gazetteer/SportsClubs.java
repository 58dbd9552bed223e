package de.smartcity.catalogue.model.gazetteer;

import java.util.Locale;
import java.util.Set;

/**
 * The words that open a sports club's name ("FC Augsburg", "TSV 1860", "Eintracht Frankfurt"). The words after them
 * name the team: its town is no place of the item by itself, and a word like "Energie" in "FC Energie Cottbus" says
 * nothing of a theme.
 */
public final class SportsClubs {
    private static final Set<String> OPENERS = Set.of(
            "fc", "sc", "sv", "tsv", "tsg", "vfb", "vfl", "vfr", "spvgg", "tus", "ssv", "fsv", "msv", "ksv",
            "bsc", "ehc", "erc", "hsg", "thw", "sg", "borussia", "eintracht", "fortuna", "arminia", "alemannia",
            "dynamo", "kickers");

    private SportsClubs() {
    }

    /** Whether {@code word}, in any case, opens a sports club's name. */
    public static boolean opensName(String word) {
        return OPENERS.contains(word.toLowerCase(Locale.ROOT));
    }
}
