package io.newsdesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.summary.LlmStubProfile;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.Texts;
import io.newsdesk.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Story embeddings from the provider's embeddings endpoint (the stub) instead of the in-process model. */
@QuarkusTest
@TestProfile(ProviderEmbeddingsTest.ProviderEmbeddingsProfile.class)
class ProviderEmbeddingsTest {

    public static class ProviderEmbeddingsProfile extends LlmStubProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("newsdesk.embeddings.source", "provider");
            overrides.put("newsdesk.embeddings.model", "test-embedding");
            overrides.put("newsdesk.dedup.llm.enabled", "false");
            return overrides;
        }
    }

    @Inject
    Database database;

    @BeforeEach
    void startFromAnEmptyStore() {
        OpenAiStub.server().resetAll();
        database.deleteAllArticles();
    }

    @Test
    void storyEmbeddingsComeFromTheProvider() {
        OpenAiStub.embedEverythingAlike(8);
        String first = Texts.article(15);
        String[] sentences = first.split("(?<=\\.)\\s+");
        // A one-sentence brief of the report naming its scorer: nothing the report does not say, too short to be a
        // copy.
        String brief = sentences[2];
        OpenAiStub.answer(OpenAiStub.summaryJson("en", sentences[2]));

        Response a = post("Kilmarnock report", first);
        Response b = post("In brief", brief);

        // The provider's vectors are what the same-story model sees: the stub embeds everything alike (cosine 1).
        b.then().statusCode(201)
                .body("storyId", equalTo(a.path("storyId")))
                .body("duplicateKind", equalTo("SAME_STORY"))
                .body("duplicateReason", containsString("embedding cosine 1.00"));
        assertThat(OpenAiStub.embeddingRequests()).hasSize(2);
        assertThat(OpenAiStub.body(OpenAiStub.embeddingRequests().get(0)).get("model").asText())
                .isEqualTo("test-embedding");
        assertThat(OpenAiStub.embeddingRequests().get(0).getBodyAsString()).contains("Kilmarnock report");
        assertThat(database.count("SELECT octet_length(vector) FROM article_vector WHERE article_id = $1",
                a.jsonPath().getLong("id"))).isEqualTo(8 * Float.BYTES);
    }

    private static Response post(String title, String body) {
        return ArticlePosts.post(title, body, "2015-09-01T08:00:00Z", ArticlePosts.newUrl("provider.example"));
    }
}
