package io.newsdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.validator.constraints.time.DurationMin;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the {@code @ConfigMapping} interfaces of newsdesk (keys, defaults, Bean
 * Validation constraints, {@link Description}s). This test fails when the file and the interfaces disagree;
 * {@code ./mvnw -B -o test -Dtest=ConfigurationDocsTest -Dconfig.docs.write=true} rewrites the file.
 */
class ConfigurationDocsTest {

    private static final Path DOCS = Path.of("docs/configuration.md");
    private static final Path MAIN_SOURCES = Path.of("src/main");

    record Key(String name, String defaultValue, String constraint, String description, boolean optional) {

        String envVar() {
            return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }
    }

    @Test
    void docsListEveryKeyOfTheMappings() throws IOException {
        String generated = markdown(keys());
        if (Boolean.getBoolean("config.docs.write")) {
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8) : "")
                .as("%s disagrees with the @ConfigMapping interfaces; regenerate it with "
                        + "./mvnw -B -o test -Dtest=ConfigurationDocsTest -Dconfig.docs.write=true", DOCS)
                .isEqualTo(generated);
    }

    @Test
    void everyKeyIsDescribed() {
        assertThat(keys()).filteredOn(key -> key.description().isBlank()).extracting(Key::name)
                .as("keys without @Description").isEmpty();
    }

    /** A default belongs to its mapping's @WithDefault only: application.properties sets newsdesk keys per profile. */
    @Test
    void applicationPropertiesRestatesNoDefault() throws IOException {
        List<String> unprofiled = Files.readAllLines(MAIN_SOURCES.resolve("resources/application.properties")).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("newsdesk."))
                .toList();
        assertThat(unprofiled).as("newsdesk keys set in application.properties outside a profile").isEmpty();
    }

    /**
     * Every newsdesk key is read through its mapping: no @ConfigProperty or Config lookup of one, and no expression
     * that gives a key with a default a fallback of its own ({@code ${newsdesk.x:...}}) in main code or resources.
     */
    @Test
    void newsdeskKeysAreReadOnlyThroughTheirMappings() throws IOException {
        Set<String> withDefault = keys().stream().filter(key -> !key.optional()).map(Key::name)
                .collect(Collectors.toSet());
        Pattern lookup = Pattern.compile("(@ConfigProperty\\(name\\s*=\\s*|getValue\\(|getOptionalValue\\()\"newsdesk\\.");
        Pattern fallback = Pattern.compile("\\$\\{(newsdesk\\.[a-z0-9.-]+):");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (lookup.matcher(text).find()) {
                    offences.add(file + ": reads a newsdesk key directly");
                }
                Matcher m = fallback.matcher(text);
                while (m.find()) {
                    if (withDefault.contains(m.group(1))) {
                        offences.add(file + ": restates the default of " + m.group(1));
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    static List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        for (Class<?> mapping : mappings()) {
            collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), keys);
        }
        keys.sort(Comparator.comparing(Key::name));
        return keys;
    }

    /** The @ConfigMapping interfaces among the compiled main classes. */
    private static List<Class<?>> mappings() {
        Path classes;
        try {
            classes = Path.of(PlatformConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(ConfigurationDocsTest::load)
                    .filter(type -> type.isAnnotationPresent(ConfigMapping.class))
                    .filter(type -> type.getAnnotation(ConfigMapping.class).prefix().startsWith("newsdesk"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationDocsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Class<?> type, String prefix, List<Key> keys) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String name = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getName().startsWith("io.newsdesk.")) {
                collect(returned, name, keys);
                continue;
            }
            boolean optional = returned == Optional.class;
            Class<?> valueType = optional ? typeArgument(method.getGenericReturnType()) : returned;
            WithDefault withDefault = method.getAnnotation(WithDefault.class);
            Description description = method.getAnnotation(Description.class);
            keys.add(new Key(name, withDefault == null ? null : withDefault.value(),
                    constraint(valueType, method, optional), description == null ? "" : description.value(),
                    optional));
        }
    }

    private static Class<?> typeArgument(Type type) {
        return (Class<?>) ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String constraint(Class<?> type, Method method, boolean optional) {
        List<String> parts = new ArrayList<>();
        parts.add(typeName(type));
        String min = null;
        String max = null;
        // Constraints of an optional value sit on its type argument: Optional<@DecimalMax("1") Double>.
        AnnotatedElement constrained = optional
                ? ((AnnotatedParameterizedType) method.getAnnotatedReturnType()).getAnnotatedActualTypeArguments()[0]
                : method;
        if (constrained.getAnnotation(Min.class) != null) {
            min = String.valueOf(constrained.getAnnotation(Min.class).value());
        }
        if (constrained.getAnnotation(DecimalMin.class) != null) {
            min = constrained.getAnnotation(DecimalMin.class).value();
        }
        if (constrained.getAnnotation(Max.class) != null) {
            max = String.valueOf(constrained.getAnnotation(Max.class).value());
        }
        if (constrained.getAnnotation(DecimalMax.class) != null) {
            max = constrained.getAnnotation(DecimalMax.class).value();
        }
        if (min != null && max != null) {
            parts.add("from " + min + " to " + max);
        } else if (min != null) {
            parts.add("≥ " + min);
        } else if (max != null) {
            parts.add("≤ " + max);
        }
        if (method.getAnnotation(Positive.class) != null) {
            parts.add("> 0");
        }
        DurationMin durationMin = method.getAnnotation(DurationMin.class);
        if (durationMin != null) {
            Duration least = Duration.ofDays(durationMin.days()).plusHours(durationMin.hours())
                    .plusMinutes(durationMin.minutes()).plusSeconds(durationMin.seconds())
                    .plusMillis(durationMin.millis()).plusNanos(durationMin.nanos());
            parts.add((durationMin.inclusive() ? "≥ " : "> ") + (least.isZero() ? "0" : least.toMillis() + "ms"));
        }
        if (method.getAnnotation(NotBlank.class) != null) {
            parts.add("not blank");
        }
        if (optional) {
            parts.add("optional");
        }
        return String.join(", ", parts);
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
        }
        Map<Class<?>, String> names = Map.of(boolean.class, "boolean", int.class, "integer", long.class, "integer",
                Integer.class, "integer", double.class, "number", Double.class, "number", Duration.class, "duration",
                Path.class, "path",
                String.class, "text");
        String name = names.get(type);
        if (name == null) {
            throw new IllegalStateException("no documented name for configuration type " + type);
        }
        return name;
    }

    static String markdown(List<Key> keys) {
        StringBuilder out = new StringBuilder("""
                # Configuration

                <!-- Generated from the @ConfigMapping interfaces by ConfigurationDocsTest; do not edit by hand.
                     Regenerate: ./mvnw -B -o test -Dtest=ConfigurationDocsTest -Dconfig.docs.write=true -->

                Every newsdesk setting is a key below. Set it as an environment variable (upper-case, every other
                character replaced by `_`), as a Java system property (`-Dkey=value`), or in
                `config/application.properties` in the working directory. Each key is defined once, with its default
                and its constraint, by a `@ConfigMapping` interface under `src/main/java/io/newsdesk/` (the table is
                generated from them): newsdesk refuses to start on a value outside its constraint, naming the key.
                It also refuses to start on settings that contradict each other (for example
                `newsdesk.summary.fallback-to-extractive=true` without `newsdesk.llm.enabled=true`), listing each
                contradiction and its fix.

                Durations are written like `500ms`, `20s`, `10m`, `3d` or in ISO-8601 (`PT20S`).

                The `newsdesk.llm.*` connection keys are passed on to quarkus-langchain4j by expressions in
                `src/main/resources/application.properties` (`quarkus.langchain4j.openai.base-url=${newsdesk.llm.base-url}`);
                those expressions see the defaults below, so no default is written twice. Other `quarkus.*` keys
                (datasource, HTTP, logging) are documented by Quarkus.

                | Key | Environment variable | Default | Constraint | Description |
                |-----|----------------------|---------|------------|-------------|
                """);
        for (Key key : keys) {
            out.append("| `").append(key.name()).append("` | `").append(key.envVar()).append("` | ")
                    .append(key.defaultValue() == null ? "(unset)" : "`" + key.defaultValue() + "`").append(" | ")
                    .append(key.constraint()).append(" | ").append(key.description()).append(" |\n");
        }
        return out.toString();
    }
}
