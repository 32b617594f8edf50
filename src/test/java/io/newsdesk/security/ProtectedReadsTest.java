package io.newsdesk.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With newsdesk.security.protect-reads, every read of the API and the reader's pages needs the key; health does not. */
@QuarkusTest
@TestProfile(ProtectedReadsTest.ReadsProtected.class)
class ProtectedReadsTest {

    static final String API_KEY = "nd-reads-" + "2b7e41d0c3";

    public static class ReadsProtected implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.security.api-key", API_KEY, "newsdesk.security.protect-reads", "true");
        }
    }

    @Test
    void readsAndTheReaderPagesNeedTheKey() {
        for (String path : new String[] {"/api/feed", "/api/articles", "/api/stories/1", "/", "/stories/1"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"newsdesk\"");
            given().header("X-Api-Key", API_KEY + "x").get(path).then().statusCode(401);
        }
        given().header("X-Api-Key", API_KEY).get("/api/feed").then().statusCode(200);
        given().header("Authorization", "Bearer " + API_KEY).get("/api/articles").then().statusCode(200);
        given().header("X-Api-Key", API_KEY).get("/").then().statusCode(200).contentType("text/html");
        given().get("/q/health/ready").then().statusCode(200);
    }
}
