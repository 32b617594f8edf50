package io.newsdesk.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/**
 * Refuses to start on settings that contradict each other, listing every contradiction with its fix. Single keys are
 * validated earlier, by the Bean Validation constraints of their {@code @ConfigMapping}.
 */
@ApplicationScoped
class ConfigurationCheck {

    private final Instance<SettingsRule> rules;

    ConfigurationCheck(Instance<SettingsRule> rules) {
        this.rules = rules;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        List<String> problems = rules.stream().flatMap(rule -> rule.problems().stream()).sorted().toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("newsdesk cannot start with contradictory settings:\n - "
                    + String.join("\n - ", problems));
        }
    }
}
