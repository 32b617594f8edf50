package io.newsdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The five scraped articles the project started from, read from ../shared/seeds (never copied into the repo). */
public final class Seeds {

    public static final Path DIRECTORY = Path.of("../shared/seeds");

    /** A seed file: its headline (as a scraper would submit it) and the whole scraped text, chrome included. */
    public record Seed(String name, String title, String text) {
    }

    private static final List<String> TITLES = List.of(
            "International Coalition Thwarts Iranian Attack on Israel",
            "Diplomatic Tensions and Strategic Responses: The U.S.-Israel Dialogue on Iran",
            "Trump and Israel Coordinate Potential Strike on Iran Amid Escalating Regional Tensions",
            "US-Israel Talks Aim for Peace and Security in Gaza",
            "Crossroads or Unbreakable? Israel and the United States at a Tipping Point in their Relationship");

    private Seeds() {
    }

    public static List<Seed> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
            if (sorted.size() != TITLES.size()) {
                throw new IllegalStateException("expected " + TITLES.size() + " seeds in " + DIRECTORY.toAbsolutePath());
            }
            return java.util.stream.IntStream.range(0, sorted.size())
                    .mapToObj(i -> new Seed(sorted.get(i).getFileName().toString(), TITLES.get(i), read(sorted.get(i))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Seed get(int index) {
        return all().get(index);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
