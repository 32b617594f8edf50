package io.newsdesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.newsdesk.summary.LlmStubProfile;
import io.newsdesk.testing.ArticlePosts;
import io.newsdesk.testing.Database;
import io.newsdesk.testing.OpenAiStub;
import io.newsdesk.testing.Texts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an LLM and the shipped same-story model: a pair the model alone would call the same story (the ferry brief of
 * StoryAssignmentTest, offline SAME_STORY) is put to the LLM, whose "different" keeps the two apart; when the LLM
 * fails, the model's call stands.
 */
@QuarkusTest
@TestProfile(LlmStubProfile.class)
class ModelCallConfirmedTest {

    private static final String SAME_STORY_PROMPT = "report the same news event";
    private static final Matcher<Integer> ACCEPTED = anyOf(equalTo(201), equalTo(202));
    private static final String BRIEF = """
            Coastguard crews rescued all 212 people from the Island Queen after the Coastline Shipping ferry \
            hit a sandbank off Northport on Tuesday. Eleven passengers were treated for hypothermia.""";

    @Inject
    Database database;

    @BeforeEach
    void isolateFromEarlierTests() {
        OpenAiStub.server().resetAll();
        database.deleteAllArticles();
    }

    @Test
    void theLlmsDifferentKeepsApartAPairTheModelCallsTheSameStory() {
        OpenAiStub.answerWhen(SAME_STORY_PROMPT,
                "{\"sameStory\": false, \"confidence\": 0.9, \"reason\": \"An earlier grounding.\"}");
        Response report = post("Ferry runs aground off Northport", Texts.FERRY);
        Response brief = post("212 rescued as Island Queen hits sandbank", BRIEF);

        brief.then().statusCode(ACCEPTED)
                .body("storyId", not(equalTo(report.path("storyId"))))
                .body("duplicateKind", equalTo(null));
        assertThat(OpenAiStub.requestsContaining(SAME_STORY_PROMPT)).hasSize(1);
    }

    @Test
    void theModelsCallStandsWhenTheLlmCannotAnswer() {
        OpenAiStub.failWhen(SAME_STORY_PROMPT, 500);
        Response report = post("Ferry runs aground off Northport", Texts.FERRY);
        Response brief = post("212 rescued as Island Queen hits sandbank", BRIEF);

        brief.then().statusCode(ACCEPTED)
                .body("storyId", equalTo(report.path("storyId")))
                .body("duplicateKind", equalTo("SAME_STORY"))
                .body("duplicateReason", startsWith("Same event: same names:"));
        assertThat(OpenAiStub.requestsContaining(SAME_STORY_PROMPT)).isNotEmpty();
    }

    private static Response post(String title, String body) {
        return ArticlePosts.post(title, body, "2015-05-05T07:00:00Z", ArticlePosts.newUrl("confirm.example.com"));
    }
}
