package de.smartcity.catalogue.routes.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canonical story URLs: absolute, lower-case scheme and host, no default port, no fragment and no
 * tracking parameters. Only http and https links are stories; anything else is dropped.
 */
public final class CanonicalUrls {
    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid",
            "mc_eid", "igshid", "_hsenc", "_hsmi", "mkt_tok", "yclid", "wt_mc", "wt.mc_id", "piwik_campaign",
            "piwik_kwd", "pk_campaign", "pk_kwd", "pk_source", "pk_medium", "mtm_campaign", "mtm_source",
            "mtm_medium", "ref_src", "xtor");

    private CanonicalUrls() {
    }

    /**
     * @param link the link as the source gave it, possibly relative
     * @param base the URL of the feed or page it came from
     * @return the canonical URL, or empty for links that are not http(s) stories ({@code javascript:}, {@code data:}, …)
     */
    public static Optional<String> canonicalize(String link, URI base) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            URI resolved = base.resolve(new URI(link.strip().replace(" ", "%20")));
            String scheme = Optional.ofNullable(resolved.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
            if (!scheme.equals("http") && !scheme.equals("https") || resolved.getHost() == null) {
                return Optional.empty();
            }
            int port = resolved.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            String path = Optional.ofNullable(resolved.getRawPath()).filter(p -> !p.isEmpty()).orElse("/");
            String query = withoutTracking(resolved.getRawQuery());
            return Optional.of(scheme + "://" + resolved.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The part of a canonical URL that identifies a story: the same story under http and https, or with
     * and without {@code www.}, gets the same key and so the same item id.
     */
    public static String identityKey(String canonicalUrl) {
        URI uri = URI.create(canonicalUrl);
        String host = uri.getHost().startsWith("www.") ? uri.getHost().substring(4) : uri.getHost();
        return host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .filter(parameter -> !isTracking(parameter.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }
}
