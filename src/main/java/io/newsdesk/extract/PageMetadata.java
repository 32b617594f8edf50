package io.newsdesk.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about its article, each field from the first source that has it, or null:
 *
 * <ul>
 *   <li>title: og:title, twitter:title, the JSON-LD article's headline, the {@code <title>} without the site name,
 *       the first {@code <h1>};</li>
 *   <li>publishedAt: the JSON-LD article's datePublished, article:published_time, microdata datePublished, the
 *       publication-date {@code <meta>} names of common publishing tools, the first {@code <time datetime>} (or
 *       other element with a datetime), a microformats {@code abbr.published}, the first {@code <time>}'s text, the
 *       text of an element classed as the publication date;</li>
 *   <li>canonicalUrl: {@code <link rel=canonical>}, og:url (absolute http(s) URLs only);</li>
 *   <li>language: {@code <html lang>}, {@code <meta http-equiv=content-language>}, og:locale;</li>
 *   <li>author: the JSON-LD article's author name(s), {@code <meta name=author>}, article:author when it is a name,
 *       dc.creator, the byline;</li>
 *   <li>siteName: og:site_name, the JSON-LD publisher's name, application-name.</li>
 * </ul>
 */
public record PageMetadata(String title, Instant publishedAt, String canonicalUrl, String language, String author,
        String siteName) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of(
            "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "liveblogposting",
            "opinionnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "report", "webpage");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—·•:»]\\s+");
    private static final int MAX_FIELD_LENGTH = 1000;
    private static final int MAX_BYLINE_CHARS = 100;
    /** Where the name starts in a byline: after its "By" (or the German, French, Spanish, Italian, Dutch word). */
    private static final Pattern BYLINE_BY = Pattern.compile("(?iu)(^|\\s)(by|von|par|por|di|door)\\b:?\\s*");
    private static final List<String> BYLINE_SELECTORS = List.of("[itemprop=author]", "[rel=author]",
            ".byline, .author, .author-name, .byline-name, .p-author");
    /** A name has letters: a byline element's "1" is its comment count. */
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
    /** Mozilla Readability's byline names, read anywhere in a class or id ("writer-name", "byline-details__link"). */
    private static final Pattern BYLINE_NAMES = Pattern.compile("(?i)byline|author|dateline|writtenby|writer");
    private static final Pattern UTC_SUFFIX = Pattern.compile("\\s*\\b(UTC|GMT)$");
    /** "2016-12-13 22:33:06": the ISO date and time with a space between them. */
    private static final Pattern ISO_SPACE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d)\\s+(\\d\\d:\\d\\d)");
    private static final List<DateTimeFormatter> ZONED_FORMATS = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH));
    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM d, yyyy[ h:mm a]")
                    .toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM d, yyyy[ h:mm a]")
                    .toFormatter(Locale.ENGLISH));

    /** Reads the metadata of a parsed page (before anything is removed from it). */
    public static PageMetadata read(Document page) {
        List<JsonNode> articles = jsonLdArticles(page);
        String siteName = first(meta(page, "og:site_name"), jsonLdText(articles, "publisher", "name"),
                meta(page, "application-name"));
        String title = first(withoutKnownSiteName(meta(page, "og:title"), siteName),
                withoutKnownSiteName(meta(page, "twitter:title"), siteName), jsonLdText(articles, "headline"),
                withoutSiteName(page.title(), siteName), text(page.selectFirst("h1")));
        Instant publishedAt = firstDate(jsonLdText(articles, "datePublished"), meta(page, "article:published_time"),
                meta(page, "og:published_time"), microdataDate(page), meta(page, "pubdate"),
                meta(page, "publishdate"), meta(page, "publish-date"), meta(page, "parsely-pub-date"),
                meta(page, "sailthru.date"), meta(page, "date"), meta(page, "dc.date"), meta(page, "dc.date.issued"),
                meta(page, "dcterms.created"), attribute(page.selectFirst("time[datetime]"), "datetime"),
                attribute(page.selectFirst("[datetime]"), "datetime"),
                attribute(page.selectFirst("abbr.published[title]"), "title"), text(page.selectFirst("time")),
                text(page.selectFirst(".published, .published-date, .publish-date, .pubdate")));
        String canonical = first(httpUrl(attribute(page.selectFirst("link[rel=canonical][href]"), "abs:href")),
                httpUrl(meta(page, "og:url")));
        String language = first(page.selectFirst("html") == null ? null : page.selectFirst("html").attr("lang"),
                meta(page, "content-language"), locale(meta(page, "og:locale")));
        String author = first(jsonLdAuthors(articles), person(meta(page, "author")), person(meta(page,
                "article:author")), person(meta(page, "dc.creator")), byline(page));
        return new PageMetadata(clean(title), publishedAt, canonical, clean(language), clean(author), clean(siteName));
    }

    /** The content of the first {@code <meta>} whose property, name or http-equiv is {@code key}. */
    private static String meta(Document page, String key) {
        for (Element meta : page.getElementsByTag("meta")) {
            if (meta.attr("property").equalsIgnoreCase(key) || meta.attr("name").equalsIgnoreCase(key)
                    || meta.attr("http-equiv").equalsIgnoreCase(key) || meta.attr("itemprop").equalsIgnoreCase(key)) {
                String content = meta.attr("content");
                if (!content.isBlank()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static List<JsonNode> jsonLdArticles(Document page) {
        List<JsonNode> articles = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                collectArticles(JSON.readTree(script.data()), articles);
            } catch (Exception malformed) {
                // A page's broken JSON-LD is no reason to refuse the page; the other sources remain.
            }
        }
        return articles;
    }

    private static void collectArticles(JsonNode node, List<JsonNode> articles) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collectArticles(item, articles));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isArticleType(node.get("@type"))) {
            articles.add(node);
        }
        collectArticles(node.get("@graph"), articles);
        collectArticles(node.get("mainEntity"), articles);
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode item : type) {
                if (isArticleType(item)) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    /** The first text value at the path in the JSON-LD articles, WebPage last. */
    private static String jsonLdText(List<JsonNode> articles, String... path) {
        for (JsonNode article : articles) {
            JsonNode value = article;
            for (String key : path) {
                value = value.isArray() && !value.isEmpty() ? value.get(0).get(key) : value.get(key);
                if (value == null) {
                    break;
                }
            }
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String jsonLdAuthors(List<JsonNode> articles) {
        for (JsonNode article : articles) {
            JsonNode author = article.get("author");
            if (author == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode one : author.isArray() ? author : List.of(author)) {
                String name = one.isTextual() ? person(one.asText()) : one.path("name").asText(null);
                if (name != null && !name.isBlank()) {
                    names.add(name.strip());
                }
            }
            if (!names.isEmpty()) {
                return String.join(", ", names);
            }
        }
        return null;
    }

    /** A person's name; a profile URL (article:author often is one) is not. */
    private static String person(String value) {
        return value == null || value.isBlank() || value.contains("://") ? null : value;
    }

    /** The page title without the site name: "Rail strike halts trains | Daily Courier" → "Rail strike halts trains". */
    private static String withoutSiteName(String title, String siteName) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String[] parts = TITLE_SEPARATOR.split(title.strip());
        if (parts.length < 2) {
            return title;
        }
        String withoutKnown = withoutKnownSiteName(title, siteName);
        if (!withoutKnown.equals(title)) {
            return withoutKnown;
        }
        // Without a known site name, the longest part is the headline, the short one the site's name.
        String longest = parts[0];
        for (String part : parts) {
            longest = part.length() > longest.length() ? part : longest;
        }
        return longest.length() >= title.length() / 2 ? longest : title;
    }

    /** schema.org microdata on any element: {@code itemprop=datePublished} with content, datetime or text. */
    private static String microdataDate(Document page) {
        Element element = page.selectFirst("[itemprop=datePublished]");
        if (element == null) {
            return null;
        }
        return first(element.attr("content"), element.attr("datetime"), element.text());
    }

    /**
     * The article's byline where no metadata names the author, as Mozilla Readability finds it: an element marked as
     * the author by microdata, then one that links to the author ({@code rel=author}), then one named a byline, then
     * one with a byline word anywhere in its names, with a short text that has letters (a bio box is not a byline).
     * Of a byline that also holds the date or the section ("Jane Doe in News on Mar 9"), the microdata name or the
     * first link is the name; else the text after its "By".
     */
    private static String byline(Document page) {
        Stream<Element> marked = BYLINE_SELECTORS.stream().flatMap(selector -> page.select(selector).stream());
        // Walked only when no marked element names anyone.
        Stream<Element> named = Stream.of(page).flatMap(document -> document.getAllElements().stream())
                .filter(element -> BYLINE_NAMES.matcher(element.className() + " " + element.id()).find());
        return Stream.concat(marked, named).map(PageMetadata::bylineName).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static String bylineName(Element element) {
        Element named = element.selectFirst("[itemprop=name]");
        Element link = element.normalName().equals("a") ? element : element.selectFirst("a");
        String text = named != null ? named.text() : link != null ? link.text() : element.text();
        String[] afterBy = BYLINE_BY.split(text.strip());
        String name = afterBy[afterBy.length - 1].strip();
        return !HAS_LETTER.matcher(name).find() || name.length() > MAX_BYLINE_CHARS || name.contains("://") ? null
                : name;
    }

    /**
     * The title without the site's name when that name, case aside, is its first or last part: og:title too may carry
     * it ("… - CINEMABLEND"). Any other title is returned as it is.
     */
    private static String withoutKnownSiteName(String title, String siteName) {
        if (title == null || siteName == null || siteName.isBlank()) {
            return title;
        }
        String stripped = title.strip();
        String[] parts = TITLE_SEPARATOR.split(stripped);
        if (parts.length < 2) {
            return title;
        }
        String site = siteName.strip().toLowerCase(Locale.ROOT);
        if (parts[parts.length - 1].strip().toLowerCase(Locale.ROOT).equals(site)) {
            return stripped.substring(0, stripped.lastIndexOf(parts[parts.length - 1])).replaceAll(
                    "[\\s|\\-–—·•:»]+$", "");
        }
        if (parts[0].strip().toLowerCase(Locale.ROOT).equals(site)) {
            return stripped.substring(parts[0].length()).replaceAll("^[\\s|\\-–—·•:»]+", "");
        }
        return title;
    }

    private static Instant firstDate(String... candidates) {
        for (String candidate : candidates) {
            Instant instant = instant(candidate);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    /**
     * An RFC 3339 / ISO 8601 date-time (a space for the {@code T}, a {@code UTC} or {@code GMT} suffix and an offset
     * without a colon accepted), a local date-time (read as UTC), a date (midnight UTC), RFC 1123, Java's
     * {@code Date.toString()} or an English "December 1, 2016" with an optional time; else null.
     */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String original = value.strip();
        String iso = ISO_SPACE.matcher(UTC_SUFFIX.matcher(original).replaceFirst("Z")).replaceFirst("$1T$2")
                .replaceFirst("\\s*([+-]\\d\\d):?(\\d\\d)$", "$1:$2");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            // a local date-time, or another format
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // another format
        }
        for (DateTimeFormatter zoned : ZONED_FORMATS) {
            try {
                return ZonedDateTime.parse(original, zoned).toInstant();
            } catch (DateTimeParseException notThisFormat) {
                // the next one
            }
        }
        for (DateTimeFormatter local : LOCAL_FORMATS) {
            try {
                TemporalAccessor parsed = local.parseBest(original, LocalDateTime::from, LocalDate::from);
                return parsed instanceof LocalDateTime dateTime ? dateTime.toInstant(ZoneOffset.UTC)
                        : ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notThisFormat) {
                // the next one
            }
        }
        try {
            return LocalDate.parse(iso.length() >= 10 ? iso.substring(0, 10) : iso).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }

    private static String httpUrl(String value) {
        if (value == null) {
            return null;
        }
        String url = value.strip();
        return url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8) ? url : null;
    }

    private static String locale(String ogLocale) {
        return ogLocale == null ? null : ogLocale.strip().replace('_', '-');
    }

    private static String text(Element element) {
        return element == null ? null : element.text();
    }

    private static String attribute(Element element, String name) {
        return element == null ? null : element.attr(name);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Whitespace collapsed, entities already decoded by jsoup; null when blank or absurdly long. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = value.replaceAll("[\\s\\p{Z}]+", " ").strip();
        return collapsed.isEmpty() || collapsed.length() > MAX_FIELD_LENGTH ? null : collapsed;
    }
}
