package io.newsdesk.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsdesk.testing.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The reader's page in a real browser: headless Chromium from the system's packages (Debian: chromium and
 * chromium-driver), driven by Selenium, on a service holding the seeds and two stories told by several outlets.
 * Without Chromium the test is skipped, except under CI=true, where a missing browser fails it.
 */
@QuarkusTest
class ReaderPageBrowserTest {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TestHTTPResource("/")
    URL root;

    @Inject
    Database database;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        Optional<String> binary = firstExisting(BROWSERS);
        Optional<String> driver = firstExisting(DRIVERS);
        if (binary.isEmpty() || driver.isEmpty()) {
            String missing = "no Chromium or chromedriver found (looked for " + BROWSERS + " and " + DRIVERS
                    + "; on Debian: apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true: " + missing);
            }
            assumeTrue(false, "Browser test skipped: " + missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.get());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver.get()).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        database.deleteAllArticles();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReaderOnAPhoneSeesEachStoryWithItsSummarySourcesAndOutlets() throws IOException {
        List<Long> stories = ReaderPosts.seedsAndStories();
        ReaderPosts.awaitStorySummaries(stories);
        browser.manage().window().setSize(new Dimension(412, 915));

        browser.get(root.toString());

        assertThat(browser.getTitle()).isEqualTo("newsdesk: the latest stories");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Latest stories");
        assertThat(browser.findElements(By.cssSelector("header, main, footer, nav"))).hasSizeGreaterThanOrEqualTo(4);
        List<String> titles = browser.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText)
                .toList();
        assertThat(titles).hasSize(7).startsWith("Fire destroys workshop at Harlow rail museum",
                "Ferry runs aground off Northport");

        WebElement ferry = browser.findElement(By.id("story-" + stories.get(0))).findElement(By.xpath(".."));
        assertThat(ferry.findElement(By.className("meta")).getText()).startsWith("3 articles from 3 outlets");
        List<WebElement> sentences = ferry.findElements(By.cssSelector(".summary .sentence"));
        assertThat(sentences).hasSizeBetween(2, 5);
        sentences.forEach(sentence -> assertThat(sentence.isDisplayed()).isTrue());
        List<WebElement> citations = ferry.findElements(By.cssSelector(".summary .cite"));
        assertThat(citations).isNotEmpty().allSatisfy(cite -> assertThat(cite.getText()).matches("\\[[1-3]\\]"));
        assertThat(ferry.findElements(By.cssSelector(".outlets li")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("northport-gazette.example (1)", "wire.example (1)",
                        "coast-news.example (1)");
        List<WebElement> links = ferry.findElements(By.cssSelector(".articles a"));
        assertThat(links).hasSize(3).allSatisfy(link -> assertThat(link.getAttribute("href"))
                .startsWith("https://").doesNotContain(root.getHost()));
        // Nothing wider than the phone's screen.
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        screenshot("reader-page-phone.png", 412, 915);
        screenshot("reader-page-desktop.png", 1100, 1300);

        // A citation leads to the article it names; the title leads to the story's own page.
        citations.get(0).click();
        assertThat(browser.getCurrentUrl()).contains("#article-" + stories.get(0) + "-");
        ferry.findElement(By.cssSelector("h2 a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ferry runs aground off Northport");
        assertThat(browser.findElements(By.cssSelector(".articles li"))).hasSize(3);
    }

    /** A screenshot of the window at this size under target/screenshots (docs/reader-page.png is one of these). */
    private void screenshot(String name, int width, int height) throws IOException {
        browser.manage().window().setSize(new Dimension(width, height));
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<String> firstExisting(List<String> paths) {
        return Stream.of(paths.toArray(String[]::new)).filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }
}
