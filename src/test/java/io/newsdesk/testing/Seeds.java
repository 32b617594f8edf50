package io.newsdesk.testing;

import java.util.List;
import java.util.stream.IntStream;

/** The five scraped articles the project started from, as test resources (src/test/resources/seeds). */
public final class Seeds {

    /** A seed file: its headline (as a scraper would submit it) and the whole scraped text, chrome included. */
    public record Seed(String name, String title, String text) {
    }

    private static final List<String> FILES = List.of(
            "000_5185b30b00210c9f.txt",
            "001_df05582c0be2c879.txt",
            "002_65451fa2df4b30ed.txt",
            "003_5a301db595364d0c.txt",
            "004_f173d17466a6c9c7.txt");

    private static final List<String> TITLES = List.of(
            "International Coalition Thwarts Iranian Attack on Israel",
            "Diplomatic Tensions and Strategic Responses: The U.S.-Israel Dialogue on Iran",
            "Trump and Israel Coordinate Potential Strike on Iran Amid Escalating Regional Tensions",
            "US-Israel Talks Aim for Peace and Security in Gaza",
            "Crossroads or Unbreakable? Israel and the United States at a Tipping Point in their Relationship");

    private Seeds() {
    }

    public static List<Seed> all() {
        return IntStream.range(0, FILES.size()).mapToObj(Seeds::get).toList();
    }

    public static Seed get(int index) {
        return new Seed(FILES.get(index), TITLES.get(index), Resources.text("seeds/" + FILES.get(index)));
    }
}
