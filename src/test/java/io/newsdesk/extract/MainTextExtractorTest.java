package io.newsdesk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.testing.Resources;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MainTextExtractorTest {

    private final MainTextExtractor extractor = new MainTextExtractor();

    @Test
    void keepsTheArticleOfANewsPageAndDropsItsChrome() {
        String text = extractor.extract(NewsPage.HTML, "https://courier.example/rail-strike").text();

        NewsPage.ARTICLE_PARAGRAPHS.forEach(paragraph -> assertThat(text).contains(paragraph));
        NewsPage.CHROME_TEXTS.forEach(chrome -> assertThat(text).doesNotContain(chrome));
    }

    @Test
    void dropsTheCommentsUnderAnArticle() {
        String text = extract("pages/comments-under-article.html");

        assertThat(text).contains("The central library will open on Sundays from next month")
                .contains("Staff unions said they had agreed to the change");
        assertThat(text).doesNotContain("reader77").doesNotContain("nobody reads books any more")
                .doesNotContain("thoughts on").doesNotContain("Leave a reply");
    }

    @Test
    void keepsEveryEntryOfALiveBlog() {
        String text = extract("pages/live-blog.html");

        assertThat(text).contains("Turnout reached 64 per cent").contains("The first constituency has declared")
                .contains("Polls have closed across the country");
        assertThat(text).doesNotContain("How the count works").doesNotContain("Sign up for our politics newsletter")
                .doesNotContain("Politics");
    }

    @Test
    void takesThePagesOwnArticleWhenTheNextOneIsLoadedBelowIt() {
        String text = extract("pages/two-articles.html");

        assertThat(text).contains("The harbour reopened on Friday").contains("a fund for the boats");
        assertThat(text).doesNotContain("parking charges");
    }

    @Test
    void keepsEveryLongEntryOfALiveBlogUnderThePagesHeading() {
        String entry = """
                <article><h2>%s</h2><p>%s Officials said the count was going smoothly in every hall, and the \
                first results were expected after midnight, as in past years, when turnout was lower.</p>\
                <p>Party agents watched the ballot boxes arrive from the villages by car and by boat.</p>\
                <p>In the towns, volunteers counted the postal votes first, which made up a third of all votes \
                this time, and the returning officers checked every seal before the boxes were opened. Observers \
                from two foreign missions said they had seen nothing to complain about so far.</p></article>""";
        String page = """
                <html><head><title>Election night live</title></head><body><h1>Election night live</h1>
                <div class="live-blog">%s%s</div></body></html>""".formatted(
                entry.formatted("Turnout is up", "Turnout reached 64 per cent."),
                entry.formatted("First seat declared", "The first constituency has declared."));

        String text = extractor.extract(page, null).text();

        // Each entry holds more than 500 characters of paragraphs: two whole articles, neither under the title.
        assertThat(text).contains("Turnout reached 64 per cent").contains("The first constituency has declared");
    }

    @Test
    void keepsHeadingsAndParagraphsInsideTheArticleBody() {
        MainText main = extractor.extract(Resources.text("pages/jsonld-article.html"), null);

        assertThat(main.paragraphs()).contains("Fishermen ask for help",
                "The harbour reopened on Friday after a week of storms closed it to shipping, port officials said.");
        assertThat(main.text()).doesNotContain("Home").doesNotContain("All rights reserved");
    }

    @Test
    void keepsAShortPageWithoutAnyStructureWhole() {
        String text = extract("pages/no-metadata.html");

        assertThat(text).contains("Wind turbines off the northern coast").contains("two new wind farms");
    }

    @Test
    void findsNothingInAPageOfScriptsAndImages() {
        assertThat(extract("pages/all-script.html")).isEmpty();
    }

    @Test
    void findsNothingInNavigationOrInvisibleCharacters() {
        assertThat(extractor.extract("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>", null).text())
                .isEmpty();
        assertThat(extractor.extract("<p>\u0001\u0002\u0007</p><p>\u200C\u200D</p><p>\u200E\u202E</p>", null).text())
                .isEmpty();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void extractsAFiveMebibytePageInBoundedTime() {
        StringBuilder page = new StringBuilder("<html><body><nav>");
        for (int i = 0; page.length() < 2_500_000; i++) {
            page.append("<a href=\"/section/").append(i).append("\">Section ").append(i).append("</a> ");
        }
        page.append("</nav><article><h1>Big page</h1>");
        for (int i = 0; page.length() < 5 * 1024 * 1024; i++) {
            page.append("<p>Paragraph ").append(i).append(" of the report, with a comma, tells what the inspectors ")
                    .append("found at the site on their visit last week.</p>\n");
        }
        page.append("</article></body></html>");

        String text = extractor.extract(page.toString(), null).text();

        assertThat(text).contains("Paragraph 0 of the report").doesNotContain("Section 17");
        assertThat(text.length()).isGreaterThan(2_000_000);
    }

    @Test
    void keepsAnEntryWhoseClassNamesItsCategoriesAndTags() {
        String page = """
                <html><body>
                <div class="post-12 post type-post hentry category-politics tag-elections tag-turnout">
                <p>Turnout in the regional elections reached its highest level in thirty years, officials said.</p>
                <p>Voters queued outside polling stations in the capital until late in the evening, and counting
                went on through the night.</p>
                <p>The electoral commission will publish the final results, district by district, on Monday.</p>
                </div>
                <div class="cards">
                <div class="card-body"><p>A new bridge over the river opens to traffic, with cycle lanes on both
                sides, after four years of works and a long dispute over its cost.</p></div>
                <div class="card-body"><p>The city council votes on a plan to plant ten thousand trees, in parks,
                along streets and in school yards, over the next five years.</p></div>
                <div class="card-body"><p>Heavy rain is expected in the north at the weekend, and the weather
                service has warned of floods, landslides and closed roads in the valleys.</p></div>
                <div class="card-body"><p>The national theatre reopens after its restoration, with a season of
                new plays, two operas and a festival of young directors from across the country and abroad.</p></div>
                <div class="card-body"><p>Rail fares will rise by three per cent in January, the operator said,
                while season tickets for commuters stay at this year's price until the end of March.</p></div>
                <div class="card-body"><p>A survey of small businesses finds that most of them expect to hire more
                staff next year, although many say that energy prices remain their largest worry.</p></div>
                <div class="card-body"><p>The football club names a new coach, its third in two seasons, and
                promises the supporters a younger team and a new training ground outside the city.</p></div>
                <div class="card-body"><p>Museums will open free of charge on the first Sunday of every month from
                the spring, the ministry of culture announced, starting with the national gallery.</p></div>
                </div>
                </body></html>""";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("Turnout in the regional elections reached")
                .contains("The electoral commission will publish the final results");
    }

    @Test
    void dropsTheNoticesThatEndAnArticleButNotItsClosingSentencesOrLists() {
        String page = """
                <html><body><article>
                <p>The port authority approved the new container terminal on Tuesday, after two years of hearings,
                objections from fishermen and a study of the bay's currents.</p>
                <p>Work is to start in the spring and the terminal should open, if the contractors keep to their
                schedule, three years later, the authority's chairwoman said.</p>
                <p>What the terminal brings:</p>
                <ul><li>Four new berths</li><li>Rail sidings to the main line</li></ul>
                <p>See you at the hearing!</p>
                <p>Subscribe to our <a href="/epaper">e-paper</a> for the full story.</p>
                <p>Loading...</p>
                <p>Release Date:</p>
                <p>Photo: Jane Doe</p>
                <p>Want the news first? <a href="/newsletter">Sign up here</a></p>
                <p>&copy; 2022 Harbour Courier. This article is the copyrighted property of the Harbour Courier and
                may not be reprinted without written permission of its publisher.</p>
                </article></body></html>""";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("The port authority approved").contains("Rail sidings to the main line")
                .endsWith("See you at the hearing!");
        assertThat(text).doesNotContain("Release Date").doesNotContain("Jane Doe").doesNotContain("Sign up here")
                .doesNotContain("e-paper").doesNotContain("Loading")
                .doesNotContain("copyrighted property");
    }

    @Test
    void dropsTheSitesCallsToSubscribeAndItsDisclaimersButNotAnArticleAboutANewsletter() {
        String page = """
                <html><body><article>
                <p>The city's library will send a weekly newsletter to its members from May, the council said, and
                readers can sign up for it at any branch.</p>
                <p>Never miss the latest news by signing up to our newsletter today!</p>
                <p>The newsletter will list new books, readings and the opening hours of the branches, which change
                in the summer when the students are away.</p>
                <p>Subscribe now to our e-edition for the full story.</p>
                <p>For the latest stories and breaking news updates download the Courier apps for iOS and Android.</p>
                <p>The Courier is not responsible for the opinions, statements or media content presented by
                contributors.</p>
                </article></body></html>""";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("send a weekly newsletter to its members").contains("The newsletter will list");
        assertThat(text).doesNotContain("Never miss").doesNotContain("e-edition")
                .doesNotContain("download the Courier apps").doesNotContain("not responsible");
    }

    @Test
    void readsTheSlidesOfAGalleryWrittenAsCaptionsButNotTheCaptionsOfAnArticle() {
        String gallery = """
                <html><body><div class="gallery"><p>Easy costumes for the last minute, with what you already have.</p>
                <figure><img src="/1.jpg"><figcaption class="slide-caption"><p>What you need: a bowler hat, false
                lashes and an all-white outfit, and you are the antihero of the film.</p></figcaption></figure>
                <figure><img src="/2.jpg"><figcaption class="slide-caption"><p>What you need: a red jumper with a
                white collar and a black headband, and you are the teenage witch.</p></figcaption></figure>
                <figure><img src="/3.jpg"><figcaption class="slide-caption"><p>What you need: boots and a grey
                sweatsuit, and you are the rapper in his video.</p></figcaption></figure>
                </div></body></html>""";
        String article = """
                <html><body><article>
                <p>The council approved the budget for next year on Tuesday, with more money for schools, roads and
                the libraries, after a debate that lasted until midnight.</p>
                <figure><img src="/c.jpg"><figcaption>The council chamber during the debate on Tuesday.</figcaption>
                </figure>
                <p>The opposition voted against it, saying that the rise in the property tax was too steep for
                families.</p>
                </article></body></html>""";

        assertThat(extractor.extract(gallery, null).text()).contains("a bowler hat, false lashes")
                .contains("a red jumper").contains("boots and a grey sweatsuit");
        assertThat(extractor.extract(article, null).text()).contains("The opposition voted against it")
                .doesNotContain("The council chamber during the debate");
    }

    @Test
    void dropsTheAuthorsBoxThatMicrodataMarks() {
        String page = """
                <html><body><div class="post">
                <p>The new terminal of the airport opened on Monday, two years late, and the first flights left on
                time, the operator said, although the shops inside were still closed.</p>
                <p>Passengers praised the light and the space of the hall, but many complained about the long walk
                from the train station to the gates.</p>
                <div class="box" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Paddy</span>
                <div itemprop="description"><p>Photographer from Hamburg and founder of this blog, I like every kind
                of photography, as long as there is a person in the picture.</p></div></div>
                </div></body></html>""";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("The new terminal of the airport").contains("Passengers praised the light");
        assertThat(text).doesNotContain("Photographer from Hamburg");
    }

    @Test
    void keepsAnArticleBodyWhoseOtherNamesHaveABoilerplateWord() {
        StringBuilder article = new StringBuilder();
        StringBuilder about = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            article.append("<p>Paragraph ").append(i).append(" of the report says that the bridge, which was closed ")
                    .append("in March, will reopen to cars, buses and bicycles next week, the city said.</p>");
            about.append("<p>Part ").append(i).append(" of the history of the newspaper tells how it was founded ")
                    .append("by printers, in a small town, more than a century ago, and grew with it.</p>");
        }
        String page = "<html><body><div class=\"layout\"><div class=\"entry-content no-share\">" + article
                + "</div></div><div class=\"history\">" + about + "</div></body></html>";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("Paragraph 1 of the report").contains("Paragraph 6 of the report");
    }

    @Test
    void dropsTheItalicAuthorBioThatEndsAnOpinionPieceButNotAClosingSentenceAboutAPerson() {
        String opinion = """
                <html><body><article>
                <p>Spring cleaning is not only for homes: the profiles of a business on social media need it too, and
                an afternoon a year is enough to check them, one network after the other.</p>
                <p>Delete the accounts that nobody uses, because a silent account looks worse than none at all.</p>
                <p><em>Jane Doe is the founder of a marketing consultancy that helps small businesses stand out and
                tell the right people the right things at the right time.</em></p>
                </article></body></html>""";
        String news = """
                <html><body><article>
                <p>The minister resigned on Friday after a week of reports on the costs of her travels, which the
                opposition had called a scandal, and the prime minister accepted.</p>
                <p>Jane Doe is expected to name a successor on Monday, her office said.</p>
                <p><em>Additional reporting by the newsroom's parliament desk, who followed the debate.</em></p>
                </article></body></html>""";

        assertThat(extractor.extract(opinion, null).text()).contains("Delete the accounts")
                .doesNotContain("Jane Doe is the founder");
        assertThat(extractor.extract(news, null).text()).contains("Jane Doe is expected to name a successor")
                .contains("Additional reporting");
    }

    @Test
    void readsAPostThatOnlyItsNoscriptElementHoldsButNotANoscriptNotice() {
        String page = """
                <html><body>
                <noscript><p>Please enable JavaScript to view this site.</p><img src="/pixel.gif"></noscript>
                <div class="post-body">
                <script type="text/template"><p>Rendered by a script.</p></script>
                <noscript>
                <p>Over the past few years the threats on the web have become more sophisticated, and phishing sites
                now rotate their domains within hours to avoid being blocked.</p>
                <p>Enhanced protection checks the pages a user visits against a list that is updated in real time,
                rather than against a copy downloaded every half hour.</p>
                </noscript>
                </div>
                </body></html>""";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("phishing sites now rotate their domains").contains("updated in real time");
        assertThat(text).doesNotContain("Please enable JavaScript").doesNotContain("Rendered by a script");
    }

    @Test
    void endsTheArticleAtAHeadingThatOpensTheComments() {
        String page = """
                <html><body><article>
                <h2>Reasons to stay</h2>
                <p>The health agency said on Thursday that cases had fallen for a third week running, and that the
                vaccination centres in the north would stay open until the end of the summer.</p>
                <h3>Comments</h3>
                <p>Advertise with the most visited news site in the country! We offer customisable packages, and your
                content is delivered instantly to thousands of readers at home and abroad.</p>
                </article></body></html>""";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("Reasons to stay").contains("vaccination centres in the north");
        assertThat(text).doesNotContain("Comments").doesNotContain("Advertise with");
    }

    @Test
    void aCommentKickerOrADiscussionSectionDoesNotEndTheArticle() {
        String page = """
                <html><body><article>
                <h4>Comment</h4>
                <p>The new budget spends more on schools and hospitals than any before it, and the minister says it
                will be paid for by growth rather than by new taxes or by more borrowing.</p>
                <h3>Discussion</h3>
                <p>Economists doubt that growth will be strong enough, and they point to the forecasts of the central
                bank, which are lower than the ministry's for each of the next three years.</p>
                </article></body></html>""";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("The new budget spends more").contains("Discussion")
                .contains("Economists doubt that growth");
    }

    @Test
    void dropsPictureCreditsWithoutACaptionElementButKeepsATableThatEndsTheArticle() {
        String page = """
                <html><body><article>
                <p>The golfer was the first black player to compete at the Masters, in 1975, and he went on to win
                four events on the tour and eight more on the senior tour.</p>
                <div class="visual"><img src="/a.jpg"><div>He had talent and a colourful style. | © Augusta/Getty Images</div></div>
                <p>He later founded a scholarship programme for students from poor families, which has paid for the
                studies of more than two hundred young people.</p>
                <div><img src="/b.jpg"><span>Photo: Jane Doe</span></div>
                <p>Words of the lesson:</p>
                <table><tr><td>kea</td><td>care</td></tr><tr><td>morau</td><td>get</td></tr></table>
                </article></body></html>""";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("first black player").contains("scholarship programme").contains("morau");
        assertThat(text).doesNotContain("colourful style").doesNotContain("Getty").doesNotContain("Jane Doe");
    }

    @Test
    void aLongListOfReferencesDoesNotOutweighTheArticleItFollows() {
        StringBuilder references = new StringBuilder("<ol class=\"references\">");
        for (int i = 1; i <= 10; i++) {
            references.append("<li>Author A, Author B, Author C. Study number ").append(i)
                    .append(" of drug reactions, in patients, over years. J Clin Med. 2001;").append(i).append(":12.</li>");
        }
        references.append("</ol>");
        String page = "<html><body><div class=\"layout\"><div class=\"abstract\">"
                + "<p>The purpose of the review is to summarise what is known about the reactions to common drugs, "
                + "which are rare, but severe, and often fatal.</p>"
                + "<p>The most commonly reported drugs are allopurinol, anticonvulsants and antibiotics, the authors "
                + "found, and the risk is higher in older patients.</p></div>"
                + "<div class=\"bibliography\"><h2>References</h2>" + references + "</div></div></body></html>";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("The purpose of the review").contains("The most commonly reported drugs");
    }

    @Test
    void keepsTheLeadThatPrecedesTheBodyInsideTheArticleElement() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            body.append("<p>Paragraph ").append(i).append(" of the report says that the police, who were called at ")
                    .append("midnight, closed the motorway for two hours, and that nobody else was hurt.</p>");
        }
        String page = "<html><body><div class=\"wrapper\"><article><div class=\"container\">"
                + "<h1>Two young drivers wreck their cars in one night</h1><p>5 min read</p>"
                + "<div class=\"intro\"><p>In the night to Saturday two young drivers wrecked a Corvette and an Audi "
                + "on the motorways of the region.</p></div></div>"
                + "<div class=\"container\"><div class=\"content\">" + body + "</div></div>"
                + "</article></div></body></html>";

        String text = extractor.extract(page, null).text();

        assertThat(text).startsWith("In the night to Saturday two young drivers").contains("Paragraph 6 of the report");
        assertThat(text).doesNotContain("5 min read");
    }

    @Test
    void keepsTheRestOfAnArticleCollapsedBehindReadMoreButNotAHiddenMenu() {
        StringBuilder menu = new StringBuilder("<ul class=\"site-menu\">");
        for (int i = 1; i <= 60; i++) {
            menu.append("<li>Section number ").append(i).append(" of the site</li>");
        }
        menu.append("</ul>");
        StringBuilder rest = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            rest.append("<p>Paragraph ").append(i).append(" after the fold says that the company raised its fares, ")
                    .append("by as much as four times, while the city was under siege, and apologised later.</p>");
        }
        String page = "<html><body>" + menu + "<div class=\"story\">"
                + "<p>Horror stories about the taxi service have been common in recent months, but there is still "
                + "much to be learned from its handling of the hostage drama downtown.</p>"
                + "<div class=\"toggle-group hideOnInit\">" + rest + "</div></div>"
                + "<div class=\"mobile-nav hidden\"><p>Sign in to read the stories saved for you, and to follow "
                + "the authors and the topics you like most, on every one of your devices.</p></div>"
                + "</body></html>";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("Horror stories about the taxi service").contains("Paragraph 1 after the fold")
                .contains("Paragraph 8 after the fold");
        assertThat(text).doesNotContain("Section number").doesNotContain("Sign in to read");
    }

    @Test
    void aHiddenPopUpIsDroppedFromAPageWhoseArticleIsNotInParagraphs() {
        StringBuilder article = new StringBuilder("<div class=\"story\">");
        for (int i = 1; i <= 6; i++) {
            article.append("Line ").append(i).append(" of the council report says that the bridge, closed since ")
                    .append("March, will reopen in May, and that the repairs cost more than planned.<br><br>");
        }
        String page = "<html><body>" + article + "</div><div class=\"newsletter-popup hidden\">"
                + "<p>Get the best of the Courier in your inbox every morning, with the stories our editors chose "
                + "for you.</p><p>Sign up for free today and read every story of the week on any device.</p></div>"
                + "</body></html>";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("Line 1 of the council report").contains("Line 6 of the council report");
        assertThat(text).doesNotContain("in your inbox").doesNotContain("Sign up for free");
    }

    @Test
    void keepsABlockQuoteWhateverItIsNamedButNotATagList() {
        StringBuilder article = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            article.append("<p>Paragraph ").append(i).append(" of the trial report says that the jury, after two ")
                    .append("hours, found the defendant guilty on all counts, and that sentencing follows.</p>");
        }
        String page = "<html><body><div class=\"story\">" + article
                + "<p>The local paper reported on the closing argument:</p><blockquote class=\"edTag\"><div>"
                + "<p>There is hatred all right, and certainly racism, but it goes a lot further than that, the "
                + "defence said.</p></div></blockquote>"
                + "<div class=\"edTags\">Tags: trial, jury, verdict, courts, crime, justice</div></div></body></html>";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("There is hatred all right").contains("Paragraph 4 of the trial report");
        assertThat(text).doesNotContain("Tags:");
    }

    @Test
    void aLongCommentThreadUnderAShortArticleOnAPageFullOfMenusIsNotTheArticle() {
        StringBuilder menu = new StringBuilder("<ul class=\"site-menu\">");
        for (int i = 1; i <= 150; i++) {
            menu.append("<li>Section number ").append(i).append(" of the site</li>");
        }
        menu.append("</ul>");
        StringBuilder comments = new StringBuilder("<section class=\"comments\">");
        for (int i = 1; i <= 12; i++) {
            comments.append("<div><p>Reader ").append(i).append(" thinks that the council, ")
                    .append("which never listens, will close the bridge again next year, and that the repairs ")
                    .append("were a waste of everybody's money, as usual.</p></div>");
        }
        comments.append("</section>");
        String page = "<html><body>" + menu + "<div class=\"story\"><p>The bridge over the river reopened on "
                + "Monday after six weeks of repairs, the council said.</p><p>Traffic was light in the morning, "
                + "and the buses are back on their usual route.</p></div>" + comments + "</body></html>";

        String text = extractor.extract(page, null).text();

        assertThat(text).contains("The bridge over the river reopened").doesNotContain("Reader 1 thinks");
    }

    private String extract(String resource) {
        return extractor.extract(Resources.text(resource), null).text();
    }
}
