package io.newsdesk.feed;

import io.newsdesk.store.DuplicateKind;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A story as the reader's page shows it: what the template prints, worked out here (numbers, labels, times) so that
 * the template only lays it out. Every string is printed escaped.
 *
 * @param summary   the story summary's sentences, or one sentence holding the representative's summary
 * @param outlets   each source and how many of the listed articles it published, most first
 * @param articles  the listed articles, numbered from 1 in the order shown; sentences cite these numbers
 */
record ReaderStory(long id, String title, List<Sentence> summary, String summaryNote, List<Outlet> outlets,
        List<Article> articles, int articleCount, int sourceCount, String updated, String updatedIso) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A summary sentence and the articles (by their number on the page) it comes from. */
    record Sentence(String text, List<Citation> sources) {
    }

    record Citation(int number, long articleId, String source) {
    }

    record Outlet(String name, int articles) {
    }

    record Article(int number, long id, String title, String url, String source, String published,
            String publishedIso, String kind) {
    }

    static ReaderStory of(StoryView story) {
        List<Article> articles = new ArrayList<>();
        Map<Long, Article> byId = new HashMap<>();
        Map<String, Integer> outlets = new LinkedHashMap<>();
        for (StoryView.Member member : story.articles()) {
            Article article = new Article(articles.size() + 1, member.id(), member.title(), linkable(member.url()),
                    member.source() == null ? "unknown source" : member.source(), SHOWN.format(member.publishedAt()),
                    member.publishedAt().toString(), kind(member.duplicateKind()));
            articles.add(article);
            byId.put(member.id(), article);
            outlets.merge(article.source(), 1, Integer::sum);
        }
        List<Sentence> summary;
        String note;
        StoryView.StorySummary storySummary = story.storySummary();
        if (storySummary != null && storySummary.text() != null) {
            summary = storySummary.sentences().stream().map(sentence -> new Sentence(sentence.text(),
                    sentence.sources().stream().filter(byId::containsKey).map(byId::get)
                            .map(a -> new Citation(a.number(), a.id(), a.source())).toList())).toList();
            note = "Summary of all " + story.articleCount() + " articles (" + label(storySummary.summarizer())
                    + (storySummary.status() == StoryView.StorySummaryStatus.PENDING ? ", being updated" : "") + ")";
        } else if (story.summary() != null) {
            summary = List.of(new Sentence(story.summary(), List.of()));
            note = "Summary of " + story.representative().source() + "'s article (" + label(story.summarizer()) + ")";
        } else {
            summary = List.of();
            note = "No summary yet";
        }
        List<Outlet> byCount = outlets.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> new Outlet(e.getKey(), e.getValue())).toList();
        return new ReaderStory(story.storyId(), story.title(), summary, note, byCount, articles, story.articleCount(),
                story.sourceCount(), SHOWN.format(story.updatedAt()), story.updatedAt().toString());
    }

    /** Only http(s) links (ingest accepts no other scheme; a page never links to a script). */
    private static String linkable(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    private static String kind(DuplicateKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case EXACT -> "copy";
            case NEAR_VERBATIM -> "near copy";
            case SAME_STORY -> "";
        };
    }

    private static String label(String summarizer) {
        return summarizer == null ? "pending" : summarizer.startsWith("extractive") ? "sentences picked offline"
                : "written by " + summarizer;
    }
}
