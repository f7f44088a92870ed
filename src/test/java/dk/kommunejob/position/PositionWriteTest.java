package dk.kommunejob.position;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.agencyKey;
import static dk.kommunejob.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PositionWriteTest {

    private static final LocalDate DEADLINE = LocalDate.now().plusDays(30);

    /** A complete position body, ready to publish. */
    static String body(Org org, String title, Long agencyId) {
        return TestData.positionBody(org, title, agencyId, DEADLINE);
    }

    static ExtractableResponse<Response> create(String key, String body) {
        return as(key).body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .extract();
    }

    @Test
    void anEditorCreatesADraftPublishesItAndThePublicSeesIt() {
        Org org = TestData.org();
        var created = create(BOOTSTRAP_KEY, body(org, "Skoleleder", org.agencyId()));
        long id = created.<Integer>path("id");

        assertEquals("\"1\"", created.header("ETag"));
        assertEquals(
                "/api/v1/positions/" + id,
                java.net.URI.create(created.header("Location")).getPath());
        given().get("/api/v1/positions/" + id).then().statusCode(404);

        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("state", equalTo("published"))
                .body("status", equalTo("open"));
        given().get("/api/v1/positions/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Skoleleder"))
                .body("slug", equalTo("skoleleder-" + id))
                .body("agency.id", equalTo((int) org.agencyId()))
                .body("contacts[0].phone", equalTo("+4520337091"))
                .body("stages[0].startTime", equalTo("09:00"))
                .body(
                        "applicationDeadline",
                        equalTo(dk.kommunejob.common.Copenhagen.endOfDay(DEADLINE)
                                .toString()));
        given().queryParam("employer", org.employerId())
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains((int) id));
    }

    @Test
    void replacingNeedsTheCurrentETag() {
        Org org = TestData.org();
        long id = create(BOOTSTRAP_KEY, body(org, "Pædagog", null)).<Integer>path("id");

        as(BOOTSTRAP_KEY)
                .body(body(org, "Pædagog til Kastanjen", null))
                .put("/api/v1/positions/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"9\"")
                .body(body(org, "Pædagog til Kastanjen", null))
                .put("/api/v1/positions/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .body(body(org, "Pædagog til Kastanjen", null))
                .put("/api/v1/positions/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Pædagog til Kastanjen"));
        // The same content again changes nothing, so the version stays.
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"2\"")
                .body(body(org, "Pædagog til Kastanjen", null))
                .put("/api/v1/positions/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
    }

    @Test
    void twoWritersWithTheSameETagOneWinsTheOtherGets412AndNothingIsLost() throws Exception {
        Org org = TestData.org();
        long id = create(BOOTSTRAP_KEY, body(org, "Lærer", null)).<Integer>path("id");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String title : List.of("Lærer i dansk", "Lærer i matematik")) {
            Callable<Integer> write = () -> {
                start.await();
                return as(BOOTSTRAP_KEY)
                        .header("If-Match", "\"1\"")
                        .body(body(org, title, null))
                        .put("/api/v1/positions/" + id)
                        .then()
                        .extract()
                        .statusCode();
            };
            answers.add(pool.submit(write));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        String winner = statuses.get(0) == 200 ? "Lærer i dansk" : "Lærer i matematik";
        as(BOOTSTRAP_KEY)
                .get("/api/v1/positions/%d/editable".formatted(id))
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo(winner))
                .body("contacts", hasSize(1))
                .body("stages", hasSize(1));
    }

    @Test
    void theLifeCycleAllowsOnlyLegalTransitions() {
        Org org = TestData.org();
        long id = create(BOOTSTRAP_KEY, body(org, "Jurist", null)).<Integer>path("id");
        String base = "/api/v1/positions/" + id;

        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post(base + "/close")
                .then()
                .statusCode(409);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .body("{\"applicationDeadline\": \"%s\"}".formatted(DEADLINE.plusDays(3)))
                .post(base + "/reopen")
                .then()
                .statusCode(409);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post(base + "/publish")
                .then()
                .statusCode(200);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"2\"")
                .post(base + "/publish")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"2\"")
                .post(base + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("state", equalTo("published"));
        given().get(base).then().statusCode(200).body("status", equalTo("closed"));
        given().queryParam("employer", org.employerId())
                .get("/api/v1/positions")
                .then()
                .body("total", equalTo(0));
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"3\"")
                .post(base + "/close")
                .then()
                .statusCode(409);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"3\"")
                .body("{\"applicationDeadline\": \"%s\"}".formatted(DEADLINE))
                .post(base + "/reopen")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("applicationDeadline"));
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"3\"")
                .body("{\"applicationDeadline\": \"%s\"}".formatted(DEADLINE.plusDays(7)))
                .post(base + "/reopen")
                .then()
                .statusCode(200)
                .body("status", equalTo("open"))
                .body("deadlineHistory", hasSize(1))
                .body(
                        "deadlineHistory[0].previousDeadline",
                        equalTo(dk.kommunejob.common.Copenhagen.endOfDay(DEADLINE)
                                .toString()))
                .body(
                        "deadlineHistory[0].newDeadline",
                        equalTo(dk.kommunejob.common.Copenhagen.endOfDay(DEADLINE.plusDays(7))
                                .toString()));
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"4\"")
                .post(base + "/withdraw")
                .then()
                .statusCode(200)
                .body("state", equalTo("withdrawn"));
        given().get(base).then().statusCode(404);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"5\"")
                .post(base + "/withdraw")
                .then()
                .statusCode(409);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"5\"")
                .post(base + "/publish")
                .then()
                .statusCode(409);
    }

    @Test
    void publishingNeedsACompletePosition() {
        Org org = TestData.org();
        long id = create(
                        BOOTSTRAP_KEY,
                        """
                        {"title": "Halvfærdig", "employerId": %d}"""
                                .formatted(org.employerId()))
                .<Integer>path("id");

        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("unitId", "applicationDeadline", "applyUrl", "contacts"));
    }

    @Test
    void whoMayWriteWhat() {
        Org org = TestData.org();
        long otherAgency = TestData.org().agencyId();
        String agencyA = agencyKey(org.agencyId(), "Agency A");
        String agencyB = agencyKey(otherAgency, "Agency B");
        String revoked = TestData.editorKey(org.employerId(), "Revoked editor");
        long revokedId = as(BOOTSTRAP_KEY)
                .get("/api/v1/clients")
                .then()
                .extract()
                .<Integer>path("find { it.name == 'Revoked editor' }.id");
        as(BOOTSTRAP_KEY).delete("/api/v1/clients/" + revokedId).then().statusCode(204);

        // An agency's postings are its own: it cannot create for another agency, and gets its own by default.
        as(agencyA)
                .body(body(org, "Forkert bureau", otherAgency))
                .post("/api/v1/positions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("agencyId"));
        long byA = create(agencyA, body(org, "Bureauets stilling", null)).<Integer>path("id");
        as(agencyA)
                .get("/api/v1/positions/%d/editable".formatted(byA))
                .then()
                .statusCode(200)
                .body("agencyId", equalTo((int) org.agencyId()));
        long byEditor = create(BOOTSTRAP_KEY, body(org, "Kommunens egen", null)).<Integer>path("id");

        String[] writes = {"PUT", "PATCH", "DELETE", "publish", "close", "withdraw", "reopen", "editable", "history"};
        for (String write : writes) {
            assertEquals(401, attempt(null, write, org, byA), "anonymous " + write);
            assertEquals(401, attempt(revoked, write, org, byA), "revoked " + write);
            // Drafts of others: the caller may not know they exist (the isolation matrix covers published ones).
            assertEquals(404, attempt(agencyB, write, org, byA), "agency B " + write);
            assertEquals(404, attempt(agencyA, write, org, byEditor), "agency A on the employer's own " + write);
        }
        as(null).body(body(org, "Anonym", null))
                .post("/api/v1/positions")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        as(revoked)
                .body(body(org, "Tilbagekaldt", null))
                .post("/api/v1/positions")
                .then()
                .statusCode(401);
        // The owner and editors may; both see the same versions.
        as(agencyA)
                .header("If-Match", "\"1\"")
                .body(body(org, "Bureauets stilling, ny titel", null))
                .put("/api/v1/positions/" + byA)
                .then()
                .statusCode(200);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"2\"")
                .post("/api/v1/positions/%d/publish".formatted(byA))
                .then()
                .statusCode(200);
        as(agencyA)
                .header("If-Match", "\"3\"")
                .post("/api/v1/positions/%d/close".formatted(byA))
                .then()
                .statusCode(200);
    }

    /** The status a write to the position answers with, for a caller (null: anonymous). */
    private static int attempt(String key, String write, Org org, long id) {
        String base = "/api/v1/positions/" + id;
        var request = as(key).header("If-Match", "\"1\"");
        return switch (write) {
            case "PUT" -> request.body(body(org, "Ændret", null)).put(base).statusCode();
            case "reopen" ->
                request.body("{\"applicationDeadline\": \"%s\"}".formatted(DEADLINE.plusDays(9)))
                        .post(base + "/reopen")
                        .statusCode();
            case "PATCH" ->
                request.contentType("application/merge-patch+json; charset=UTF-8")
                        .body("{\"title\": \"Ændret\"}")
                        .patch(base)
                        .statusCode();
            case "DELETE" -> request.delete(base).statusCode();
            case "editable" -> request.get(base + "/editable").statusCode();
            case "history" -> request.get(base + "/history").statusCode();
            default -> request.post(base + "/" + write).statusCode();
        };
    }

    @Test
    void inputCarriesNoServerOwnedFields() {
        Org org = TestData.org();
        for (String field : List.of(
                "\"id\": 5",
                "\"status\": \"published\"",
                "\"slug\": \"mine\"",
                "\"publishedAt\": \"2025-01-01T00:00:00Z\"",
                "\"version\": 9",
                "\"createdBy\": 1")) {
            String body = body(org, "Masse", null).replaceFirst("\\{", "{" + field + ",");
            as(BOOTSTRAP_KEY)
                    .body(body)
                    .post("/api/v1/positions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(field.substring(1, field.indexOf('"', 1))));
        }
    }

    @Test
    void everyRuleIsA400NamingTheField() {
        Org org = TestData.org();
        long otherEmployersUnit = TestData.org().unitId();
        String ok = body(org, "Regler", null);
        record Case(String field, String body) {}
        List<Case> cases = List.of(
                new Case("title", ok.replace("\"title\": \"Regler\"", "\"title\": \"\"")),
                new Case("title", ok.replace("\"title\": \"Regler\"", "\"title\": \"" + "x".repeat(201) + "\"")),
                new Case("applyUrl", ok.replace("https://albertslund.dk/job", "javascript:alert(1)")),
                new Case("links[0].url", ok.replace("https://albertslund.dk/skolepolitik.pdf", "ftp://x")),
                new Case("contacts[0].phone", ok.replace("20 33 70 91", "12 34")),
                new Case("contacts[0].email", ok.replace("\"phone\": \"20 33 70 91\"", "\"email\": \"not-an-email\"")),
                new Case("contacts[0].name", ok.replace("\"name\": \"Anne Jensen\"", "\"name\": \" \"")),
                new Case("stages[0].endTime", ok.replace("\"endTime\": \"14:00\"", "\"endTime\": \"08:00\"")),
                // Times are Copenhagen wall-clock times: no offset, no fractions.
                new Case("stages[0].startTime", ok.replace("\"startTime\": \"09:00\"", "\"startTime\": \"09:00:00Z\"")),
                new Case(
                        "stages[0].startTime", ok.replace("\"startTime\": \"09:00\"", "\"startTime\": \"09:00:00.5\"")),
                new Case(
                        "stages[0].date",
                        ok.replace(
                                DEADLINE.plusDays(5).toString(),
                                DEADLINE.minusDays(1).toString())),
                new Case("startDate", ok.replace(DEADLINE.plusMonths(2).toString(), DEADLINE.toString())),
                new Case(
                        "stages[0].date",
                        ok.replace(
                                DEADLINE.plusMonths(2).toString(),
                                DEADLINE.plusDays(2).toString())),
                new Case("applicationDeadline", ok.replace("\"" + DEADLINE + "\"", "\"25-05-2031\"")),
                new Case("unitId", ok.replace("\"unitId\": " + org.unitId(), "\"unitId\": " + otherEmployersUnit)),
                new Case("employerId", ok.replace("\"employerId\": " + org.employerId(), "\"employerId\": 987654321")),
                new Case("stages[0].kind", ok.replace("first_interview", "lunch")),
                new Case("contacts", ok.replace("\"contacts\": [", "\"contacts\": \"x\", \"ignored\": [")),
                new Case("title", ok.replace("\"title\": \"Regler\"", "\"title\": \"<script>alert(1)</script>\"")),
                new Case("contacts[0].role", ok.replace("Skoleleder", "<img src=x onerror=alert(1)>")),
                new Case("hiringCommittee[0].role", ok.replace("enhedsleder", "<b>leder</b>")),
                new Case("employerId", ok.replace("\"employerId\": " + org.employerId() + ",", "")));
        for (Case c : cases) {
            var answer = as(BOOTSTRAP_KEY)
                    .body(c.body())
                    .post("/api/v1/positions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .extract();
            // One shape, whichever check found it: Jackson, Bean Validation or the service's own rules.
            assertEquals("tag:kommunejob.dk,2026:problem:invalid-body", answer.path("type"), answer.asString());
            assertEquals(c.field(), answer.path("violations[0].field"), "case " + c.field() + ": " + answer.asString());
        }
    }

    @Test
    void sectionTextKeepsASafeHtmlSubsetAndNeverScript() {
        Org org = TestData.org();
        String body = body(org, "HTML", null)
                .replace(
                        "Vi søger en leder.",
                        "<p>Vi søger <strong>en</strong> leder &amp; <a href='https://albertslund.dk' onclick='x()'>mere</a></p><script>alert(1)</script><img src=x onerror=alert(2)>");
        long id = create(BOOTSTRAP_KEY, body).<Integer>path("id");

        as(BOOTSTRAP_KEY)
                .get("/api/v1/positions/%d/editable".formatted(id))
                .then()
                .body("sections[0].body", not(containsString("script")))
                .body("sections[0].body", not(containsString("onclick")))
                .body("sections[0].body", not(containsString("onerror")))
                .body("sections[0].body", containsString("<strong>en</strong>"))
                .body(
                        "sections[0].body",
                        matchesPattern(".*<a href=\"https://albertslund.dk\" rel=\"nofollow\">mere</a>.*"));
        // Plain text stays as written.
        as(BOOTSTRAP_KEY)
                .get("/api/v1/positions/%d/editable".formatted(id))
                .then()
                .body("hiringCommittee[0].role", equalTo("enhedsleder"))
                .body("$", not(hasKey("agencyId")));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNullClears() {
        Org org = TestData.org();
        long id = create(BOOTSTRAP_KEY, body(org, "Lærer", null)).<Integer>path("id");
        String path = "/api/v1/positions/" + id;

        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"title\": \"Lærer i dansk\"}")
                .patch(path)
                .then()
                .statusCode(428);
        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"1\"")
                .body("{\"title\": \"Lærer i dansk\", \"reportsTo\": null, \"salary\": \"Efter aftale\"}")
                .patch(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Lærer i dansk"))
                .body("reportsTo", nullValue())
                .body("salary", equalTo("Efter aftale"))
                .body("contacts", hasSize(1))
                .body("sections[0].heading", equalTo("Indledning"));
        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"1\"")
                .body("{\"title\": \"Gammel\"}")
                .patch(path)
                .then()
                .statusCode(412);
        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"2\"")
                .body("{\"title\": \"\", \"status\": \"published\"}")
                .patch(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"2\"")
                .body("{\"title\": \"\"}")
                .patch(path)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("title"));
        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"2\"")
                .body("{\"title\": ")
                .patch(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // Nothing of the refused patches was stored.
        as(BOOTSTRAP_KEY)
                .get(path + "/editable")
                .then()
                .header("ETag", "\"2\"")
                .body("title", equalTo("Lærer i dansk"));
    }

    @Test
    void aWriterTakesTheEditableFieldsChangesOneAndSendsThemBack() {
        Org org = TestData.org();
        String agency = agencyKey(org.agencyId(), "Rundturbureau");
        // Times with seconds are taken as well as HH:mm; the writer's view gives them with seconds.
        String body = body(org, "Pædagog", null).replace("\"startTime\": \"09:00\"", "\"startTime\": \"09:00:30\"");
        String path = "/api/v1/positions/" + create(agency, body).<Integer>path("id");
        var editable = as(agency).get(path + "/editable").then().statusCode(200).extract();
        Map<String, Object> fields = editable.jsonPath().getMap("$");
        assertEquals("+4520337091", editable.path("contacts[0].phone"), "the stored form, which PUT takes again");
        assertEquals("09:00:30", editable.path("stages[0].startTime"));
        assertEquals("14:00:00", editable.path("stages[0].endTime"));

        fields.put("pay", Map.of("text", "Efter aftale", "supplements", List.of()));
        as(agency)
                .header("If-Match", editable.header("ETag"))
                .body(fields)
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("salary", equalTo("Efter aftale"));
        // A merge patch of just one field does the same.
        as(agency)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"2\"")
                .body("{\"pension\": \"19,55 %\"}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("pension", equalTo("19,55 %"));

        // Each write changed exactly the one field, and the fields read back are what was sent.
        as(agency)
                .get(path + "/history")
                .then()
                .body("action", contains("created", "updated", "updated"))
                .body("[1].changes.keySet()", contains("pay"))
                .body("[2].changes.keySet()", contains("pension"));
        fields.put("pension", "19,55 %");
        assertEquals(
                fields,
                as(agency)
                        .get(path + "/editable")
                        .then()
                        .header("ETag", "\"3\"")
                        .extract()
                        .jsonPath()
                        .getMap("$"));
    }

    @Test
    void theHistorySaysWhoChangedWhatAndWhen() {
        Org org = TestData.org();
        String agencyA = agencyKey(org.agencyId(), "Historiebureau");
        long id = create(agencyA, body(org, "Sygeplejerske", null)).<Integer>path("id");
        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"1\"")
                .body("{\"title\": \"Sygeplejerske til Albertshøj\"}")
                .patch("/api/v1/positions/" + id)
                .then()
                .statusCode(200);
        as(agencyA)
                .header("If-Match", "\"2\"")
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(200);

        as(agencyA)
                .get("/api/v1/positions/%d/history".formatted(id))
                .then()
                .statusCode(200)
                .body("action", contains("created", "updated", "published"))
                .body("client.name", contains("Historiebureau", "Bootstrap admin", "Historiebureau"))
                .body("[1].changes.title.from", equalTo("Sygeplejerske"))
                .body("[1].changes.title.to", equalTo("Sygeplejerske til Albertshøj"))
                .body("[1].changes.size()", equalTo(1));
        as(BOOTSTRAP_KEY)
                .get("/api/v1/positions/%d/history".formatted(id))
                .then()
                .statusCode(200);
        as(null).get("/api/v1/positions/%d/history".formatted(id)).then().statusCode(401);
        as(agencyKey(TestData.org().agencyId(), "Fremmed bureau"))
                .get("/api/v1/positions/%d/history".formatted(id))
                .then()
                .statusCode(403);
    }

    @Test
    void anIdempotencyKeyMakesARetriedCreateHappenOnce() {
        Org org = TestData.org();
        String body = body(org, "Gentaget", null);
        var first = as(BOOTSTRAP_KEY)
                .header("Idempotency-Key", "retry-" + org.employerId())
                .body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .extract();
        var again = as(BOOTSTRAP_KEY)
                .header("Idempotency-Key", "retry-" + org.employerId())
                .body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract();

        assertEquals(first.<Integer>path("id"), again.<Integer>path("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        as(BOOTSTRAP_KEY)
                .header("Idempotency-Key", "retry-" + org.employerId())
                .body(body(org, "Noget andet", null))
                .post("/api/v1/positions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        // Another client's key space is its own.
        as(agencyKey(org.agencyId(), "Idempotent bureau"))
                .header("Idempotency-Key", "retry-" + org.employerId())
                .body(body)
                .post("/api/v1/positions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        // Without a key, a repeat is a new position.
        create(BOOTSTRAP_KEY, body);
        create(BOOTSTRAP_KEY, body);
        long drafts = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Position.count("employer.id = ?1 and title = ?2", org.employerId(), "Gentaget"));
        assertEquals(4, drafts);
    }

    @Test
    void aBodyOverTheLimitIsAProblem() {
        Org org = TestData.org();
        String huge = body(org, "Stor", null).replace("Vi søger en leder.", "x".repeat(1_100_000));
        as(BOOTSTRAP_KEY)
                .body(huge)
                .post("/api/v1/positions")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void aRetriedLifeCycleStepWithItsKeyIsAnsweredAsTheFirstTime() {
        Org org = TestData.org();
        long id = create(BOOTSTRAP_KEY, body(org, "Genudgivet", null)).<Integer>path("id");
        String key = "publish-" + id;

        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .header("Idempotency-Key", key)
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        // The answer was lost on the way; the client sends the same request again.
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .header("Idempotency-Key", key)
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .header("Idempotent-Replayed", "true")
                .body("state", equalTo("published"));
        // Without the key the same request is what it is: a stale one.
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/%d/publish".formatted(id))
                .then()
                .statusCode(412);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"2\"")
                .header("Idempotency-Key", key)
                .post("/api/v1/positions/%d/close".formatted(id))
                .then()
                .statusCode(422);
    }
}
