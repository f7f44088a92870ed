package dk.kommunejob.ratelimit;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dk.kommunejob.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "jobs.rate-limit.writes-per-minute", "3",
                    "jobs.rate-limit.feed-reads-per-minute", "3",
                    "jobs.rate-limit.reads-per-minute", "3",
                    "jobs.rate-limit.client-reads-per-minute", "5",
                    // The tests' requests come from this machine, as through an Ingress.
                    "jobs.rate-limit.trusted-proxies", "127.0.0.1,::1");
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
        // Another client's allowance is its own, and public reads count against another (policy "reads").
        as(BOOTSTRAP_KEY).get("/api/v1/changes").then().statusCode(200);
        as(busy).get("/api/v1/positions").then().statusCode(200);
    }

    private static final AtomicInteger ADDRESSES =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 20));

    /** An address of the test's own, as the Ingress would report it. */
    private static String address() {
        return "2001:db8::" + Integer.toHexString(ADDRESSES.incrementAndGet());
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    /** A search nobody asked before: the cache cannot hold it. */
    private static String unseen() {
        return "/api/v1/positions?q=" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Spends an address's whole allowance of reads (3) on searches nobody asked before. */
    private static void spend(String address) {
        for (int i = 0; i < 3; i++) {
            from(address)
                    .get(unseen())
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", "\"reads\";q=3;w=60")
                    .header("RateLimit", matchesPattern("\"reads\";r=%d;t=[1-9][0-9]*".formatted(2 - i)));
        }
    }

    @Test
    void readsTheCacheDidNotAnswerAreLimitedPerAddressAndCachedAnswersAreNot() {
        String flooder = address();
        spend(flooder);
        from(flooder)
                .get(unseen())
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit", matchesPattern("\"reads\";r=0;t=[1-9][0-9]*"))
                .body("type", equalTo("tag:kommunejob.dk,2026:problem:rate-limited"));
        // Another address has its own allowance.
        from(address()).get(unseen()).then().statusCode(200);

        // A page the cache holds (an answer that was not counted carries no RateLimit) is served to the flooder too.
        String page = "/api/v1/units";
        String neighbour = address();
        for (int i = 0; i < 20 && from(neighbour).get(page).header("RateLimit") != null; i++) {
            sleep(100);
        }
        from(flooder).get(page).then().statusCode(200).header("RateLimit", nullValue());
    }

    @Test
    void behindTheTrustedProxyTheAddressItSawCountsNotOneTheClientWrote() {
        String flooder = address();
        spend(flooder);
        // The client wrote an address of its own; the proxy appended the one it saw.
        String written = address();
        from(written + ", " + flooder).get(unseen()).then().statusCode(429);
        from(written).get(unseen()).then().statusCode(200);
    }

    @Test
    void aKeyHasAnAllowanceOfItsOwnWhateverItsAddress() {
        String address = address();
        spend(address);
        String website = TestData.editorKey(TestData.org().employerId(), "Hjemmesidens server");
        for (int i = 0; i < 5; i++) {
            as(website)
                    .header("X-Forwarded-For", address)
                    .get(unseen())
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", "\"reads\";q=5;w=60");
        }
        as(website).header("X-Forwarded-For", address).get(unseen()).then().statusCode(429);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
