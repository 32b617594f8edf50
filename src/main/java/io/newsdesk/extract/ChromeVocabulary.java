package io.newsdesk.extract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Words and phrases that navigation, share bars, consent banners and credits are made of. */
final class ChromeVocabulary {

    // Single words are ordinary English too, so they are weighed by how much of a line they make up.
    private static final Set<String> NAVIGATION_WORDS = Set.of(
            "search", "close", "menu", "home", "share", "reply", "replies", "comment", "comments", "subscribe",
            "login", "logout", "register", "newsletter", "advertisement", "sponsored", "cookie", "cookies", "tags",
            "author", "related", "trending", "recommended", "facebook", "twitter", "whatsapp", "linkedin",
            "telegram", "reddit", "pinterest", "email", "print");

    // Phrases rarely occur in prose, so each one counts fully.
    private static final List<String> CHROME_PHRASES = List.of(
            "sign in", "sign up", "log in", "skip to", "read more", "see more", "load more", "view all", "see all",
            "more like this", "you may also like", "previous post", "next post", "previous article",
            "next article", "story continues", "first published", "originally published", "all rights reserved",
            "privacy policy", "terms of use", "terms of service", "use cookies", "use of cookies", "cookie policy",
            "cookie settings", "accept all", "you agree to", "follow us", "back to top", "click here");

    private ChromeVocabulary() {
    }

    static int navigationWords(String line) {
        return (int) Arrays.stream(tokens(line).split(" ")).filter(NAVIGATION_WORDS::contains).count();
    }

    static int chromePhrases(String line) {
        String tokens = " " + tokens(line) + " ";
        return (int) CHROME_PHRASES.stream().filter(phrase -> tokens.contains(" " + phrase + " ")).count();
    }

    /** Lower-case words separated by single spaces; run-together menu words ("HomeMicro") are split apart. */
    private static String tokens(String line) {
        return line.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
