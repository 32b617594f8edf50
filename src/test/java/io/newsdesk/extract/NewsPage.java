package io.newsdesk.extract;

import java.util.List;

/** A realistic scraped news page, with the article text it holds. */
final class NewsPage {

    static final String TITLE = "Rail Strike Set to Halt Trains Across the Country";

    static final List<String> ARTICLE_PARAGRAPHS = List.of(
            "Train drivers will walk out for 48 hours next week after talks over pay & working hours collapsed "
                    + "on Friday, the union said.",
            "The strike is expected to halt almost all passenger services, and operators have urged travellers "
                    + "to postpone journeys that are not essential.",
            "“We have been left with no choice,” the union's general secretary told reporters outside the "
                    + "ministry.",
            "Ministers said they remained open to further negotiations but warned that the current offer was "
                    + "final.");

    static final List<String> CHROME_TEXTS = List.of(
            "Skip to content", "Home", "Politics", "Business", "Sign in", "trackPageView", "Share on Facebook",
            "Related", "Bus drivers vote on new contract", "Fuel prices hit record high", "All rights reserved",
            "Privacy policy", "We use cookies", "Accept", "Follow us", "Most read", "Newsletter sign-up",
            "Drivers waiting on the platform at the central station in the early morning.");

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Rail Strike Set to Halt Trains Across the Country | Daily Courier</title>
              <meta name="description" content="Drivers announce a 48-hour walkout.">
              <style>body { font-family: serif; }</style>
            </head>
            <body class="layout-with-sidebar">
              <a class="skip-link" href="#main">Skip to content</a>
              <header class="site-header">
                <nav><ul>
                  <li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
                  <li><a href="/business">Business</a></li>
                </ul></nav>
                <a href="/login" class="account">Sign in</a>
              </header>
              <div class="page has-sidebar">
                <article>
                  <header><h1>Rail Strike Set to Halt Trains Across the Country</h1></header>
                  <div class="share-bar"><a href="#">Share on Facebook</a></div>
                  <p>Train drivers will walk out for 48 hours next week after talks over pay &amp; working
                     hours collapsed on Friday, the union said.</p>
                  <script>window.analytics.trackPageView({section: "news"});</script>
                  <p>The strike is expected to halt almost all passenger services, and operators have urged
                     travellers to postpone journeys that are <em>not</em> essential.</p>
                  <figure>
                    <img src="/img/platform.jpg" alt="Platform">
                    <figcaption>Drivers waiting on the platform at the central station in the early morning.</figcaption>
                  </figure>
                  <blockquote>&ldquo;We have been left with no choice,&rdquo; the union's general secretary
                     told reporters outside the ministry.</blockquote>
                  <p>Ministers said they remained open to further negotiations but warned that the current
                     offer was&nbsp;final.</p>
                  <div class="newsletter-signup"><p>Newsletter sign-up</p><button>Follow us</button></div>
                </article>
                <aside>
                  <h2>Related</h2>
                  <ul>
                    <li><a href="/a">Bus drivers vote on new contract</a></li>
                    <li><a href="/b">Fuel prices hit record high</a></li>
                  </ul>
                </aside>
                <div class="most-read-box" aria-hidden="true">Most read</div>
              </div>
              <footer><p>&copy; 2024 Daily Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
              <div id="cookie-banner">We use cookies to improve your experience. <a href="#">Accept</a></div>
            </body>
            </html>
            """;

    private NewsPage() {
    }
}
