package io.newsdesk.platform;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A configuration mapping as the application would see it, outside Quarkus: its defaults and the given keys
 * (durations written as in Quarkus, e.g. 10s). */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** {@code keysAndValues}: key, value, key, value... */
    public static <T> T mapping(Class<T> type, String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .withMapping(type).withValidateUnknown(false).build()
                .getConfigMapping(type);
    }
}
