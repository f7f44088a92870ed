package dk.kommunejob.engagement;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.agencyKey;
import static dk.kommunejob.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An employer's editors engage agencies; what an agency's key may do follows the engagement's days. */
@QuarkusTest
class EngagementTest {

    private static final LocalDate TODAY = LocalDate.now(Copenhagen.ZONE);

    @Test
    void anAgencyActsForAnEmployerExactlyWhileEngaged() {
        Org org = TestData.org();
        Org other = TestData.org();
        String editor = TestData.editorKey(other.employerId(), "Engagerende redaktør");
        String agency = agencyKey(org.agencyId(), "Engageret bureau");
        String draft = TestData.positionBody(other, "Pædagog", null, TODAY.plusDays(20));

        // Not engaged by the other employer yet: a 403 that says so.
        as(agency)
                .body(draft)
                .post("/api/v1/positions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("engag"));

        // Engaged from tomorrow: still not today.
        int id = as(editor)
                .body("""
                        {"agencyId": %d, "startsOn": "%s"}"""
                        .formatted(org.agencyId(), TODAY.plusDays(1)))
                .post("/api/v1/engagements")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("employer.id", equalTo((int) other.employerId()))
                .body("active", equalTo(false))
                .extract()
                .path("id");
        as(agency).body(draft).post("/api/v1/positions").then().statusCode(403);

        // From today: the agency creates the other employer's posting, as its own agency's.
        as(editor)
                .header("If-Match", "\"1\"")
                .body("""
                        {"startsOn": "%s"}""".formatted(TODAY))
                .put("/api/v1/engagements/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("active", equalTo(true));
        int posting = as(agency)
                .body(draft)
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .body("agency.id", equalTo((int) org.agencyId()))
                .extract()
                .path("id");

        // The agency sees its engagements, not others'.
        as(agency)
                .get("/api/v1/engagements")
                .then()
                .statusCode(200)
                .body("employer.id", contains((int) other.employerId(), (int) org.employerId()));

        // Ended yesterday: its key no longer acts there, even on its own posting.
        as(editor)
                .header("If-Match", "\"2\"")
                .body("""
                        {"startsOn": "%s", "endsOn": "%s"}"""
                        .formatted(TODAY.minusDays(5), TODAY.minusDays(1)))
                .put("/api/v1/engagements/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        as(agency)
                .get("/api/v1/positions/%d/editable".formatted(posting))
                .then()
                .statusCode(403)
                .body("detail", containsString("engag"));
    }

    @Test
    void badEngagementsAreProblemsNamingTheField() {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Omhyggelig redaktør");
        as(editor)
                .body("""
                        {"agencyId": %d, "startsOn": "%s", "endsOn": "%s"}"""
                        .formatted(org.agencyId(), TODAY, TODAY.minusDays(1)))
                .post("/api/v1/engagements")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("endsOn"));
        as(editor)
                .body("""
                        {"agencyId": 987654321}""")
                .post("/api/v1/engagements")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("agencyId"));
        // TestData.org() already engages its agency, open-ended: a second engagement on the same days is a 409.
        as(editor)
                .body("""
                        {"agencyId": %d, "startsOn": "%s"}"""
                        .formatted(org.agencyId(), TODAY.plusDays(100)))
                .post("/api/v1/engagements")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(BOOTSTRAP_KEY)
                .body("""
                        {"agencyId": %d}""".formatted(org.agencyId()))
                .post("/api/v1/engagements")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("employerId"));
    }
}
