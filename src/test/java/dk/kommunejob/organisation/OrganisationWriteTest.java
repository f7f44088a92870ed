package dk.kommunejob.organisation;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.position.Position;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The organisation through the API: employers, their units and settings, and agencies. */
@QuarkusTest
class OrganisationWriteTest {

    static String employerBody(String name, String extra) {
        return """
                {"name": "%s", "address": {"street": "Rådhuspladsen 1", "postalCode": "4000", "city": "Roskilde"},
                 "phone": "46 31 30 00", "website": "https://roskilde.dk", %s
                 "values": [{"name": "Mod", "values": "Vi tør.", "behaviour": "Vi går forrest."}]}"""
                .formatted(name, extra == null ? "" : extra + ",");
    }

    @Test
    void anAdminAddsAnEmployerOnceAndItsEditorChangesItWithTheVersion() {
        String name = "Prøvekommune " + UUID.randomUUID();
        ExtractableResponse<Response> created = as(BOOTSTRAP_KEY)
                .header("Idempotency-Key", "employer-" + name)
                .body(employerBody(name, null))
                .post("/api/v1/employers")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("name", equalTo(name))
                .body("phone", equalTo("+4546313000"))
                .body("values[0].name", equalTo("Mod"))
                .extract();
        int id = created.path("id");
        assertEquals(
                "/api/v1/employers/" + id,
                java.net.URI.create(created.header("Location")).getPath());
        // The same request again is answered as the first, and makes no second employer.
        as(BOOTSTRAP_KEY)
                .header("Idempotency-Key", "employer-" + name)
                .body(employerBody(name, null))
                .post("/api/v1/employers")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        // A name is an employer's own.
        as(BOOTSTRAP_KEY)
                .body(employerBody(name.toUpperCase(), null))
                .post("/api/v1/employers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        String editor = TestData.editorKey(id, "Prøveredaktør");
        String editable = as(editor)
                .get("/api/v1/employers/%d/editable".formatted(id))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo(name))
                .extract()
                .asString();
        String renamed = editable.replace(name, name + " Syd");
        as(editor).body(renamed).put("/api/v1/employers/" + id).then().statusCode(428);
        as(editor)
                .header("If-Match", "\"7\"")
                .body(renamed)
                .put("/api/v1/employers/" + id)
                .then()
                .statusCode(412)
                .body("detail", containsString("\"1\""));
        as(editor)
                .header("If-Match", "\"1\"")
                .body(renamed)
                .put("/api/v1/employers/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo(name + " Syd"));
        given().get("/api/v1/employers/" + id).then().statusCode(200).body("name", equalTo(name + " Syd"));
    }

    @Test
    void badEmployerInputNamesTheField() {
        as(BOOTSTRAP_KEY)
                .body(employerBody("Fejlkommune " + UUID.randomUUID(), null).replace("\"4000\"", "\"40\""))
                .post("/api/v1/employers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("address.postalCode"));
        as(BOOTSTRAP_KEY)
                .body(employerBody("Fejlkommune " + UUID.randomUUID(), null).replace("46 31 30 00", "123"))
                .post("/api/v1/employers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("phone"));
        as(BOOTSTRAP_KEY)
                .body(employerBody(
                        "Fejlkommune " + UUID.randomUUID(), "\"postingPageUrl\": \"https://roskilde.dk/job\""))
                .post("/api/v1/employers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("postingPageUrl"))
                .body("violations[0].message", containsString("{slug}"));
        as(BOOTSTRAP_KEY)
                .body(employerBody(
                        "Fejlkommune " + UUID.randomUUID(), "\"websiteOrigins\": [\"https://roskilde.dk/job\"]"))
                .post("/api/v1/employers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("websiteOrigins[0]"));
        // Server-owned fields cannot be sent.
        as(BOOTSTRAP_KEY)
                .body(employerBody("Fejlkommune " + UUID.randomUUID(), "\"id\": 5"))
                .post("/api/v1/employers")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void anEmployersPostingPageIsWhereFeedsCalendarsAndMarkupLink() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> x.title = "Havearbejder");
        String editor = TestData.editorKey(org.employerId(), "Siderne");
        String name = given().get("/api/v1/employers/" + org.employerId())
                .then()
                .extract()
                .path("name");
        as(editor)
                .header("If-Match", "*")
                .body(
                        employerBody(
                                name,
                                """
                        "postingPageUrl": "https://test-kommune.example/job/{slug}",
                        "websiteOrigins": ["https://test-kommune.example/", "https://test-kommune.example"]"""))
                .put("/api/v1/employers/" + org.employerId())
                .then()
                .statusCode(200);

        String page = "https://test-kommune.example/job/" + p.slug;
        given().accept("application/ld+json")
                .get("/api/v1/positions/" + p.slug)
                .then()
                .statusCode(200)
                .body("url", equalTo(page));
        given().queryParam("employer", org.employerId())
                .get("/api/v1/feeds/positions.rss")
                .then()
                .statusCode(200)
                .body(containsString("<link>" + page + "</link>"));
        String calendar = given().get("/api/v1/calendars/positions/" + p.slug + ".ics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // iCalendar folds long lines (RFC 5545, 3.1).
        assertTrue(calendar.replace("\r\n ", "").contains("URL:" + page), calendar);
        // Another employer's postings keep the deployment's default page.
        Position other = TestData.position(TestData.org(), x -> {});
        given().accept("application/ld+json")
                .get("/api/v1/positions/" + other.slug)
                .then()
                .body("url", not(containsString("test-kommune.example")));

        // The employer's website origin may call the API from the browser, for every employer's public answers.
        given().header("Origin", "https://test-kommune.example")
                .get("/api/v1/positions/" + other.slug)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://test-kommune.example");
        given().header("Origin", "https://unlisted.example")
                .get("/api/v1/positions/" + other.slug)
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void unitsAreAddedRenamedMovedClosedAndDeletedByTheEmployersEditors() {
        Org org = TestData.org();
        String editor = TestData.editorKey(org.employerId(), "Enhedsredaktør");
        // An editor's unit is its employer's without saying so.
        ExtractableResponse<Response> created = as(editor)
                .body("""
                        {"parentId": %d, "name": "Naturskolen", "level": "unit"}"""
                        .formatted(org.departmentId()))
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("employerId", equalTo((int) org.employerId()))
                .body("parentId", equalTo((int) org.departmentId()))
                .extract();
        int unit = created.path("id");
        given().queryParam("employer", org.employerId())
                .get("/api/v1/units")
                .then()
                .body(
                        "[0].children.find { it.id == %d }.children.name".formatted(org.departmentId()),
                        hasItem("Naturskolen"));

        // Moved under the sibling department and renamed.
        as(editor)
                .header("If-Match", "\"1\"")
                .body("""
                        {"parentId": %d, "name": "Naturskole & Udeliv", "level": "unit"}"""
                        .formatted(org.otherDepartmentId()))
                .put("/api/v1/units/" + unit)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("parentId", equalTo((int) org.otherDepartmentId()))
                .body("name", equalTo("Naturskole & Udeliv"));
        // Never under itself or a unit below it.
        as(editor)
                .header("If-Match", "*")
                .body("""
                        {"parentId": %d, "name": "Skole", "level": "department"}"""
                        .formatted(org.unitId()))
                .put("/api/v1/units/" + org.departmentId())
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("parentId"));
        // Nor under another employer's unit.
        as(editor)
                .header("If-Match", "*")
                .body("""
                        {"parentId": %d, "name": "Naturskole", "level": "unit"}"""
                        .formatted(TestData.org().unitId()))
                .put("/api/v1/units/" + unit)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("parentId"));

        // A unit with an open posting is neither closed nor deleted; once it has none it is closed.
        Position open = TestData.position(org, x -> x.unit = TestData.unit(unit));
        as(editor)
                .header("If-Match", "*")
                .post("/api/v1/units/%d/close".formatted(unit))
                .then()
                .statusCode(409);
        as(editor)
                .header("If-Match", "*")
                .delete("/api/v1/units/" + unit)
                .then()
                .statusCode(409);
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/%d/close".formatted(open.id))
                .then()
                .statusCode(200);
        as(editor)
                .header("If-Match", "\"2\"")
                .post("/api/v1/units/%d/close".formatted(unit))
                .then()
                .statusCode(200)
                .body("closedAt", notNullValue());
        given().queryParam("employer", org.employerId())
                .get("/api/v1/units")
                .then()
                .body(not(containsString("Naturskole")));
        // A closed unit takes no new postings.
        as(editor)
                .body(TestData.positionBody(
                                org,
                                "Naturvejleder",
                                null,
                                java.time.LocalDate.now().plusDays(20))
                        .replace("\"unitId\": %d".formatted(org.unitId()), "\"unitId\": " + unit))
                .post("/api/v1/positions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("unitId"));

        // A unit made by mistake, never used, is deleted.
        int mistake = as(editor)
                .body("""
                        {"name": "Fejl", "level": "directorate"}""")
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(editor)
                .header("If-Match", "\"1\"")
                .delete("/api/v1/units/" + mistake)
                .then()
                .statusCode(204);
        as(editor).get("/api/v1/units/%d/editable".formatted(mistake)).then().statusCode(404);
    }

    @Test
    void aRenamedUnitShowsInThePublicAnswersAtOnceAndInTheChangeFeed() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        TestData.notificationsArrived();
        given().get("/api/v1/positions/" + p.slug).then().statusCode(200);
        String cursor = feedEnd();

        as(BOOTSTRAP_KEY)
                .header("If-Match", "*")
                .body("""
                        {"parentId": %d, "name": "Omdøbt læring", "level": "unit"}"""
                        .formatted(org.departmentId()))
                .put("/api/v1/units/" + org.unitId())
                .then()
                .statusCode(200);

        // The kept answer is gone by the time the write returned (this replica) or within moments (others).
        given().get("/api/v1/positions/" + p.slug).then().statusCode(200).body("unit.name", equalTo("Omdøbt læring"));
        List<Integer> updated = null;
        for (int i = 0; i < 20 && (updated == null || !updated.contains(p.id.intValue())); i++) {
            updated = given().get("/api/v1/changes?limit=1000&after=" + cursor)
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("items.findAll { it.kind == 'updated' }.positionId");
        }
        assertTrue(updated.contains(p.id.intValue()), "an updated event for the unit's posting");
    }

    @Test
    void agenciesAreTheOperatorsToAddAndRename() {
        String name = "Rekruttering " + UUID.randomUUID();
        int id = as(BOOTSTRAP_KEY)
                .body("""
                        {"name": "%s", "website": "https://rekruttering.example"}"""
                        .formatted(name))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .extract()
                .path("id");
        as(BOOTSTRAP_KEY)
                .get("/api/v1/agencies/%d/editable".formatted(id))
                .then()
                .statusCode(200)
                .body("name", equalTo(name));
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .body("""
                        {"name": "%s A/S"}""".formatted(name))
                .put("/api/v1/agencies/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name + " A/S"))
                .body("website", nullValue());
        given().get("/api/v1/agencies").then().body("name", hasItem(name + " A/S"));
        String editor = TestData.editorKey(TestData.org().employerId(), "Ingen bureauer");
        as(editor)
                .body("""
                        {"name": "Eget bureau"}""")
                .post("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("admin"));
    }

    private static String feedEnd() {
        String cursor = "0.0";
        while (true) {
            String next = as(BOOTSTRAP_KEY)
                    .get("/api/v1/changes?limit=1000&after=" + cursor)
                    .then()
                    .extract()
                    .path("next");
            if (next.equals(cursor)) {
                return cursor;
            }
            cursor = next;
        }
    }
}
