package de.smartcity.catalogue.routes.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates German municipal feeds and pages write, which ROME and {@code DateTimeFormatter} alone do
 * not: RFC 822 with German or English day and month names ("Mo, 24 Nov 2026 10:00:00 +0100",
 * "Di., 3 Mär 2026 08:15 MEZ"), German long and numeric dates ("24. November 2026", "24.11.2026, 10:00 Uhr"),
 * English long dates ("November 24, 2026") and ISO 8601 with or without offset ("2026-11-24T10:00:00+0100").
 * A date or time without zone is German local time; a date without time is the start of that day in Germany.
 */
public final class DateTexts {
    /** German municipalities publish in local time. */
    public static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private static final String ZONE = "(Z|UTC|UT|GMT|MESZ|MEZ|CEST|CET|EST|EDT|CST|CDT|MST|MDT|PST|PDT"
            + "|(?:GMT|UTC)?[+-]\\d{1,2}(?::?\\d{2})?)";
    private static final String TIME = "(?:(?:,|\\s+um|\\s*-|\\s*T)?\\s*(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2})(?:[.,]\\d{1,9})?)?"
            + "(?:\\s*Uhr)?)?\\s*" + ZONE + "?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})" + TIME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\.?\\s*(\\p{L}{3,10})\\.?,?\\s+(\\d{4})" + TIME,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(\\p{L}{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
            + TIME, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A leading day name: "Mo,", "Di.,", "Montag,", "Mon,", "Tuesday". */
    private static final Pattern DAY_NAME = Pattern.compile("^(\\p{L}{2,10})\\.?,?\\s+(?=\\p{L}{3,10}\\.?\\s+\\d|\\d)");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("jaenner", 1), Map.entry("january", 1),
            Map.entry("feb", 2), Map.entry("febr", 2), Map.entry("februar", 2), Map.entry("february", 2),
            Map.entry("mär", 3), Map.entry("mrz", 3), Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("mar", 3),
            Map.entry("march", 3),
            Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("juni", 6), Map.entry("june", 6),
            Map.entry("jul", 7), Map.entry("juli", 7), Map.entry("july", 7),
            Map.entry("aug", 8), Map.entry("august", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9),
            Map.entry("okt", 10), Map.entry("oct", 10), Map.entry("oktober", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11),
            Map.entry("dez", 12), Map.entry("dec", 12), Map.entry("dezember", 12), Map.entry("december", 12));
    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("Z", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("UT", ZoneOffset.UTC),
            Map.entry("GMT", ZoneOffset.UTC), Map.entry("MEZ", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("MESZ", ZoneOffset.ofHours(2)), Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)));

    private DateTexts() {
    }

    /** The instant the text names, or empty when it is no date this class knows ("gestern", "", "bald"). */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String date = text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        if (date.isEmpty() || date.length() > 80) {
            return Optional.empty();
        }
        Matcher iso = ISO.matcher(date);
        if (iso.matches()) {
            return at(number(iso, 1), number(iso, 2), number(iso, 3), iso, 4);
        }
        Matcher dayName = DAY_NAME.matcher(date);
        if (dayName.find() && month(dayName.group(1)).isEmpty()) {
            date = date.substring(dayName.end());
        }
        Matcher numeric = NUMERIC.matcher(date);
        if (numeric.matches()) {
            return at(year(numeric.group(3)), number(numeric, 2), number(numeric, 1), numeric, 4);
        }
        Matcher dayFirst = DAY_MONTH_YEAR.matcher(date);
        if (dayFirst.matches()) {
            return month(dayFirst.group(2)).flatMap(month ->
                    at(number(dayFirst, 3), month, number(dayFirst, 1), dayFirst, 4));
        }
        Matcher monthFirst = MONTH_DAY_YEAR.matcher(date);
        if (monthFirst.matches()) {
            return month(monthFirst.group(1)).flatMap(month ->
                    at(number(monthFirst, 3), month, number(monthFirst, 2), monthFirst, 4));
        }
        return Optional.empty();
    }

    private static Optional<Integer> month(String name) {
        return Optional.ofNullable(MONTHS.get(name.toLowerCase(Locale.GERMAN)));
    }

    /** The groups from {@code timeGroup} on are hour, minute, second and zone, all optional. */
    private static Optional<Instant> at(int year, int month, int day, Matcher matcher, int timeGroup) {
        try {
            int hour = matcher.group(timeGroup) == null ? 0 : number(matcher, timeGroup);
            int minute = matcher.group(timeGroup + 1) == null ? 0 : number(matcher, timeGroup + 1);
            int second = matcher.group(timeGroup + 2) == null ? 0 : number(matcher, timeGroup + 2);
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
            String zone = matcher.group(timeGroup + 3);
            if (zone == null) {
                return Optional.of(local.atZone(GERMANY).toInstant());
            }
            return offset(zone).map(offset -> local.toInstant(offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneOffset> offset(String zone) {
        String upper = zone.toUpperCase(Locale.ROOT);
        if (ZONES.containsKey(upper)) {
            return Optional.of(ZONES.get(upper));
        }
        String numeric = upper.replaceFirst("^(GMT|UTC)", "");
        Matcher matcher = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})?").matcher(numeric);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int sign = matcher.group(1).equals("-") ? -1 : 1;
        int hours = Integer.parseInt(matcher.group(2));
        int minutes = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int year(String text) {
        int year = Integer.parseInt(text);
        return text.length() == 2 ? 2000 + year : year;
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
