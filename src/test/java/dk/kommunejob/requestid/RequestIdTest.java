package dk.kommunejob.requestid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestIdTest {

    @Test
    void theCallersIdIsEchoedInTheAnswerTheProblemAndTheLog() {
        String id = "website-" + UUID.randomUUID();
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler collector = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc(); // now, on the thread that logs, not later on the test's
                    lines.add(ext);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(collector);
        try {
            given().header("X-Request-Id", id)
                    .get("/api/v1/positions/ingen-saadan-stilling")
                    .then()
                    .statusCode(404)
                    .header("X-Request-Id", id)
                    .body("requestId", equalTo(id));
        } finally {
            root.removeHandler(collector);
        }
        // The 404 is logged (http-problem, INFO), and the line carries the id.
        assertTrue(
                lines.stream().anyMatch(line -> id.equals(line.getMdc(RequestIds.MDC_KEY))),
                "a log line with requestId " + id);
    }

    @Test
    void problemsAnsweredBeforeTheResourceCarryTheIdToo() {
        // No key: the 401 comes from the security layer's exception mapper.
        given().header("X-Request-Id", "no-key-1")
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/positions")
                .then()
                .statusCode(401)
                .header("X-Request-Id", "no-key-1")
                .body("requestId", equalTo("no-key-1"));
        // A body declared too large: answered by a request filter before the body is read.
        given().header("X-Request-Id", "too-large-1")
                .header("Authorization", "Bearer " + dk.kommunejob.TestData.BOOTSTRAP_KEY)
                .contentType("application/json")
                .body("{\"title\": \"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/v1/positions")
                .then()
                .statusCode(413)
                .body("requestId", equalTo("too-large-1"));
    }

    @Test
    void withoutAnIdOrWithAnUnsafeOneTheServiceMakesOne() {
        String made = given().get("/api/v1/units")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .extract()
                .header("X-Request-Id");
        String other = given().get("/api/v1/units").then().extract().header("X-Request-Id");
        assertNotEquals(made, other);

        for (String unsafe : List.of("two words", "x".repeat(129), "line\tbreak", "<script>")) {
            String answered = given().header("X-Request-Id", unsafe)
                    .get("/api/v1/units")
                    .then()
                    .statusCode(200)
                    .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                    .extract()
                    .header("X-Request-Id");
            assertFalse(answered.contains(unsafe));
        }
    }

    @Test
    void aCachedAnswerAndA304HaveTheirOwnIdToo() {
        String etag =
                given().get("/api/v1/agencies").then().statusCode(200).extract().header("ETag");
        given().header("X-Request-Id", "revalidate-1")
                .header("If-None-Match", etag)
                .get("/api/v1/agencies")
                .then()
                .statusCode(304)
                .header("X-Request-Id", "revalidate-1");
        given().header("X-Request-Id", "again-1")
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "again-1");
    }
}
