package io.newsdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ONNX stack unpacks native libraries and tokenizer files into the user's home by default (~/.djl.ai,
 * ~/.cache/JNA). Pointing them into newsdesk's data directory keeps a read-only container working.
 */
public final class NativeLibraryCaches {

    private NativeLibraryCaches() {
    }

    public static void placeUnder(Path dataDirectory) {
        setIfAbsent("DJL_CACHE_DIR", dataDirectory.resolve("djl"));
        setIfAbsent("ENGINE_CACHE_DIR", dataDirectory.resolve("djl"));
        setIfAbsent("jna.tmpdir", dataDirectory.resolve("jna"));
    }

    private static void setIfAbsent(String property, Path directory) {
        if (System.getProperty(property) == null && System.getenv(property) == null) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + directory + " for " + property, e);
            }
            System.setProperty(property, directory.toAbsolutePath().toString());
        }
    }
}
