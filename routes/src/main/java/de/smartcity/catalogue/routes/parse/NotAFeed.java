package de.smartcity.catalogue.routes.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Recognises answers that are not what was asked for and says in an operator's words what they are:
 * an empty body, JSON (an API's error message above all), an HTML page, a bot-challenge page (Cloudflare's
 * "Just a moment...", "Attention Required!", captchas) or a cookie-consent wall, which servers send with
 * status 200 so that nothing looks wrong, and text that is no XML at all.
 */
public final class NotAFeed {
    /** What a feed source was expected to send, for the messages. */
    public static final String FEED = "eines Feeds";
    /** What an HTML listing source was expected to send. */
    public static final String LISTING = "der Meldungsliste";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIRST_MARKUP = Pattern.compile(
            "^\\s*(?:<\\?.*?\\?>\\s*|<!--.*?-->\\s*)*(?:<!doctype\\s+([\\w:.-]+)[^>]*>\\s*(?:<!--.*?-->\\s*)*)?<([A-Za-z][\\w:.-]*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final List<Marker> CHALLENGES = List.of(
            new Marker("Cloudflare", List.of("cf-browser-verification", "cf_chl_opt", "/cdn-cgi/challenge-platform/",
                    "challenges.cloudflare.com", "cf-turnstile", "attention required! | cloudflare", "cf-error-details",
                    "checking if the site connection is secure", "enable javascript and cookies to continue")),
            new Marker("Imperva/Incapsula", List.of("_incapsula_resource", "incapsula incident id")),
            new Marker("Sucuri", List.of("sucuri website firewall")),
            new Marker("DataDome", List.of("captcha-delivery.com", "datadome")),
            new Marker("DDoS-Guard", List.of("ddos-guard")),
            new Marker("AWS WAF", List.of("awswaf", "aws-waf-token")),
            new Marker("PerimeterX", List.of("px-captcha", "perimeterx")),
            new Marker("Captcha", List.of("g-recaptcha", "grecaptcha", "h-captcha", "hcaptcha.com", "friendlycaptcha",
                    "frc-captcha", "captcha")),
            new Marker("Browser-Prüfung", List.of("just a moment...", "just a moment…", "checking your browser",
                    "verify you are human", "are you a robot", "i am not a robot", "ich bin kein roboter",
                    "kein roboter sind", "sicherheitsüberprüfung", "one more step", "bot protection",
                    "please enable javascript to continue", "please enable cookies")));
    private static final Pattern CONSENT_TITLE = Pattern.compile(
            "cookie|consent|datenschutz-?einstellungen|privatsphäre|einwilligung|zustimmung|before you continue"
                    + "|bevor sie (?:zu .* )?(?:fortfahren|weitergehen)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CONSENT_ACTION = Pattern.compile(
            "akzeptieren|zustimmen|einverstanden|alle erlauben|alle zulassen|annehmen|accept|agree|allow all",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int SHORT_PAGE = 2500;

    private NotAFeed() {
    }

    /** Empty, JSON, HTML or plain text where a feed was expected: the sentence for the operator, else empty. */
    public static Optional<String> describe(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String start = body.stripLeading();
        if (start.isEmpty()) {
            return Optional.of("Die Antwort ist leer (kein Feed).");
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return Optional.of(json(start));
        }
        if (isHtml(start)) {
            return Optional.of(blockedPage(body, FEED).orElse("Antwort ist eine HTML-Seite statt eines Feeds."));
        }
        if (!start.startsWith("<")) {
            return Optional.of("Feed ist kein gültiges RSS/Atom: die Antwort ist kein XML, sie beginnt mit „"
                    + excerpt(start, 60) + "“.");
        }
        return Optional.empty();
    }

    /** Whether the text is an HTML page rather than XML: an HTML doctype, or {@code html}, {@code head} or {@code body} first. */
    public static boolean isHtml(String text) {
        Matcher matcher = FIRST_MARKUP.matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
        if (!matcher.find()) {
            return false;
        }
        String doctype = Optional.ofNullable(matcher.group(1)).orElse("").toLowerCase(Locale.ROOT);
        String first = matcher.group(2).toLowerCase(Locale.ROOT);
        return doctype.equals("html") || first.equals("html") || first.equals("head") || first.equals("body");
    }

    /**
     * A bot-challenge page or a cookie-consent wall: the sentence for the operator, else empty.
     *
     * @param html     the page
     * @param expected what was expected instead ({@link #FEED}, {@link #LISTING})
     */
    public static Optional<String> blockedPage(String html, String expected) {
        return challenge(html, expected).or(() -> consentWall(html, expected));
    }

    /** A bot-challenge or captcha page (Cloudflare and others): the sentence for the operator, else empty. */
    public static Optional<String> challenge(String html, String expected) {
        String lower = html.toLowerCase(Locale.ROOT);
        String title = title(html);
        String lowerTitle = title.toLowerCase(Locale.ROOT);
        for (Marker marker : CHALLENGES) {
            boolean found = marker.words().stream().anyMatch(word -> word.equals("captcha")
                    ? lowerTitle.contains(word) || lower.contains("class=\"captcha") || lower.contains("id=\"captcha")
                    : lower.contains(word));
            if (found) {
                return Optional.of("Antwort ist eine Bot-Schutzseite (" + marker.provider()
                        + (title.isEmpty() ? "" : ", Titel „" + title + "“") + ") statt " + expected
                        + "; der Server lässt den Abruf ohne Browser-Prüfung oder Captcha nicht durch.");
            }
        }
        return Optional.empty();
    }

    /** A page that asks for cookie consent before showing anything: the sentence for the operator, else empty. */
    public static Optional<String> consentWall(String html, String expected) {
        Document page = Jsoup.parse(html);
        String title = title(html);
        String visible = page.body() == null ? "" : page.body().text();
        String lowerHtml = html.toLowerCase(Locale.ROOT);
        boolean consentTitle = CONSENT_TITLE.matcher(title).find();
        boolean consentForm = lowerHtml.contains("consent.google.") || lowerHtml.contains("consent.yahoo.")
                || page.select("form[action*=consent], form[action*=cookie]").size() > 0;
        boolean shortCookiePage = visible.length() < SHORT_PAGE && visible.toLowerCase(Locale.GERMAN).contains("cookie")
                && CONSENT_ACTION.matcher(visible).find();
        if (consentTitle || consentForm || shortCookiePage) {
            return Optional.of("Antwort ist eine Cookie-Zustimmungsseite" + (title.isEmpty() ? "" : " („" + title + "“)")
                    + " statt " + expected + "; der Server zeigt vor dem Inhalt eine Einwilligungsabfrage.");
        }
        return Optional.empty();
    }

    private static String json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return "Antwort ist JSON statt eines Feeds.";
        }
        Optional<String> error = errorMessage(root);
        return error.map(message -> "Antwort ist eine JSON-Fehlermeldung statt eines Feeds: „" + excerpt(message, 160) + "“.")
                .orElse("Antwort ist JSON statt eines Feeds.");
    }

    /** The message of an API error answer: {@code error}, {@code message}, {@code detail}, {@code errors[0].message}, … */
    private static Optional<String> errorMessage(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode error = root.path("error");
        JsonNode firstError = root.path("errors").path(0);
        boolean looksLikeError = !error.isMissingNode() || !firstError.isMissingNode() || root.path("status").asInt() >= 400
                || root.path("statusCode").asInt() >= 400 || root.path("code").asInt() >= 400 || root.has("fault");
        if (!looksLikeError) {
            return Optional.empty();
        }
        return Stream.of(error.path("message"), root.path("message"), root.path("detail"), root.path("error_description"),
                        firstError.path("message"), firstError.path("detail"), firstError.path("title"),
                        root.path("fault").path("faultstring"), error, root.path("title"), firstError)
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(message -> !message.isBlank())
                .findFirst()
                .or(() -> Optional.of("ohne Text, Status " + root.path("status").asText("?")));
    }

    private static String title(String html) {
        Matcher matcher = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(html);
        return matcher.find() ? excerpt(Jsoup.parse(matcher.group(1)).text(), 80) : "";
    }

    private static String excerpt(String text, int max) {
        String folded = text.replaceAll("\\s+", " ").strip();
        return folded.length() <= max ? folded : folded.substring(0, max).strip() + "…";
    }

    private record Marker(String provider, List<String> words) {
    }
}
