package dk.kommunejob.input;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.position.Position;
import dk.kommunejob.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Text that cannot be stored as written is refused where it is read, naming where it is, storing nothing. */
@QuarkusTest
class TextInputTest {

    @Test
    void aNulDeepInAPostingIsNamedAndNothingIsStored() {
        TestData.Org org = TestData.org();
        String body = TestData.positionBody(org, "Lærer", null, LocalDate.now().plusDays(20))
                .replace("Anne Jensen", "Anne\\u0000Jensen");
        as(BOOTSTRAP_KEY)
                .header("Accept-Language", "en")
                .body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.INVALID_BODY.uri.toString()))
                .body("violations[0].field", equalTo("contacts[0].name"))
                .body("violations[0].message", containsString("must not contain control characters (U+0000"));
        assertEquals(0L, positionsOf(org));
    }

    @Test
    void aControlCharacterInAMergePatchIsNamedAndTheStoredPostingStays() {
        TestData.Org org = TestData.org();
        long id = TestData.position(org, p -> {}).id;
        String etag = as(BOOTSTRAP_KEY)
                .get("/api/v1/positions/{id}/editable", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"title\": \"L\\u00e6rer\\u0007\"}")
                .patch("/api/v1/positions/{id}", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("title"))
                .body("violations[0].message", containsString("U+0007"));
        as(BOOTSTRAP_KEY)
                .get("/api/v1/positions/{id}/editable", id)
                .then()
                .header("ETag", etag)
                .body("title", equalTo("Lærer"));
    }

    @Test
    void halfACharacterInANameIsNamed() {
        as(BOOTSTRAP_KEY)
                .body("{\"name\": \"Bureau \\ud83d\"}")
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("uparret UTF-16-surrogat"));
    }

    @Test
    void tabsAndLineBreaksAndEmojiAreKept() {
        TestData.Org org = TestData.org();
        String body = TestData.positionBody(
                        org,
                        "Lærer \\uD83D\\uDC69\\u200D\\uD83C\\uDFEB",
                        null,
                        LocalDate.now().plusDays(20))
                .replace("Vi søger en leder.", "Vi søger\\ten leder.\\r\\nMed glæde.");
        as(BOOTSTRAP_KEY)
                .body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .body("title", equalTo("Lærer \uD83D\uDC69\u200D\uD83C\uDFEB"));
        assertEquals(1L, positionsOf(org));
    }

    private static long positionsOf(TestData.Org org) {
        return QuarkusTransaction.requiringNew().call(() -> Position.count("employer.id", org.employerId()));
    }
}
