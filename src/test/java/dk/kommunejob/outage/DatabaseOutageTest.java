package dk.kommunejob.outage;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.position.Position;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.util.Map;
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

    private static final String PROBLEM_TYPE = "tag:kommunejob.dk,2026:problem:database-unavailable";

    @AfterEach
    void restore() {
        DatabaseLink.restore();
    }

    @Test
    void whileTheDatabaseIsGoneReadsAndWritesAre503WithRetryAfterAndReadinessIsDown() {
        Org org = TestData.org();
        TestData.position(org, p -> {});
        given().get("/api/v1/positions?employerId=" + org.employerId()).then().statusCode(200);

        DatabaseLink.cut();

        given().get("/api/v1/positions?employerId=" + org.employerId())
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
