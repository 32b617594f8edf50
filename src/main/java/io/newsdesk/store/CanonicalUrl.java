package io.newsdesk.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The form of an article URL under which two submissions count as the same article: scheme and host lower-cased,
 * default port, fragment and tracking parameters dropped, trailing slash folded.
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
            "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid", "ito", "at_medium", "at_campaign",
            "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "s_cid", "smid", "sr_share");

    /** The scheme and a user-info part ("user:password@") of the authority. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    private CanonicalUrl() {
    }

    /** The URL, stripped, without user name and password: credentials are neither stored nor served back. */
    public static String withoutCredentials(String url) {
        return USER_INFO.matcher(url.strip()).replaceFirst("$1");
    }

    /** The canonical form, or {@link IllegalArgumentException} when the URL is not an absolute http(s) URL. */
    public static String of(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("must name a host");
        }
        StringBuilder canonical = new StringBuilder(scheme).append("://")
                .append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1 && uri.getPort() != defaultPort(scheme)) {
            canonical.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        canonical.append(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    /** The host a URL names, without a leading "www.", used as the default source. */
    public static String host(String url) {
        String host = URI.create(of(url)).getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> !parameter.isEmpty() && !isTracking(parameter.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("utm_") || TRACKING_PARAMETERS.contains(lower);
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
