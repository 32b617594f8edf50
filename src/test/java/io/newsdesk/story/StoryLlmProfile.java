package io.newsdesk.story;

import io.newsdesk.summary.LlmStubProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The LLM stub, with every related pair sent to it: the model alone never decides SAME_STORY (probability 0.9999) and
 * the uncertain band starts low (0.01), so that which story an article joins is the LLM's answer.
 */
public class StoryLlmProfile extends LlmStubProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("newsdesk.dedup.same-story-probability", "0.9999");
        overrides.put("newsdesk.dedup.llm.ask-from-probability", "0.01");
        return overrides;
    }
}
