package de.smartcity.catalogue.routes.tag;

import de.smartcity.catalogue.model.gazetteer.FirstNames;
import de.smartcity.catalogue.model.gazetteer.SportsClubs;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the words that stand as the last part of a name: "Kämmerer Thomas Schnee", "Frau Winter". In German a
 * capitalised word directly after another one inside a sentence is rarely a noun of its own, since adjectives there are
 * written small; it is mostly a name, whose words say nothing of a theme ("Schnee", "Müller"). The first word of a
 * sentence is capitalised anyway ("Neue Parkplätze"), so it starts no name unless it is a form of address, a title
 * ("Dr. Schnee"), a common first name ("Siegen: Carola Schnee übernimmt …") or opens a sports club's name (anywhere:
 * "Der FC Energie Cottbus", whose "Energie" is no energy); nor does a noun behind an article, which another noun may
 * follow ("stellt das Bürgeramt Bewohnerparkausweise aus", "hat Die Bremer Stadtreinigung … aufgestellt"), nor a unit
 * behind a number ("40 Prozent Streusalz", "15 Millionen Euro"), nor a noun behind an English word of the phrases
 * smart-city news borrow, which write every word capitalised ("Smart City Barcamp", "Open Data Day"). A company's name, ending in its legal form, says what
 * the company does: its words keep their themes ("Trier Tourismus und Marketing GmbH"). A name in quotation marks
 * behind a venue or a group is that place's or group's name (Jugendclub „Parkhaus“, Verein „Kulturbahnhof“): it says
 * nothing of a theme either.
 */
final class NameWords {
    private static final Set<String> ADDRESSES = Set.of("Herr", "Herrn", "Frau");
    /** Titles written with a dot before a name: "Dr. Schnee". */
    private static final Set<String> TITLES = Set.of("Dr", "Prof");
    /** English words of borrowed phrases, written capitalised with the noun behind them: "Smart City Summit". */
    private static final Set<String> ENGLISH_PHRASE_WORDS = Set.of("Smart", "City", "Open", "Data", "Citizen", "Urban");
    /** Last parts of the nouns whose name may follow in quotation marks: Jugendclub „Parkhaus“, Jugendtreff „Winterhafen“. */
    private static final List<String> VENUES = List.of("club", "klub", "treff", "zentrum", "verein", "kneipe", "cafe",
            "chor", "band", "theater", "kino", "lokal", "disco");
    private static final String OPENING_QUOTES = "„\"“«»‚‘'";
    private static final String CLOSING_QUOTES = "“\"”«»‘’'";
    /** The most words a quoted venue's name has. */
    private static final int MAX_QUOTED_NAME = 4;
    private static final String SENTENCE_ENDS = ".!?:;";
    private static final Set<String> ARTICLES = Set.of("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
            "einem", "einer", "eines", "zur", "zum", "im", "am", "vom", "beim");
    private static final Set<String> LEGAL_FORMS = Set.of("GmbH", "gGmbH", "mbH", "AG", "KG", "KGaA", "eG", "SE");
    /** Small words inside a company's name: "Tourismus und Marketing GmbH", "Gesellschaft für Stadtentwicklung mbH". */
    private static final Set<String> NAME_JOINERS = Set.of("und", "für");

    private NameWords() {
    }

    /**
     * Marks in {@code names} the positions of name words among {@code words} from {@code from} to {@code to}, all
     * of them words of {@code text}.
     */
    static void mark(List<ThemeTagger.Word> words, int from, int to, String text, BitSet names) {
        BitSet companies = companyNames(words, from, to, text);
        for (int i = from + 1; i < to; i++) {
            ThemeTagger.Word before = words.get(i - 1);
            String gap = text.substring(before.end(), words.get(i).start());
            if (capitalised(words.get(i)) && capitalised(before) && isSpace(gap) && !companies.get(i)
                    && startsName(words, from, i - 1, text)
                    || capitalised(words.get(i)) && TITLES.contains(before.surface()) && gap.equals(". ")) {
                names.set(i);
            }
        }
        markQuotedVenueNames(words, from, to, text, names);
    }

