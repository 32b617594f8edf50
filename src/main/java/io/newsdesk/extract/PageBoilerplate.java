package io.newsdesk.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * What an element's tag, role and class/id names say about it: markup that never holds article text, page regions
 * that are boilerplate (navigation, comments, share bars, related-article teasers, cookie banners, captions), and
 * names that mark the article body. The names are matched as whole tokens of class and id values, split at
 * punctuation and camel case ("site-nav", "mainNav", "commentList"), or as the start of a token for the words that
 * sites compound ("sharebar", "relatedposts").
 */
final class PageBoilerplate {

    /** Elements whose content is never article text. */
    static final String NON_TEXT_TAGS = "script, style, template, svg, math, iframe, object, embed, canvas, "
            + "video, audio, map, select, input, button, textarea, option, dialog, link, meta, title";

    private static final int NOSCRIPT_ARTICLE_CHARS = 200;
    private static final double GALLERY_CAPTION_SHARE = 0.5;
    private static final Set<String> REGION_TAGS = Set.of("nav", "aside", "footer", "menu");
    private static final Set<String> REGION_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert",
            "toolbar");
    private static final Set<String> BOILERPLATE_TOKENS = Set.of(
            "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
            "comment", "comments", "related", "promo", "newsletter", "cookie", "cookies", "consent", "gdpr",
            "footer", "sidebar", "ad", "ads", "advert", "advertisement", "adv", "sponsored", "sponsor", "subscribe",
            "subscription", "popup", "modal", "overlay", "teaser", "teasers", "recommended", "recommendations",
            "caption", "credit", "credits", "tags", "tag", "taglist", "pagination", "pager", "trending", "popular",
            "mostread", "outbrain", "taboola", "disqus", "widget", "widgets", "banner", "toolbar", "masthead",
            "byline", "author", "bio", "signup", "login", "paywall", "print", "rss", "more", "readmore",
            "readnext", "next", "prev", "previous", "skip", "jump",
            "tools", "utility", "feedback", "rating", "reactions", "follow", "donate", "meta", "postmeta",
            "entrymeta", "categories", "category", "topics", "keywords", "shoutbox", "remark", "replies", "reply");
    /** Names of reader comments besides those that start with "comment". */
    private static final Set<String> COMMENT_TOKENS = Set.of("disqus", "replies", "reply", "remark", "shoutbox",
            "discussion", "respond");
    /** Names that hide an element, as the {@code hidden} attribute does, whatever other names it has. */
    private static final Set<String> HIDDEN_TOKENS = Set.of("hidden", "hide", "visuallyhidden", "sronly");
    private static final Set<String> BOILERPLATE_STEMS = Set.of(
            "comment", "share", "social", "related", "sidebar", "newsletter", "cookie", "breadcrumb", "subscri",
            "promo", "advert", "sponsor", "widget", "popup", "footer", "navbar", "teaser", "recommend", "trending",
            "outbrain", "taboola", "disqus", "caption", "paywall");
    private static final Set<String> NOT_BOILERPLATE = Set.of(
            "commentary", "shared", "adjacent", "additional", "address", "advance", "author-content", "tagline",
            "header", "more-content");
    private static final Pattern CONTENT_NAMES = Pattern.compile(
            "article|body|content|entry|main|post|story|text|blog|column|news|page|hentry|prose|rich",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTRY_TYPE = Pattern.compile("schema\\.org/\\w*(Article|BlogPosting)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERSON_TYPE = Pattern.compile("schema\\.org/Person\\b", Pattern.CASE_INSENSITIVE);
    /** The last word of compound names of an article's body ("entry-content", "article-body", "articleBody"). */
    private static final Set<String> BODY_TOKENS = Set.of("content", "body");
    private static final Pattern TOKEN_BREAK = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");

    private PageBoilerplate() {
    }

    /**
     * Removes the markup that never holds article text ({@link #NON_TEXT_TAGS}). A {@code noscript} element is the
     * page for readers without scripts: when it holds paragraphs of some length (a blog that renders its posts with a
     * script) its content stays in place of the element; otherwise (a tracking pixel, "please enable JavaScript") it
     * goes. Figure captions go too, unless the page is a gallery ({@link #isGallery}). Each element's text is read once
     * or twice, so this stays linear in the page's size.
     */
    static void removeNonText(Element root) {
        for (Element noscript : root.select("noscript")) {
            if (noscript.parent() == null) {
                continue;
            }
            if (noscript.selectFirst("p") != null && noscript.text().length() >= NOSCRIPT_ARTICLE_CHARS) {
                noscript.unwrap();
            } else {
                noscript.remove();
            }
        }
        root.select(NON_TEXT_TAGS).remove();
        Elements captions = root.select("figcaption");
        if (isGallery(root, captions)) {
            captions.unwrap();
        } else {
            captions.remove();
        }
    }

    /**
     * Whether the page is a gallery: its figure captions hold half of its text or more, each slide's text written as
     * its picture's caption. On other pages captions describe pictures and are not article text.
     */
    private static boolean isGallery(Element root, Elements captions) {
        if (captions.isEmpty()) {
            return false;
        }
        int captionChars = 0;
        for (Element caption : captions) {
            captionChars += caption.text().length();
        }
        return captionChars >= GALLERY_CAPTION_SHARE * root.text().length();
    }

    /** Whether the element's tag or role marks a region of the page that is never the article. */
    static boolean isBoilerplateRegion(Element element) {
        if (REGION_TAGS.contains(element.normalName())
                || REGION_ROLES.contains(element.attr("role").toLowerCase(Locale.ROOT))) {
            return true;
        }
        // A page header; an article's own header holds its headline and standfirst.
        return element.normalName().equals("header") && element.closest("article") == null;
    }

    /**
     * Whether the element is hidden or its class/id names mark it as boilerplate: weaker evidence, as a layout wrapper
     * may be named so ("has-sidebar") or be hidden until a script shows it.
     */
    static boolean looksLikeBoilerplate(Element element) {
        return isHidden(element) || isAuthor(element)
                || !isQuote(element) && !isMarkedEntry(element) && !hasArticleBodyName(element)
                && hasBoilerplateName(element.className() + " " + element.id());
    }

    /** Whether one of the element's class/id names says reader comments ("comments", "commentlist", "disqus"). */
    static boolean isNamedAsComments(Element element) {
        for (String token : TOKEN_BREAK.split(element.className() + " " + element.id())) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.startsWith("comment") || COMMENT_TOKENS.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the element is hidden, by an attribute, its style or a name that hides it. */
    private static boolean isHidden(Element element) {
        return element.hasAttr("hidden") || "true".equalsIgnoreCase(element.attr("aria-hidden"))
                || isHiddenByStyle(element.attr("style")) || hasName(element, HIDDEN_TOKENS);
    }

    /**
     * A block quote is the article's, whatever it is named: a site's own class for it may split into a boilerplate
     * word ({@code edTag}: "ed", "tag").
     */
    private static boolean isQuote(Element element) {
        return element.normalName().equals("blockquote");
    }

    /**
     * Whether the element marks itself, by schema.org microdata, as the article's author ({@code itemprop=author}, an
     * {@code itemtype} Person): a byline or the author's box with a portrait and a bio, never the article's text.
     */
    private static boolean isAuthor(Element element) {
        return element.attr("itemprop").equalsIgnoreCase("author")
                || PERSON_TYPE.matcher(element.attr("itemtype")).find();
    }

    /**
     * Whether the element marks itself as the entry (the article) by microformats ({@code hentry}, {@code h-entry}) or
     * schema.org microdata ({@code itemtype} an Article or a BlogPosting). Its other class names then describe the
     * article's subject, not a page region: blog engines write the post's categories and tags into its class
     * ({@code category-news tag-elections}), which must not read as a tag list.
     */
    static boolean isMarkedEntry(Element element) {
        for (String word : element.classNames()) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("hentry") || lower.equals("h-entry")) {
                return true;
            }
        }
        return ENTRY_TYPE.matcher(element.attr("itemtype")).find();
    }

    /** +1 for names of the article body ("entry-content", itemprop=articleBody), -1 for boilerplate names, else 0. */
    static int nameEvidence(Element element) {
        String names = element.className() + " " + element.id();
        if (element.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return 2;
        }
        if (isMarkedEntry(element) || hasArticleBodyName(element)) {
            return 1;
        }
        if (hasBoilerplateName(names)) {
            return -1;
        }
        return CONTENT_NAMES.matcher(names).find() ? 1 : 0;
    }

    /**
     * Whether one of the element's names is a compound that ends in "content" or "body" ("entry-content",
     * "article-body", "field-name-body") with no boilerplate word in it (unlike "comment-content", "sidebar-body"). Its
     * other names then describe a style or a behaviour ("no-share", "sticky-sidebar-relative"), not a page region, as
     * Mozilla Readability lets an unlikely name stand when a body name comes with it. Names that hide it still count.
     */
    private static boolean hasArticleBodyName(Element element) {
        for (String word : (element.className() + " " + element.id()).strip().split("\\s+")) {
            String[] tokens = TOKEN_BREAK.split(word);
            if (tokens.length < 2 || !BODY_TOKENS.contains(tokens[tokens.length - 1].toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean boilerplate = false;
            for (String token : tokens) {
                boilerplate |= isBoilerplateToken(token.toLowerCase(Locale.ROOT));
            }
            if (!boilerplate) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasName(Element element, Set<String> tokens) {
        for (String token : TOKEN_BREAK.split(element.className() + " " + element.id())) {
            if (tokens.contains(token.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBoilerplateName(String names) {
        if (names.isBlank()) {
            return false;
        }
        for (String word : names.strip().split("\\s+")) {
            if (NOT_BOILERPLATE.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String token : TOKEN_BREAK.split(word)) {
                if (isBoilerplateToken(token.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isBoilerplateToken(String lower) {
        return (BOILERPLATE_TOKENS.contains(lower) || startsWithStem(lower)) && !NOT_BOILERPLATE.contains(lower);
    }

    private static boolean startsWithStem(String token) {
        for (String stem : BOILERPLATE_STEMS) {
            if (token.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHiddenByStyle(String style) {
        if (style.isEmpty()) {
            return false;
        }
        String compact = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }
}
