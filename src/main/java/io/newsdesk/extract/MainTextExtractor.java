package io.newsdesk.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article in a web page and returns its paragraphs, headings, list items and block quotes, without the
 * page's navigation, teasers, captions, share bars, comments and banners.
 *
 * <ol>
 *   <li>Markup that never holds text (scripts, styles, forms' controls, captions) is removed, and so is every region
 *       whose tag or role marks it as boilerplate ({@link PageBoilerplate}) unless it holds the article element, and
 *       every hidden or boilerplate-named one unless it also holds most of the page's text or, unless named as
 *       comments, of its paragraphs.</li>
 *   <li>On a page that holds several whole articles, only the one under the heading with the page's title is
 *       searched.</li>
 *   <li>Each text block scores its ancestors (length, commas, as Mozilla Readability does); a container's score is
 *       weighed by its link density and its names. The best container is the article; the ancestor it shares with a
 *       rival of half its score, or its parent when that scores nearly as much, replaces it when the article is split
 *       into sections, and siblings that look like article text are taken along.</li>
 *   <li>Blocks inside are kept unless they are mostly link text (menus, teaser lists) or short labels.</li>
 *   <li>When that leaves little text, Readability4J's choice on the original page (pruned the same way) is taken if
 *       it has clearly more text and some prose; when nothing is left at all, every readable block that survived
 *       step 1: short texts are articles too.</li>
 * </ol>
 */
public final class MainTextExtractor {

    private static final Set<String> SCORED_BLOCKS = Set.of("p", "pre", "td", "blockquote", "li", "dd");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "td", "body", "form",
            "span", "font", "center", "dd", "blockquote");
    private static final Evaluator ARTICLE_ELEMENT = QueryParser.parse("article, main, [itemprop=articleBody]");
    private static final int MIN_SCORED_TEXT = 25;
    private static final double PROTECTED_SHARE = 0.6;
    private static final int PROTECTING_PARAGRAPHS = 1000;
    private static final double PARENT_TAKES_OVER = 0.75;
    private static final double SIBLING_SHARE = 0.2;
    private static final double RIVAL_SHARE = 0.5;
    private static final double MAX_BLOCK_LINK_DENSITY = 0.5;
    private static final int FALLBACK_BELOW_CHARS = 1000;
    private static final double FALLBACK_GAIN = 1.3;
    private static final int MIN_PROSE_WORDS = 6;
    private static final int PROSE_CHARS = 70;
    private static final double ENCLOSING_ARTICLE_SHARE = 0.6;
    private static final int MIN_ARTICLES = 2;
    private static final int MAX_FALLBACK_DEPTH = 200;
    private static final int MAX_FALLBACK_WIDTH = 5_000;
    private static final int WHOLE_ARTICLE_PARAGRAPHS = 500;
    private static final double LIST_ITEM_WEIGHT = 0.25;
    /** Items of lists and tables, short by nature: a list or a table that ends an article is part of it. */
    private static final Set<String> STRUCTURED_ITEMS = Set.of("li", "td", "th", "dd", "dt");
    private static final int MAX_CAPTION_CHARS = 300;
    private static final Pattern CAPTION_CREDIT = Pattern.compile(
            "(?iu)(\\||\\(|[.!?]\\p{Pf}?)\\s*(©|(photos?|fotos?|bild|image|credit)\\s*:)[^.!?:|©]{1,60}\\)?$");
    private static final Pattern PICTURE_CREDIT = Pattern.compile(
            "(?iu)^(photos?|fotos?|bild(er)?|images?|picture|credits?|crédits?|photo credit|bildquelle|foto ?credit)\\s*:"
                    + "|/\\s*(getty ?images|afp|dpa|reuters|ap|epa|shutterstock|istock(photo)?|imago|unsplash|pexels|"
                    + "picture alliance|keystone|ansa|efe|xinhua)\\s*$");
    /** Plural or counted only: a lone "Comment" or "Kommentar" is the kicker of an opinion piece, not its end. */
    private static final Pattern COMMENTS_HEADING = Pattern.compile(
            "(?iu)\\W*((\\d+\\s+)?comments|\\d+\\s+(comment|responses?|replies|reactions?)|reader comments|"
                    + "leave a (reply|comment)|(\\d+\\s+)?thoughts? on\\b.*|join the (discussion|conversation)|"
                    + "(\\d+\\s+)?kommentare|\\d*\\s*kommentare? zu\\b.*|schreibe einen kommentar|"
                    + "(\\d+\\s+)?commentaires|laisser un commentaire|(\\d+\\s+)?comentarios|deja un comentario|"
                    + "(\\d+\\s+)?commenti|lascia un commento|(\\d+\\s+)?reacties|(\\d+\\s+)?komentarze|"
                    + "(\\d+\\s+)?kommentarer|(\\d+\\s+)?yorumlar)\\W*(\\(\\d+\\))?\\W*");
    private static final double PROSE_LINK_DENSITY = 0.2;
    private static final int MAX_HOUSE_NOTICE_CHARS = 250;
    private static final int MAX_BIO_CHARS = 600;
    /** A sentence about a person: a name of two to four words, then what they are or do. */
    private static final Pattern PERSON_STATEMENT = Pattern.compile(
            "^(\\p{Lu}[\\p{L}.'’-]*\\s+){1,3}\\p{Lu}[\\p{L}'’-]*\\s+(is|was|has|writes|teaches|lives|works)\\b");
    private static final String CALL = "subscrib(e|ing)|sign(ing)? up|download|follow us|join us|click|tap|register";
    private static final String OWN_CHANNEL = "newsletters?|apps?|e-?edition|e-?paper|youtube channel";
    /** The reader told to act: a sentence opens with the call ("Sign up here", "Subscribe now for the full story"). */
    private static final Pattern IMPERATIVE_CALL = Pattern.compile("(?iu)(^|[.!?:]\\s+)(" + CALL + ")\\b.*\\b("
            + OWN_CHANNEL + "|full story|inbox|twitter|facebook|instagram|whatsapp|telegram|here|for free)\\b");
    /**
     * A call to use the site's own channel ("signing up to our newsletter", "download the Courier apps": a name, so
     * case-sensitive, where "the weekly newsletter" is an article's).
     */
    private static final Pattern CALL_TO_OWN_CHANNEL = Pattern.compile(
            "(?iu)\\b(" + CALL + ")\\b.*\\b(our|the (?-i:\\p{Lu})\\p{L}*) (" + OWN_CHANNEL + ")\\b");
    private static final Pattern DISCLAIMER = Pattern.compile(
            "(?iu)\\bnot (be )?responsible for the (opinions|views|content|statements)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!…。！]\\p{Pf}?\\)?$");

    public MainText extract(String html, String url) {
        Document page = Jsoup.parse(html, url == null ? "" : url);
        return extract(page, html, url, PageMetadata.read(page).title());
    }

    /**
     * @param page  the parsed page; it is changed (boilerplate removed)
     * @param html  the page as parsed, for the fallback, which needs a page of its own
     * @param title the article's title, which tells its text from the other articles of a page that holds several;
     *              may be null
     */
    public MainText extract(Document page, String html, String url, String title) {
        Element body = page.body();
        PageBoilerplate.removeNonText(body);
        TextStats stats = TextStats.of(body);
        // Readability4J walks the page recursively and rescans it from every candidate; it pretty-prints a copy of the
        // page and removes nodes one by one from parents that jsoup then renumbers, both costing the square of a
        // parent's children: on a page nested hundreds of levels deep, or with a parent of thousands of children (no
        // real page has either; a fuzzer's does), it runs for minutes or exhausts the thread's stack.
        boolean fallbackAffordable = stats.depth() <= MAX_FALLBACK_DEPTH && stats.width() <= MAX_FALLBACK_WIDTH;
        removeBoilerplate(body, stats);
        stats = TextStats.of(body);
        Element scope = titledArticle(body, title, stats);
        Article article = articleRoot(scope, stats);
        List<Blocks.Block> blocks = new ArrayList<>(lead(article, stats));
        blocks.addAll(keptBlocks(article.root()));
        List<String> paragraphs = texts(withoutEdgeNotices(blocks));
        // Readability's choice has more text than a short titled article only by taking in the others.
        if (scope == body && fallbackAffordable && length(paragraphs) < FALLBACK_BELOW_CHARS) {
            List<String> readability = readability(html, url);
            if (length(readability) > FALLBACK_GAIN * length(paragraphs) && hasProse(readability)) {
                paragraphs = readability;
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs = Blocks.of(body).stream().map(Blocks.Block::text).toList();
        }
        return new MainText(paragraphs);
    }

    private static void removeBoilerplate(Element body, TextStats stats) {
        int pageText = Math.max(1, stats.text(body));
        // The paragraphs too: an article collapsed behind "read more" (hidden, or named so, until a script shows it)
        // holds most of the page's paragraphs while the page's menus and lists outweigh it in all text. Not a comment
        // thread, which under a short article may hold most of the paragraphs too.
        int pageParagraphs = Math.max(1, stats.paragraphText(body));
        List<Element> doomed = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element) || element == body) {
                    return FilterResult.CONTINUE;
                }
                boolean boilerplate = PageBoilerplate.isBoilerplateRegion(element)
                        || PageBoilerplate.looksLikeBoilerplate(element) && stats.text(element) < PROTECTED_SHARE * pageText
                        && !(holdsMostParagraphs(stats.paragraphText(element), pageParagraphs)
                                && !PageBoilerplate.isNamedAsComments(element));
                if (boilerplate && element.selectFirst(ARTICLE_ELEMENT) == null) {
                    doomed.add(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        doomed.forEach(Element::remove);
    }

    /**
     * Whether an element's paragraphs are most of the page's and an article's worth ({@value #PROTECTING_PARAGRAPHS}
     * characters or more): on a page whose text is not in paragraphs, a hidden pop-up's two may be all it has.
     */
    private static boolean holdsMostParagraphs(int paragraphText, int pageParagraphs) {
        return paragraphText >= PROTECTING_PARAGRAPHS && paragraphText >= PROTECTED_SHARE * pageParagraphs;
    }

    /**
     * The article's container (the best-scoring one, or its parent, or the whole body, possibly with siblings, then a
     * detached wrapper) and the first element of the page it starts with.
     */
    private record Article(Element root, Element start, int text) {
    }

    /**
     * Where to look for the article. A page may hold several whole articles, each marked as one (a stream of short
     * posts, or the next article loaded below this one for endless scrolling), and the longest is not always this
     * page's. When {@value #MIN_ARTICLES} or more article elements hold {@value #WHOLE_ARTICLE_PARAGRAPHS} characters
     * of paragraphs each, and the heading with the page's title belongs to one of them (it is inside, or the nearest
     * ancestor of the heading that holds any of them holds only that one), that one is the scope; otherwise the whole
     * body.
     */
    private static Element titledArticle(Element body, String title, TextStats stats) {
        String wanted = title == null ? "" : ChromeStripper.comparable(title);
        if (wanted.isEmpty()) {
            return body;
        }
        List<Element> whole = body.select(ARTICLE_ELEMENT).stream()
                .filter(element -> stats.paragraphText(element) >= WHOLE_ARTICLE_PARAGRAPHS).toList();
        if (whole.size() < MIN_ARTICLES) {
            return body;
        }
        // The innermost: a <main> around two articles is not a third. Each walk up stops where another has been,
        // so this is linear in the page, however many articles it has.
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element element : whole) {
            for (Element up = element.parent(); up != null && holders.add(up); up = up.parent()) {
            }
        }
        List<Element> articles = whole.stream().filter(element -> !holders.contains(element)).toList();
        if (articles.size() < MIN_ARTICLES) {
            return body;
        }
        Element heading = body.select("h1, h2, h3").stream()
                .filter(h -> ChromeStripper.comparable(h.text()).equals(wanted)).findFirst().orElse(null);
        if (heading == null) {
            return body;
        }
        // The heading belongs to the one article under its nearest ancestor that holds any.
        List<Element> line = lineOf(heading);
        Map<Element, Integer> levels = meetingLevels(line, articles);
        int nearest = levels.values().stream().min(Integer::compare).orElseThrow();
        List<Element> atNearest = articles.stream().filter(article -> levels.get(article) == nearest).toList();
        return atNearest.size() == 1 && nearest < line.indexOf(body) ? atNearest.get(0) : body;
    }

    /** The element and its ancestors, the element first. */
    private static List<Element> lineOf(Element element) {
        List<Element> line = new ArrayList<>();
        for (Element up = element; up != null; up = up.parent()) {
            line.add(up);
        }
        return line;
    }

    /**
     * For each of {@code elements}, the index in {@code line} (an element and its ancestors, {@link #lineOf}) of the
     * lowest of them that holds it: 0 when the line's first element does. Each walk up ends on the line or where an
     * earlier walk went, so this is linear in the page however many elements are asked about: a fuzzed page nests
     * thousands of elements deep.
     */
    private static Map<Element, Integer> meetingLevels(List<Element> line, Collection<Element> elements) {
        Map<Element, Integer> level = new IdentityHashMap<>();
        for (int i = 0; i < line.size(); i++) {
            level.putIfAbsent(line.get(i), i);
        }
        Map<Element, Integer> levels = new IdentityHashMap<>();
        for (Element element : elements) {
            List<Element> path = new ArrayList<>();
            Element up = element;
            while (up != null && !level.containsKey(up)) {
                path.add(up);
                up = up.parent();
            }
            int meets = up == null ? line.size() : level.get(up);
            path.forEach(walked -> level.put(walked, meets));
            levels.put(element, meets);
        }
        return levels;
    }

    /**
     * The element whose blocks are the article: the best-scoring container within {@code scope} (the body, or the titled
     * article), or its parent, or the whole scope.
     */
    private static Article articleRoot(Element scope, TextStats stats) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element block : scope.getAllElements()) {
            if (!isScoredBlock(block)) {
                continue;
            }
            int length = stats.text(block);
            if (length < MIN_SCORED_TEXT) {
                continue;
            }
            double score = (1 + stats.commas(block) + Math.min(length / 100.0, 3)) * (block.normalName().equals("li") ? LIST_ITEM_WEIGHT : 1);
            Element ancestor = block.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
                if (ancestor == scope) {
                    break;
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = weighted(entry.getKey(), entry.getValue(), stats);
            entry.setValue(score);
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return new Article(scope, scope, stats.text(scope));
        }
        best = commonAncestorOfRivals(best, bestScore, scores, scope);
        while (best.parent() != null && best != scope) {
            Element parent = best.parent();
            Double parentScore = scores.get(parent);
            boolean onlyChild = parent.childrenSize() == 1;
            if (!onlyChild && (parentScore == null || parentScore < PARENT_TAKES_OVER * bestScore)) {
                break;
            }
            best = parent;
        }
        // The scope's siblings are the page's other articles.
        return best == scope ? new Article(scope, scope, stats.text(scope)) : withSiblings(best, scores, bestScore, stats);
    }


    /**
     * An article in several sections scores in each of them: when another container, neither inside nor around the
     * best one, scores at least {@value #RIVAL_SHARE} of it, the closest ancestor the best one shares with such a rival
     * is the article (boilerplate regions are gone by now, so a rival is article text more often than not).
     */
    private static Element commonAncestorOfRivals(Element best, double bestScore, Map<Element, Double> scores,
            Element body) {
        List<Element> line = lineOf(best);
        List<Element> strong = scores.entrySet().stream().filter(entry -> entry.getValue() >= RIVAL_SHARE * bestScore)
                .map(Map.Entry::getKey).toList();
        Map<Element, Integer> levels = meetingLevels(line, strong);
        // A rival is neither inside the best container (level 0) nor one of its ancestors (on its line).
        int nearest = strong.stream().filter(element -> isRival(element, levels.get(element), line))
                .mapToInt(levels::get).min().orElse(Integer.MAX_VALUE);
        return nearest < line.indexOf(body) ? line.get(nearest) : best;
    }

    private static boolean isRival(Element element, int level, List<Element> line) {
        return level > 0 && level < line.size() && line.get(level) != element;
    }

    private static boolean isScoredBlock(Element element) {
        String tag = element.normalName();
        if (SCORED_BLOCKS.contains(tag)) {
            return true;
        }
        // A <div> used as a paragraph: text of its own and no block inside.
        return CONTAINERS.contains(tag) && !element.ownText().isBlank() && !hasBlockChild(element);
    }

    private static boolean hasBlockChild(Element element) {
        for (Element child : element.children()) {
            if (child.isBlock()) {
                return true;
            }
        }
        return false;
    }

    private static double weighted(Element candidate, double score, TextStats stats) {
        double tagScore = switch (candidate.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ol", "ul", "dl", "dd", "dt", "li", "form", "address" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        double names = 25 * PageBoilerplate.nameEvidence(candidate);
        return (score + tagScore + names) * (1 - stats.linkDensity(candidate));
    }

    /** The candidate alone, or a wrapper of it and those of its siblings that hold article text too. */
    private static Article withSiblings(Element best, Map<Element, Double> scores, double bestScore, TextStats stats) {
        Element parent = best.parent();
        if (parent == null) {
            return new Article(best, best, stats.text(best));
        }
        double threshold = Math.max(10, bestScore * SIBLING_SHARE);
        Element wrapper = new Element("div");
        Element start = null;
        int text = 0;
        for (Element sibling : new ArrayList<>(parent.children())) {
            if (sibling == best || scores.getOrDefault(sibling, 0.0) >= threshold || isLooseParagraph(sibling, stats)) {
                wrapper.appendChild(sibling.clone());
                start = start == null ? sibling : start;
                text += stats.text(sibling);
            }
        }
        return wrapper.childrenSize() == 1 ? new Article(best, best, text) : new Article(wrapper, start, text);
    }

    /**
     * The article's lead: paragraphs of prose that precede its container inside the closest {@code <article>} or
     * {@code <main>} element around it, when the container holds most of that element's text
     * ({@value #ENCLOSING_ARTICLE_SHARE} or more). Pages set the standfirst or intro beside the body's container
     * rather than in it; headlines, bylines and dates there are short and stay out.
     */
    private static List<Blocks.Block> lead(Article article, TextStats stats) {
        Element start = article.start();
        for (Element ancestor = start.parent(); ancestor != null; ancestor = ancestor.parent()) {
            String tag = ancestor.normalName();
            if (tag.equals("article") || tag.equals("main")) {
                if (article.text() < ENCLOSING_ARTICLE_SHARE * stats.text(ancestor)) {
                    return List.of();
                }
                List<Blocks.Block> lead = new ArrayList<>();
                for (Blocks.Block block : Blocks.before(ancestor, start)) {
                    if (block.text().length() >= PROSE_CHARS && block.linkDensity() <= PROSE_LINK_DENSITY
                            && !isCopyrightLine(block.text())) {
                        lead.add(block);
                    }
                }
                return lead;
            }
        }
        return List.of();
    }

    private static boolean isLooseParagraph(Element sibling, TextStats stats) {
        if (!sibling.normalName().equals("p")) {
            return false;
        }
        int length = stats.text(sibling);
        double linkDensity = stats.linkDensity(sibling);
        String text = sibling.text();
        return length > 80 && linkDensity < 0.25
                || length > 0 && linkDensity == 0 && text.matches(".*[.!?…]\\p{Pf}?\\s*$");
    }

    private static List<Blocks.Block> keptBlocks(Element root) {
        List<Blocks.Block> kept = new ArrayList<>();
        for (Blocks.Block block : Blocks.of(root)) {
            if (block.linkDensity() > MAX_BLOCK_LINK_DENSITY || isPictureCredit(block) || isHouseNotice(block)) {
                continue;
            }
            kept.add(block);
        }
        return kept;
    }

    /**
     * Picture credits that sit in the article's flow without a caption element: short blocks that are not sentences
     * and carry a credit label ("Photo:", "Foto:", "Bild:", "Credit:"), a copyright sign, or end in a picture agency
     * ("Augusta National/Getty Images").
     */
    static boolean isPictureCredit(Blocks.Block block) {
        String text = block.text();
        if (text.length() < PROSE_CHARS && !SENTENCE_END.matcher(text).find()
                && (text.indexOf('©') >= 0 || PICTURE_CREDIT.matcher(text).find())) {
            return true;
        }
        return text.length() < MAX_CAPTION_CHARS && CAPTION_CREDIT.matcher(text).find();
    }

    /**
     * The site's own notices, whole sentences that are not the article's: calls to the reader to subscribe, sign up for
     * the newsletter, download the apps or follow the site ("Subscribe now to our e-edition for the full story."), and
     * disclaimers for contributors' opinions. Short blocks only, and the call must be the reader's (an imperative) or
     * the site's channel ("our newsletter"): an article may well say that readers can sign up for a newsletter.
     */
    private static boolean isHouseNotice(Blocks.Block block) {
        String text = block.text();
        return text.length() <= MAX_HOUSE_NOTICE_CHARS && (DISCLAIMER.matcher(text).find()
                || IMPERATIVE_CALL.matcher(text).find() || CALL_TO_OWN_CHANNEL.matcher(text).find());
    }

    private static List<String> texts(List<Blocks.Block> blocks) {
        return blocks.stream().map(Blocks.Block::text).toList();
    }

    /**
     * The blocks less the notices that end them: copyright lines, link-heavy blocks, and short blocks that are neither
     * sentences nor list items (jusText's context rule with the document's end counting as boilerplate: a short block
     * is article text when article text follows it). Such tails are house notices, credits, labels and prompts
     * ("Release Date:", "Foto: …", "Sign up here"). Only the end is trimmed: the start of an article holds its
     * headings, which are short too.
     */
    static List<Blocks.Block> withoutEdgeNotices(List<Blocks.Block> blocks) {
        int end = blocks.size();
        boolean prose = false;
        for (int i = 0; i < blocks.size(); i++) {
            if (prose && isCommentsHeading(blocks.get(i))) {
                end = i;
                break;
            }
            prose |= blocks.get(i).text().length() >= PROSE_CHARS;
        }
        while (end > 0 && isNotice(blocks.get(end - 1))) {
            end--;
        }
        return end == 0 ? blocks : blocks.subList(0, end);
    }

    /**
     * A heading that opens the readers' comments ("Comments", "3 Responses", "Leave a Reply", "Kommentare"): after a
     * paragraph of prose, the article has ended, and what follows is comments or the page's furniture under them.
     */
    private static boolean isCommentsHeading(Blocks.Block block) {
        return block.tag().length() == 2 && block.tag().charAt(0) == 'h' && block.text().length() <= 60
                && COMMENTS_HEADING.matcher(block.text()).matches();
    }

    /**
     * A block that reads as a notice rather than article text: a copyright line, a block with many links, an italic
     * author bio, or a short one (under {@value #PROSE_CHARS} characters) that is not an item of a list or a table and
     * either has a link (jusText's rule for short blocks) or is not a sentence of three words or more (a label, a name,
     * a credit, a prompt).
     */
    private static boolean isNotice(Blocks.Block block) {
        String text = block.text();
        if (isCopyrightLine(text) || block.linkDensity() > PROSE_LINK_DENSITY || isAuthorBio(block)) {
            return true;
        }
        if (text.length() >= PROSE_CHARS || STRUCTURED_ITEMS.contains(block.tag())) {
            return false;
        }
        return block.linkChars() > 0 || !SENTENCE_END.matcher(text).find() || text.split("\\s+").length < 3;
    }

    /**
     * The author's bio that closes an opinion piece, set apart in italics: "<em>Jane Doe is the founder of …</em>".
     */
    private static boolean isAuthorBio(Blocks.Block block) {
        return block.emphasized() && block.text().length() <= MAX_BIO_CHARS
                && PERSON_STATEMENT.matcher(block.text()).find();
    }

    private static boolean isCopyrightLine(String text) {
        return text.indexOf('©') >= 0 || text.regionMatches(true, 0, "copyright", 0, 9);
    }

    /** Readability4J's article on a page of its own, pruned and filtered as ours is. */
    private static List<String> readability(String html, String url) {
        Element content = new Readability4J(url == null ? "" : url, html).parse().getArticleContent();
        if (content == null) {
            return List.of();
        }
        PageBoilerplate.removeNonText(content);
        removeBoilerplate(content, TextStats.of(content));
        return texts(withoutEdgeNotices(keptBlocks(content)));
    }

    /** Whether any paragraph reads as a sentence rather than a label or a row of links. */
    private static boolean hasProse(List<String> paragraphs) {
        return paragraphs.stream().anyMatch(paragraph -> paragraph.split("\\s+").length >= MIN_PROSE_WORDS);
    }

    private static int length(List<String> paragraphs) {
        return paragraphs.stream().mapToInt(String::length).sum();
    }

    /** The text of an element as paragraphs, one per block element, for evaluating other extractors alike. */
    static String paragraphsOf(Element root) {
        return String.join("\n\n", Blocks.of(root).stream().map(Blocks.Block::text).toList());
    }

    /** Text, link-text and paragraph-text lengths of every element of a page, counted in one pass. */
    static final class TextStats {
        private final Map<Element, int[]> lengths = new IdentityHashMap<>();
        private int depth;
        private int width;

        static TextStats of(Element root) {
            TextStats stats = new TextStats();
            NodeTraversor.traverse(new NodeVisitor() {
                private int insideLinks;

                @Override
                public void head(Node node, int depth) {
                    stats.depth = Math.max(stats.depth, depth);
                    stats.width = Math.max(stats.width, node.childNodeSize());
                    if (node instanceof Element element && element.normalName().equals("a")) {
                        insideLinks++;
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof TextNode text) {
                        String value = text.text().strip();
                        if (!value.isEmpty() && text.parent() != null) {
                            int[] own = stats.lengths.computeIfAbsent((Element) text.parent(), e -> new int[4]);
                            own[0] += value.length();
                            own[1] += insideLinks > 0 ? value.length() : 0;
                            own[2] += commas(value);
                        }
                    } else if (node instanceof Element element) {
                        if (element.normalName().equals("a")) {
                            insideLinks--;
                        }
                        int[] own = stats.lengths.get(element);
                        if (own != null && element.normalName().equals("p")) {
                            own[3] = own[0] - own[1];
                        }
                        if (own != null && element != root && element.parent() != null) {
                            int[] parent = stats.lengths.computeIfAbsent(element.parent(), e -> new int[4]);
                            for (int i = 0; i < own.length; i++) {
                                parent[i] += own[i];
                            }
                        }
                    }
                }
            }, root);
            return stats;
        }

        int text(Element element) {
            int[] own = lengths.get(element);
            return own == null ? 0 : own[0];
        }

        /** How deep the page's elements nest below the root. */
        int depth() {
            return depth;
        }

        /** The most children any one element of the page has. */
        int width() {
            return width;
        }

        /** The text of the element's {@code p} elements outside links. */
        int paragraphText(Element element) {
            int[] own = lengths.get(element);
            return own == null ? 0 : own[3];
        }

        int commas(Element element) {
            int[] own = lengths.get(element);
            return own == null ? 0 : own[2];
        }

        private static int commas(String text) {
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ',' || c == '，' || c == '、' || c == '،') {
                    count++;
                }
            }
            return count;
        }

        double linkDensity(Element element) {
            int[] own = lengths.get(element);
            return own == null || own[0] == 0 ? 0 : (double) own[1] / own[0];
        }
    }
}
