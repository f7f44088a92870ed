package dk.kommunejob.warmup;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WarmUpTest.Warming.class)
class WarmUpTest {

    public static class Warming implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // An address may read 5 answers the cache has not a minute: the warm-up alone sends hundreds.
            // At most 10 s: a test JVM's JIT may not settle before that.
            return Map.of(
                    "jobs.warm-up.duration",
                    "6s",
                    "jobs.warm-up.max-duration",
                    "10s",
                    "jobs.rate-limit.reads-per-minute",
                    "5");
        }
    }

    @Test
    void aNewReplicaIsReadyOnlyOnceItHasSentItselfTheWebsitesReadsAndThoseCostNoVisitorAnything() {
        JsonPath warming =
                given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertEquals("DOWN", warming.getString("checks.find { it.name == 'warm-up' }.status"));
        given().get("/q/health/live").then().statusCode(200);

        JsonPath ready = awaitReady();
        assertTrue(ready.getLong("checks.find { it.name == 'warm-up' }.data.requests") > 100, ready.prettify());
        assertEquals(0, ready.getLong("checks.find { it.name == 'warm-up' }.data.failed"), ready.prettify());
        assertTrue(
                ready.get("checks.find { it.name == 'warm-up' }.data.jitSettled") instanceof Boolean, ready.prettify());
        double hits = hits();
        assertTrue(misses() > 100, "the warm-up read past the cache, from the database");

        // This machine's address still has its whole allowance: five misses, then a 429.
        String word = "ord" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/positions?q=" + word + i).then().statusCode(200);
        }
        given().get("/api/v1/positions?q=" + word + 5).then().statusCode(429);

        // Once ready, no one reads past the cache by asking to: a kept answer is served.
        given().header("Cache-Control", "no-cache")
                .get("/api/v1/positions?q=" + word + 0)
                .then()
                .statusCode(200);
        assertEquals(hits + 1, hits());
    }

    private static JsonPath awaitReady() {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            var answer = given().get("/q/health/ready");
            if (answer.statusCode() == 200) {
                return answer.jsonPath();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not ready within 60 s");
    }

    private static double hits() {
        return cacheCount("hit");
    }

    private static double misses() {
        return cacheCount("miss");
    }

    private static double cacheCount(String result) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^jobs_response_cache_total\\{result=\"" + result + "\"\\} (\\S+)$")
                .matcher(text);
        assertTrue(line.find(), text);
        return Double.parseDouble(line.group(1));
    }
}
