package de.smartcity.catalogue.benchmarks;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.routes.parse.FeedEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Deterministic German municipal news: the same seed gives the same sources and the same entries, byte for byte.
 * Nine sources in ten belong to a city; every tenth is a portal whose titles start with the city ("Kassel: …").
 * Titles and teasers mix the taxonomy's themes (parking, waste, winter service, …) with untagged local news.
 */
final class SyntheticNews {
    static final long SEED = 20261124L;
    /** Publication dates lie in the two years before this instant, so none is in the future. */
    private static final Instant NEWEST = Instant.parse("2026-10-31T12:00:00Z");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final List<String> CITIES = List.of(
            "Frankfurt am Main", "Wiesbaden", "Kassel", "Darmstadt", "Offenbach am Main", "Hanau", "Gießen", "Marburg",
            "Fulda", "Mannheim", "Karlsruhe", "Stuttgart", "Freiburg im Breisgau", "Heidelberg", "Ulm", "Heilbronn",
            "München", "Nürnberg", "Augsburg", "Regensburg", "Würzburg", "Ingolstadt", "Erlangen", "Köln", "Düsseldorf",
            "Dortmund", "Essen", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Aachen", "Hürth",
            "Paderborn", "Gütersloh", "Hamburg", "Bremen", "Hannover", "Braunschweig", "Osnabrück", "Oldenburg",
            "Göttingen", "Wolfsburg", "Kiel", "Lübeck", "Rostock", "Schwerin", "Berlin", "Potsdam", "Cottbus",
            "Leipzig", "Dresden", "Chemnitz", "Halle (Saale)", "Magdeburg", "Erfurt", "Jena", "Weimar", "Mainz",
            "Kaiserslautern", "Koblenz", "Trier", "Ludwigshafen am Rhein", "Saarbrücken");
    private static final List<String> DISTRICTS = List.of("der Innenstadt", "der Altstadt", "der Nordstadt",
            "der Südstadt", "dem Westend", "dem Bahnhofsviertel", "den Ortsteilen", "dem Gewerbegebiet Ost");
    private static final List<String> STREETS = List.of("Goethestraße", "Schillerplatz", "Bahnhofstraße",
            "Marktplatz", "Lindenallee", "Rathausplatz", "Kirchgasse", "Hauptstraße", "Am Stadtgraben");
    private static final List<String> MONTHS = List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
            "August", "September", "Oktober", "November", "Dezember");

    /** Each topic: title templates and teaser sentences; {d} district, {s} street, {n} number, {m} month. */
    private record Topic(List<String> titles, List<String> sentences) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic(List.of("Neues Parkleitsystem zeigt freie Stellplätze in {d}",
                    "Parkhaus an der {s} erhält Sensoren für {n} Stellplätze",
                    "Handyparken jetzt in allen Parkzonen möglich",
                    "Anwohnerparken: Neue Regeln ab {m}",
                    "Tiefgarage am {s} meldet freie Plätze in Echtzeit"),
                    List.of("Sensoren im Boden erkennen, ob ein Parkplatz belegt ist.",
                            "Die Daten fließen in das Parkleitsystem und in die Stadt-App.",
                            "Der Parksuchverkehr in {d} soll so deutlich sinken.")),
            new Topic(List.of("Winterdienst startet mit {n} Streufahrzeugen",
                    "Glättesensoren warnen den Räumdienst früher",
                    "Streuplan für Radwege in {d} veröffentlicht",
                    "Straßenwetterstationen melden Glatteis in Echtzeit"),
                    List.of("Der Winterdienst räumt zuerst Hauptstraßen, Busspuren und Schulwege.",
                            "Im Salzlager liegen {n} Tonnen Streusalz bereit.",
                            "Glättesensoren an Brücken melden die Temperatur der Fahrbahn.")),
            new Topic(List.of("Füllstandssensoren in {n} Mülltonnen",
                    "Müllabfuhr: Abfallkalender jetzt als App",
                    "Sperrmüll kann online angemeldet werden",
                    "Stadtreinigung testet smarte Papierkörbe in {d}",
                    "Glascontainer melden ihren Füllstand"),
                    List.of("Die Stadtreinigung leert Behälter nur noch, wenn sie voll sind.",
                            "Die Touren der Müllabfuhr werden nach den Messwerten geplant.",
                            "Der Wertstoffhof an der {s} hat künftig länger geöffnet.")),
            new Topic(List.of("{n} neue Ladesäulen in {d}",
                    "Straßenbeleuchtung wird auf LED umgerüstet",
                    "Photovoltaik auf den Dächern von {n} Schulen",
                    "Kommunale Wärmeplanung vorgestellt"),
                    List.of("Die Ladeinfrastruktur für Elektroautos wächst weiter.",
                            "Die Stadtwerke rechnen mit einem geringeren Energieverbrauch.",
                            "Bis {m} sollen alle Laternen an der {s} umgestellt sein.")),
            new Topic(List.of("Mobilitätsstation am Bahnhof eröffnet",
                    "Ampeln an der {s} schalten für den Radverkehr",
                    "Neue Buslinie mit Echtzeitanzeige an jeder Haltestelle",
                    "Carsharing-Angebot in {d} wächst"),
                    List.of("Im Nahverkehr zeigen Anzeigen die tatsächliche Abfahrtszeit.",
                            "Lastenräder und E-Scooter stehen an der Mobilitätsstation bereit.",
                            "Die Verkehrssteuerung reagiert auf das Aufkommen an der Kreuzung.")),
            new Topic(List.of("Sensoren messen die Bodenfeuchte von Stadtbäumen",
                    "Luftqualität: {n} neue Messstationen",
                    "Hitzeaktionsplan für den Sommer beschlossen"),
                    List.of("Die Messwerte zu Feinstaub und Stickstoffdioxid sind online abrufbar.",
                            "Die Baumbewässerung richtet sich nach den Daten der Sensoren.",
                            "Klimaanpassung ist ein Schwerpunkt der Stadtentwicklung.")),
            new Topic(List.of("Pegelstände der Flüsse jetzt online abrufbar",
                    "Starkregen-Gefahrenkarte veröffentlicht"),
                    List.of("Bei Hochwasser warnt die Stadt per App und Sirene.",
                            "Das Kanalnetz wird mit {n} Sensoren überwacht.")),
            new Topic(List.of("Bürgeramt: Termine jetzt online buchen",
                    "{n} neue Onlinedienste nach dem Onlinezugangsgesetz",
                    "E-Akte in der Verwaltung eingeführt"),
                    List.of("Anträge können rund um die Uhr mit dem Bürgerkonto gestellt werden.",
                            "Das Bürgerbüro an der {s} bleibt für persönliche Termine geöffnet.")),
            new Topic(List.of("Bürgerbeteiligung zum Radverkehrskonzept startet",
                    "Mängelmelder verzeichnet {n} Meldungen im {m}"),
                    List.of("Bürgerinnen und Bürger können sich bis {m} an einer Umfrage beteiligen.",
                            "Die Ergebnisse des Bürgerdialogs fließen in die Planung ein.")),
            new Topic(List.of("Digitalpakt: {n} Tablets für Schulen",
                    "Stadtbibliothek bietet Kurse zur Medienkompetenz"),
                    List.of("Schülerinnen und Schüler arbeiten im Unterricht mit einer Lernplattform.",
                            "Die Volkshochschule ergänzt das Angebot mit Abendkursen.")),
            new Topic(List.of("Smart-City-Strategie vom Stadtrat beschlossen",
                    "Förderbescheid für Modellprojekt übergeben"),
                    List.of("Das Förderprogramm des Bundes trägt {n} Prozent der Kosten.",
                            "Die Digitalstrategie benennt zwölf Leitprojekte.")),
            new Topic(List.of("Oberbürgermeisterin gratuliert {n} Jubilaren",
                    "Baustelle an der {s}: Umleitung bis {m}",
                    "Haushaltsentwurf für das kommende Jahr vorgestellt",
                    "Stadtfest in {d} mit Rekordbesuch"),
                    List.of("Die Stadt informiert auf ihrer Internetseite über alle Einzelheiten.",
                            "Der Stadtrat berät im {m} über die Vorlage.")));
    private static final List<String> CLOSING = List.of(
            "Die Stadt investiert dafür rund {n}.000 Euro.",
            "Das Projekt wird aus dem Förderprogramm „Modellprojekte Smart Cities“ unterstützt.",
            "Weitere Informationen gibt es im Bürgerbüro und online.",
            "Die Umsetzung soll bis {m} abgeschlossen sein.",
            "Fragen beantwortet das Team Digitalisierung per E-Mail.");

    /** The cities the feeds are about. */
    static List<String> cities() {
        return CITIES;
    }

    /** One source with what its feed carries. */
    record Feed(Source source, List<FeedEntry> entries) {
    }

    private SyntheticNews() {
    }

    /**
     * @param sources        how many sources
     * @param itemsPerSource entries in each source's feed
     * @param feedBase       where the feeds are served; source {@code i}'s feed is {@code feedBase/<id>.xml}
     */
    static List<Feed> feeds(int sources, int itemsPerSource, URI feedBase) {
        return feeds(sources, itemsPerSource, publisher -> feedBase);
    }

    /**
     * @param feedBaseOf where a publisher's feeds are served, by its host name: the sources of one city share their
     *                   city's web site ({@code www.kassel.de}), each portal has its own
     */
    static List<Feed> feeds(int sources, int itemsPerSource, Function<String, URI> feedBaseOf) {
        List<Feed> feeds = new ArrayList<>(sources);
        for (int i = 0; i < sources; i++) {
            Random random = new Random(SEED + i);
            boolean portal = i % 10 == 9;
            String city = CITIES.get(i % CITIES.size());
            String id = portal ? "portal-%03d".formatted(i) : "%s-%03d".formatted(slug(city), i);
            String host = portal ? "www.kommunal-portal-%03d.de".formatted(i) : "www.%s.de".formatted(slug(city));
            Source source = new Source(id, portal ? null : city, feedBaseOf.apply(host).resolve(id + ".xml"),
                    SourceKind.RSS, Duration.ofMinutes(30), null);
            List<FeedEntry> entries = new ArrayList<>(itemsPerSource);
            for (int j = 0; j < itemsPerSource; j++) {
                String about = portal ? CITIES.get(random.nextInt(CITIES.size())) : city;
                entries.add(entry(random, host, i * 100_000 + j, portal ? about + ": " : "", about));
            }
            feeds.add(new Feed(source, entries));
        }
        return feeds;
    }

    private static FeedEntry entry(Random random, String host, int number, String titlePrefix, String city) {
        Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
        String title = titlePrefix + fill(random, pick(random, topic.titles()));
        StringBuilder summary = new StringBuilder("<p>");
        summary.append(fill(random, pick(random, topic.sentences())));
        if (random.nextBoolean()) {
            summary.append(" <strong>").append(city).append("</strong> ist damit eine von wenigen Kommunen in der Region.");
        }
        summary.append(' ').append(fill(random, pick(random, topic.sentences())));
        summary.append(' ').append(fill(random, pick(random, CLOSING))).append("</p>");
        String link = "https://%s/presse/meldungen/%d-%s?utm_source=rss&utm_medium=feed".formatted(host, number, slug(title));
        Instant published = NEWEST.minusSeconds(random.nextInt(2 * 365 * 24 * 3600));
        return new FeedEntry("meldung-" + number, title, summary.toString(), link, published);
    }

    private static String fill(Random random, String template) {
        return template.replace("{d}", pick(random, DISTRICTS))
                .replace("{s}", pick(random, STREETS))
                .replace("{n}", String.valueOf(2 + random.nextInt(240)))
                .replace("{m}", pick(random, MONTHS));
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static String slug(String text) {
        String folded = text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The feed as RSS 2.0 in UTF-8, descriptions as HTML in CDATA, as many municipal CMSs publish it. */
    static byte[] rss(Feed feed) {
        StringBuilder xml = new StringBuilder(feed.entries().size() * 700);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n")
                .append("<title>Pressemitteilungen ").append(escape(feed.source().cityName().orElse("Kommunalportal")))
                .append("</title>\n<link>").append(escape(feed.source().url().toString())).append("</link>\n")
                .append("<description>Meldungen</description>\n<language>de-de</language>\n");
        for (FeedEntry entry : feed.entries()) {
            xml.append("<item>\n<title>").append(escape(entry.title())).append("</title>\n")
                    .append("<link>").append(escape(entry.link())).append("</link>\n")
                    .append("<guid isPermaLink=\"false\">").append(escape(entry.guid())).append("</guid>\n")
                    .append("<pubDate>").append(RFC_1123.format(entry.published())).append("</pubDate>\n")
                    .append("<description><![CDATA[").append(entry.summary()).append("]]></description>\n")
                    .append("</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
