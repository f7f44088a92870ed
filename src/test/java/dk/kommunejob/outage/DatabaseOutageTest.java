package dk.kommunejob.outage;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.Position;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL goes away under a running service and comes back (the link between them is cut). */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnInstance.class)
@WithTestResource(DatabaseLink.class)
class DatabaseOutageTest {

    /** The link changes the datasource, so this class runs in an instance of its own. */
    public static class OwnInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of();
        }
    }

    @Inject
    DatabaseOutage outage;

    private static final String PROBLEM_TYPE = "tag:kommunejob.dk,2026:problem:database-unavailable";

    @AfterEach
    void restore() {
        DatabaseLink.restore();
    }

    /** The link cut, and the service aware of it: a read that needs the database has failed. */
    private static void cutAndAwaitOutage(Org org) {
        DatabaseLink.cut();
        given().get("/api/v1/positions?size=9&employerId=" + org.employerId())
                .then()
                .statusCode(503);
    }

    /** Lets the commit's notification land (within the listener's one-second wait) at the clock's time. */
    private static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Moves the service's clock to this Copenhagen wall-clock time, for the current test only. */
    private static void at(LocalDateTime localTime) {
        QuarkusMock.installMockForType(
                Clock.fixed(localTime.atZone(Copenhagen.ZONE).toInstant(), Copenhagen.ZONE), Clock.class);
    }

    /** A day of the test's own, far ahead: no other test's posting has its deadline then. */
    private static LocalDate ownDay() {
        return LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(400, 4000));
    }

    @Test
    void whileTheDatabaseIsGoneReadsAndWritesAre503WithRetryAfterAndReadinessIsDown() {
        Org org = TestData.org();
        TestData.position(org, p -> {});
        given().get("/api/v1/positions?employerId=" + org.employerId()).then().statusCode(200);

        DatabaseLink.cut();

        // A page the cache holds no answer for (a cached one is served stale: the tests below).
        given().get("/api/v1/positions?size=7&employerId=" + org.employerId())
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo(PROBLEM_TYPE));
        as(BOOTSTRAP_KEY)
                .body(TestData.positionBody(
                        org, "Under nedbrud", null, LocalDate.now().plusDays(30)))
                .post("/api/v1/positions")
                .then()
                .statusCode(503)
                .header("Retry-After", "2")
                .body("type", equalTo(PROBLEM_TYPE));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aKeptAnswerIsServedMarkedStaleThroughTheOutageUntilItsOwnDeadlinePasses() {
        Org org = TestData.org();
        LocalDate day = ownDay();
        LocalDateTime deadline = day.atTime(14, 30);
        at(day.atTime(14, 0));
        TestData.position(
                org,
                p -> p.applicationDeadline = deadline.atZone(Copenhagen.ZONE).toOffsetDateTime());
        settle();
        String list = "/api/v1/positions?employerId=" + org.employerId();
        Response fresh = given().get(list).then().statusCode(200).extract().response();
        String etag = fresh.header("ETag");
        assertNull(fresh.header("Age"));
        assertNull(fresh.header("Cache-Status"));

        cutAndAwaitOutage(org);
        at(day.atTime(14, 10));
        given().get(list)
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .header("Age", "600")
                .header("Cache-Status", "job-postings; hit; ttl=-600; detail=stale-if-error")
                // It may be shown until its deadline, 20 minutes and a second away.
                .header("Cache-Control", "public, max-age=0, stale-if-error=1201")
                .body(equalTo(fresh.asString()));
        given().header("If-None-Match", etag).get(list).then().statusCode(304).header("Age", "600");
        // Anything the cache does not hold still needs the database.
        given().get(list + "&size=3").then().statusCode(503);
        // An answer that authenticates is never one the cache gives.
        as(BOOTSTRAP_KEY).get(list).then().statusCode(503);

        at(deadline.plusSeconds(1));
        given().get(list)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2");
    }

    @Test
    void aReadThatFindsTheDatabaseGoneBeforeTheServiceKnowsIsAnsweredWhatIsKeptStale() {
        Org org = TestData.org();
        TestData.position(org, p -> {});
        settle();
        String list = "/api/v1/positions?size=4&employerId=" + org.employerId();
        Response kept = given().get(list).then().statusCode(200).extract().response();
        // The data changes, so the kept answer is out of date and the next read goes to the database.
        TestData.position(org, p -> {});
        settle();

        DatabaseLink.cut();
        outage.back(); // the moment before the service notices: the read itself finds the database gone
        given().get(list)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("ETag", kept.header("ETag"))
                .header("Cache-Status", matchesPattern("job-postings; hit; ttl=-\\d+; detail=stale-if-error"))
                .header("Cache-Control", startsWith("public, max-age=0, stale-if-error="))
                .header("Retry-After", nullValue())
                .body(equalTo(kept.asString()));
        outage.back();
        given().header("If-None-Match", kept.header("ETag")).get(list).then().statusCode(304);
        // Without a kept answer it is the 503 still.
        outage.back();
        given().get(list + "&page=2").then().statusCode(503).header("Retry-After", "2");
    }

    @Test
    void aStaleAnswerIsServedForAtMostTheBoundAfterItWentOutOfDate() {
        Org org = TestData.org();
        LocalDate day = ownDay();
        at(day.atTime(9, 0));
        TestData.position(
                org,
                p -> p.applicationDeadline =
                        day.atTime(20, 0).atZone(Copenhagen.ZONE).toOffsetDateTime());
        settle();
        String list = "/api/v1/positions?size=2&employerId=" + org.employerId();
        given().get(list).then().statusCode(200);

        // Read at 9:00 and current until the outage began at 9:30: its age counts from 9:30.
        at(day.atTime(9, 30));
        cutAndAwaitOutage(org);
        at(day.atTime(10, 29, 59));
        given().get(list).then().statusCode(200).header("Age", "3599");
        at(day.atTime(10, 30));
        given().get(list).then().statusCode(503);
    }

    @Test
    void theFirstRequestAfterTheDatabaseReturnsSucceeds() {
        Org org = TestData.org();
        TestData.position(org, p -> {});
        // Several requests at once, so the pool holds several connections when the link is cut.
        java.util.stream.IntStream.range(0, 8).parallel().forEach(i -> given().get(
                        "/api/v1/positions?employerId=%d&page=%d".formatted(org.employerId(), i + 1))
                .then()
                .statusCode(200));

        DatabaseLink.cut();
        given().get("/api/v1/positions?employerId=" + org.employerId()).then().statusCode(503);
        DatabaseLink.restore();

        for (int i = 0; i < 8; i++) {
            given().get("/api/v1/positions?employerId=%d&size=%d".formatted(org.employerId(), i + 1))
                    .then()
                    .statusCode(200);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aWriteThatFailedInTheOutageIsRetriedWithItsIdempotencyKeyAndHappensOnce() {
        Org org = TestData.org();
        String body =
                TestData.positionBody(org, "Genforsøgt", null, LocalDate.now().plusDays(30));
        String key = "outage-" + org.employerId();
        as(BOOTSTRAP_KEY).get("/api/v1/changes").then().statusCode(200);

        DatabaseLink.cut();
        as(BOOTSTRAP_KEY)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(503);
        DatabaseLink.restore();

        int id = as(BOOTSTRAP_KEY)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("id");
        as(BOOTSTRAP_KEY)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        long written = QuarkusTransaction.requiringNew()
                .call(() -> Position.count("employer.id = ?1 and title = ?2", org.employerId(), "Genforsøgt"));
        assertEquals(1, written);
    }
}
