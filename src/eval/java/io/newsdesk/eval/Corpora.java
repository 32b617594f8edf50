package io.newsdesk.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an evaluation or benchmark finds its corpus: always given on the command line (the corpora are research
 * data kept outside the repository, e.g. in a directory beside the checkout).
 */
public final class Corpora {

    private Corpora() {
    }

    /** The file named by system property {@code property} ({@code -Dproperty=path}); it must exist. */
    public static Path fromProperty(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("give the corpus file with -D" + property + "=path/to/file.jsonl");
        }
        return existing(value);
    }

    /** The file named by {@code args[index]}; it must exist. */
    public static Path fromArgument(String[] args, int index, String usage) {
        if (args.length <= index || args[index].isBlank()) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return existing(args[index].strip());
    }

    private static Path existing(String value) {
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no corpus file " + file.toAbsolutePath());
        }
        return file;
    }
}
