package io.newsdesk.extract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The element filter of the HTML-to-text step before issue #13 ({@link HtmlTextExtractor}), kept for the evaluation's
 * baseline. Recognises the elements of a page that hold no article text: code, forms, navigation, share bars, banners.
 */
final class ChromeElements {

    private static final Set<String> CHROME_TAGS = Set.of(
            "script", "style", "noscript", "template", "iframe", "svg", "form", "button", "nav", "header", "footer",
            "aside");
    private static final Set<String> CHROME_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog");
    // Whole tokens of class and id values: "site-nav" and "mainNav" match "nav", "canvas" and "commentary" do not.
    private static final Set<String> CHROME_TOKENS = Set.of(
            "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
            "comment", "comments", "related", "promo", "newsletter", "cookie", "cookies", "consent", "footer",
            "sidebar", "ad", "ads", "advert", "advertisement", "sponsored", "subscribe", "popup", "modal", "teaser",
            "teasers", "recommended");

    private ChromeElements() {
    }

    static boolean isChrome(Element element) {
        boolean marked = isChromeTag(element)
                || CHROME_ROLES.contains(element.attr("role").toLowerCase(Locale.ROOT))
                || "true".equalsIgnoreCase(element.attr("aria-hidden"))
                || element.hasAttr("hidden")
                || hasChromeToken(element.className() + " " + element.id());
        // A layout wrapper may carry such a token ("has-sidebar"); the article inside it must survive.
        return marked && element.selectFirst("article, main") == null;
    }

    // An <article>'s own <header> holds its headline and standfirst, not site chrome.
    private static boolean isChromeTag(Element element) {
        String tag = element.normalName();
        return CHROME_TAGS.contains(tag) && !(tag.equals("header") && element.closest("article") != null);
    }

    private static boolean hasChromeToken(String classesAndId) {
        return Arrays.stream(classesAndId.split("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})"))
                .map(token -> token.toLowerCase(Locale.ROOT))
                .anyMatch(CHROME_TOKENS::contains);
    }
}
