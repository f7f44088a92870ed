package dk.kommunejob.checks;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dk.kommunejob.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A posting's checks, and an employer's rule that a posting states its pay before it is published. */
@QuarkusTest
class ChecksTest {

    @Test
    void aDraftsChecksSayWhatIsMissingAndWhatNamesOneSex() {
        TestData.Org org = TestData.org();
        long id = draft(org, "Formand for Ældrerådet", LocalDate.now().plusDays(3), "");
        as(BOOTSTRAP_KEY)
                .header("Accept-Language", "en")
                .get("/api/v1/positions/{id}/checks", id)
                .then()
                .statusCode(200)
                .body("publishable", equalTo(true))
                .body("findings.code", containsInAnyOrder("pay-not-stated", "gendered-wording", "deadline-soon"))
                .body("findings.find { it.code == 'pay-not-stated' }.severity", equalTo("warning"))
                .body("findings.find { it.code == 'gendered-wording' }.field", equalTo("title"))
                .body("findings.find { it.code == 'gendered-wording' }.message", equalTo("'Formand' names one sex."))
                .body(
                        "findings.find { it.code == 'gendered-wording' }.suggestion",
                        equalTo("Write 'forperson' or 'leder' instead."));
    }

    @Test
    void underTheRequiredRulePublishingWithoutPayIsRefusedWithTheFindingsAndADraftIsStillSaved() {
        TestData.Org org = TestData.org();
        require(org);
        long id = draft(org, "Lærer", LocalDate.now().plusDays(20), "");
        as(BOOTSTRAP_KEY)
                .get("/api/v1/positions/{id}/checks", id)
                .then()
                .body("publishable", equalTo(false))
                .body("findings[0].severity", equalTo("error"));
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .header("Accept-Language", "da")
                .post("/api/v1/positions/{id}/publish", id)
                .then()
                .statusCode(422)
                .body("violations.field", contains("pay"))
                .body(
                        "violations[0].message",
                        equalTo("Arbejdsgiveren kræver, at opslaget angiver startlønnen "
                                + "(løntrin eller et beløb), før det offentliggøres."))
                .body("findings.code", hasItem("pay-not-stated"));
        as(BOOTSTRAP_KEY)
                .get("/api/v1/positions/{id}/editable", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");

        long stating = draft(org, "Pædagog", LocalDate.now().plusDays(20), "\"pay\": {\"steps\": {\"from\": 26}}, ");
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/{id}/publish", stating)
                .then()
                .statusCode(200);
        as(BOOTSTRAP_KEY)
                .get("/api/v1/employers/{id}/pay-transparency", org.employerId())
                .then()
                .statusCode(200)
                .body("rule", equalTo("required"))
                .body("open", equalTo(1))
                .body("stating", equalTo(1))
                .body("notStating", hasSize(0));
    }

    @Test
    void theReportListsTheOpenPostingsThatStateNoPay() {
        TestData.Org org = TestData.org();
        long without = TestData.position(org, p -> p.title = "Uden løn").id;
        TestData.position(org, p -> p.payStated = true);
        as(BOOTSTRAP_KEY)
                .get("/api/v1/employers/{id}/pay-transparency", org.employerId())
                .then()
                .statusCode(200)
                .body("rule", equalTo("recommended"))
                .body("open", equalTo(2))
                .body("stating", equalTo(1))
                .body("notStating.id", contains((int) without))
                .body("notStating[0].unit.id", equalTo((int) org.unitId()));
        String otherEditor = TestData.editorKey(TestData.org().employerId(), "Anden kommune");
        as(otherEditor)
                .get("/api/v1/employers/{id}/pay-transparency", org.employerId())
                .then()
                .statusCode(403);
        as(null).get("/api/v1/employers/{id}/pay-transparency", org.employerId())
                .then()
                .statusCode(401);
    }

    private static long draft(TestData.Org org, String title, LocalDate deadline, String fields) {
        return ((Number) as(BOOTSTRAP_KEY)
                        .body("{" + fields
                                + TestData.positionBody(org, title, null, deadline)
                                        .strip()
                                        .substring(1))
                        .post("/api/v1/positions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    private static void require(TestData.Org org) {
        String etag = as(BOOTSTRAP_KEY)
                .get("/api/v1/employers/{id}/editable", org.employerId())
                .then()
                .extract()
                .header("ETag");
        String body = as(BOOTSTRAP_KEY)
                .get("/api/v1/employers/{id}/editable", org.employerId())
                .asString()
                .replace("\"payTransparency\":\"recommended\"", "\"payTransparency\":\"required\"");
        as(BOOTSTRAP_KEY)
                .header("If-Match", etag)
                .body(body)
                .put("/api/v1/employers/{id}", org.employerId())
                .then()
                .statusCode(200);
    }
}
