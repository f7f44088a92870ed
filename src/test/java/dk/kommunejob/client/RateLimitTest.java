package dk.kommunejob.client;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dk.kommunejob.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobs.rate-limit.writes-per-minute", "3", "jobs.rate-limit.feed-reads-per-minute", "3");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersCarryOn() {
        String busy = TestData.editorKey(TestData.org().employerId(), "Travl klient");
        for (int i = 0; i < 3; i++) {
            as(busy).get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", "\"feed\";q=3;w=60")
                    .header(
                            "RateLimit",
                            org.hamcrest.Matchers.matchesPattern("\"feed\";r=%d;t=[1-9][0-9]*".formatted(2 - i)));
        }
        as(busy).get("/api/v1/changes")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"feed\";r=0;t=[1-9][0-9]*"))
                .body("type", equalTo("tag:kommunejob.dk,2026:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("prøv igen"));
        io.restassured.RestAssured.given()
                .get("/q/metrics")
                .then()
                .body(containsString("jobs_rate_limit_rejections_total{policy=\"feed\"} 1.0"));
        // Another client's allowance is its own, and reading public positions is not limited.
        as(BOOTSTRAP_KEY).get("/api/v1/changes").then().statusCode(200);
        as(busy).get("/api/v1/positions").then().statusCode(200);
    }
}
