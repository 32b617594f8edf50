import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The AOT cache's training run inside the image (docker/Dockerfile.jvm): a JDK 25 AOT cache refers to the JDK and
 * the directory it was made in, so it is made where it runs. Starts the packaged service in that directory with
 * -XX:AOTCacheOutput on a throw-away embedded PostgreSQL, asks of it what users do (ingest, reading, the reader's
 * page, the operations endpoints), stops it, and leaves app.aot beside quarkus-run.jar. Needs nothing but the JDK.
 *
 * <pre>java docker/AotTraining.java /deployments [JVM options of the service...]</pre>
 */
public class AotTraining {

    private static final int PORT = 18089;
    private static final String[] SENTENCES = {
        "The city council approved a new budget for road repairs on Tuesday after a long debate.",
        "Officials said the money would be spent over three years, starting with the northern bridge.",
        "Residents had complained for months about potholes and closed lanes near the schools.",
        "The opposition argued that the plan leaves the southern districts waiting until 2028.",
        "A spokesperson for the mayor said the timetable depends on the contractors' capacity.",
        "Shares in the regional builder rose four percent after the announcement.",
        "The national weather service warned of heavy rain and possible flooding over the weekend.",
        "Emergency crews have placed sandbags along the river banks in three villages.",
        "Scientists published a study suggesting the glacier lost a fifth of its mass in a decade.",
        "The football club confirmed that its captain will miss the final with a knee injury.",
    };

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]).toAbsolutePath();
        Path data = Files.createTempDirectory("aot-training");
        Path tmp = Files.createDirectory(data.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:AOTCacheOutput=app.aot"));
        command.addAll(List.of(args).subList(1, args.length));
        command.addAll(List.of("-Dquarkus.http.port=" + PORT, "-Dnewsdesk.data-dir=" + data,
                "-Djava.io.tmpdir=" + tmp, "-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).inheritIO();
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE"));
        Process service = builder.start();
        try {
            train(service);
        } finally {
            service.destroy();
            // The JVM writes the cache as it exits.
            if (!service.waitFor(10, TimeUnit.MINUTES)) {
                service.destroyForcibly();
                throw new IllegalStateException("the service did not stop");
            }
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (!Files.isRegularFile(app.resolve("app.aot"))) {
            throw new IllegalStateException("no app.aot written in " + app);
        }
        System.out.println("AOT cache written: " + app.resolve("app.aot"));
    }

    private static void train(Process service) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (status(client, get("/q/health/ready")) != 200) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not become ready");
            }
            Thread.sleep(200);
        }
        for (int i = 0; i < 40; i++) {
            StringBuilder body = new StringBuilder();
            for (int s = 0; s < 12; s++) {
                body.append(SENTENCES[(i + s * 3) % SENTENCES.length]).append(' ');
            }
            String json = "{\"title\":\"Training article " + i + "\",\"body\":\"" + body.toString().strip()
                    + " Reported by desk " + i + ".\",\"url\":\"https://training.example.org/" + i + "\"}";
            expect(client, HttpRequest.newBuilder(uri("/api/articles")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), 200, 201, 202);
        }
        for (String path : List.of("/api/articles/1", "/api/articles", "/api/feed", "/", "/q/health/ready",
                "/q/metrics", "/q/openapi?format=json")) {
            expect(client, get(path), 200);
        }
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).build();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    private static int status(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningYet) {
            return -1;
        }
    }

    private static void expect(HttpClient client, HttpRequest request, int... accepted) throws InterruptedException {
        int status = status(client, request);
        for (int ok : accepted) {
            if (status == ok) {
                return;
            }
        }
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + status);
    }
}
