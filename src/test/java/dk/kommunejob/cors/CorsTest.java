package dk.kommunejob.cors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.position.Position;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The test profile lists https://albertslund.dk and http://localhost:3000 in JOBS_CORS_ORIGINS. */
@QuarkusTest
class CorsTest {

    static final String LISTED = "https://albertslund.dk";
    static final String UNLISTED = "https://evil.example";

    @Test
    void aListedOriginsPreflightIsAnsweredWithWhatItMaySend() {
        given().header("Origin", LISTED)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .options("/api/v1/positions/1")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", LISTED)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Max-Age", "86400")
                .header("Vary", containsString("Origin"));
    }

    @Test
    void anUnlistedOriginsPreflightGetsNoCorsHeaders() {
        given().header("Origin", UNLISTED)
                .header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/positions/1")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
    }

    @Test
    void aListedOriginMayReadAnswersFreshAndKeptAlike() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        String path = "/api/v1/positions/" + p.id;
        for (int i = 0; i < 2; i++) { // the second is the response cache's answer
            given().header("Origin", LISTED)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", LISTED)
                    .header("Access-Control-Expose-Headers", containsString("ETag"))
                    .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                    // A page can tell an answer served stale while the database is away.
                    .header("Access-Control-Expose-Headers", containsString("Cache-Status"))
                    .header("Vary", TestData.varyList("Accept", "Accept-Language", "Origin"));
        }
        // Another listed origin gets its own name back, never the first one's.
        given().header("Origin", "http://localhost:3000")
                .get(path)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void anUnlistedOriginIsServedWithoutCorsHeaders() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        for (int i = 0; i < 2; i++) {
            given().header("Origin", UNLISTED)
                    .get("/api/v1/positions/" + p.id)
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Expose-Headers", nullValue())
                    .header("Vary", containsString("Origin"));
        }
        // A listed origin with another scheme or port is another origin.
        given().header("Origin", "http://albertslund.dk")
                .get("/api/v1/positions/" + p.id)
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void errorsCarryCorsHeadersTooSoThePageCanReadTheProblem() {
        given().header("Origin", LISTED)
                .get("/api/v1/positions?size=500")
                .then()
                .statusCode(400)
                .header("Access-Control-Allow-Origin", LISTED)
                .body("parameter", equalTo("size"));
    }

    @Test
    void originsAreCheckedWhenTheServiceStarts() {
        org.junit.jupiter.api.Assertions.assertEquals("https://albertslund.dk", Cors.origin("https://albertslund.dk/"));
        org.junit.jupiter.api.Assertions.assertEquals("http://localhost:3000", Cors.origin("http://localhost:3000"));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> Cors.origin("albertslund.dk"));
        org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class, () -> Cors.origin("https://albertslund.dk/job"));
    }
}
