package io.newsdesk.story;

import io.newsdesk.summary.LlmStubProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The LLM stub, with every related pair sent to it: the strict embedding rule is out of reach (cosine 0.99) and the
 * ambiguous band starts low (0.3), so that which story an article joins is the LLM's answer.
 */
public class StoryLlmProfile extends LlmStubProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("newsdesk.dedup.same-story-cosine", "0.99");
        overrides.put("newsdesk.dedup.llm.min-cosine", "0.3");
        return overrides;
    }
}