    /**
     * Whether the capitalised word at {@code first}, followed by another, opens a person's or a club's name: an
     * address, a common first name or a club's abbreviation always does; otherwise two capitalised words in a row do
     * in mid-sentence, unless the first follows an article or a number, or is a word of a borrowed English phrase.
     */
    private static boolean startsName(List<ThemeTagger.Word> words, int from, int first, String text) {
        String surface = words.get(first).surface();
        if (ADDRESSES.contains(surface) || FirstNames.contains(surface) || SportsClubs.opensName(surface)) {
            return true;
        }
        return !startsSentence(words, from, first, text) && !isArticle(words.get(first - 1))
                && !isNumber(words.get(first - 1)) && !ENGLISH_PHRASE_WORDS.contains(surface);
    }

    /** Marks the words of a name in quotation marks right behind a venue or group: Jugendclub „Parkhaus“. */
    private static void markQuotedVenueNames(List<ThemeTagger.Word> words, int from, int to, String text, BitSet names) {
        for (int i = from + 1; i < to; i++) {
            String gap = text.substring(words.get(i - 1).end(), words.get(i).start()).strip();
            String venue = words.get(i - 1).folded();
            if (gap.length() != 1 || OPENING_QUOTES.indexOf(gap.charAt(0)) < 0 || VENUES.stream().noneMatch(venue::endsWith)) {
                continue;
            }
            for (int j = i; j < to && j < i + MAX_QUOTED_NAME; j++) {
                int end = words.get(j).end();
                if (end < text.length() && CLOSING_QUOTES.indexOf(text.charAt(end)) >= 0) {
                    names.set(i, j + 1);
                    break;
                }
            }
        }
    }

    /**
     * Marks as names also the other occurrences of a word already marked: a name said in full once is often repeated
     * alone at the start of a sentence ("Trauer um Altlandrat Gerd Müllenhoff … Müllenhoff war Mitbegründer").
     */
    static void spread(List<ThemeTagger.Word> words, BitSet names) {
        Set<String> surfaces = names.stream().mapToObj(i -> words.get(i).surface()).collect(Collectors.toSet());
        for (int i = 0; i < words.size(); i++) {
            if (surfaces.contains(words.get(i).surface())) {
                names.set(i);
            }
        }
    }

    /** The words of company names: the capitalised words and joiners that lead up to a legal form. */
    private static BitSet companyNames(List<ThemeTagger.Word> words, int from, int to, String text) {
        BitSet companies = new BitSet();
        for (int end = from; end < to; end++) {
            if (!LEGAL_FORMS.contains(words.get(end).surface())) {
                continue;
            }
            for (int i = end - 1; i >= from && isSpace(text.substring(words.get(i).end(), words.get(i + 1).start()))
                    && (capitalised(words.get(i)) || NAME_JOINERS.contains(words.get(i).surface())); i--) {
                companies.set(i);
            }
        }
        return companies;
    }

    private static boolean startsSentence(List<ThemeTagger.Word> words, int from, int i, String text) {
        if (i == from) {
            return true;
        }
        String gap = text.substring(words.get(i - 1).end(), words.get(i).start());
        return gap.chars().anyMatch(c -> SENTENCE_ENDS.indexOf(c) >= 0);
    }

    private static boolean capitalised(ThemeTagger.Word word) {
        return Character.isUpperCase(word.surface().charAt(0));
    }

    /** An article, also where an organisation writes it with a capital inside a sentence ("hat Die Bremer Stadtreinigung"). */
    private static boolean isArticle(ThemeTagger.Word word) {
        return ARTICLES.contains(word.surface().toLowerCase(Locale.GERMAN));
    }

    private static boolean isNumber(ThemeTagger.Word word) {
        return Character.isDigit(word.surface().charAt(0));
    }

    private static boolean isSpace(String gap) {
        return gap.equals(" ");
    }
}
