package dk.kommunejob.agency;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.agencyKey;
import static dk.kommunejob.TestData.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencySyncTest {

    static String body(Org org, String title) {
        LocalDate deadline = LocalDate.now().plusDays(20);
        return """
                {"title": "%s", "employerId": %d, "unitId": %d, "applicationDeadline": "%s",
                 "contacts": [{"name": "Jan Thomsen", "role": "Chefkonsulent i MUUSMANN A/S", "phone": "40 40 77 19"}]}"""
                .formatted(title, org.employerId(), org.unitId(), deadline);
    }

    @Test
    void syncingByTheAgencysOwnReferenceCreatesThenReplacesAndRepeatsChangeNothing() {
        Org org = TestData.org();
        String agency = agencyKey(org.agencyId(), "Syncbureau");
        String path = "/api/v1/agencies/%d/positions/MUU-2025-0142".formatted(org.agencyId());

        long id = as(agency)
                .body(body(org, "Leder af Sekretariatet"))
                .put(path)
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("state", equalTo("draft"))
                .body("agency.id", equalTo((int) org.agencyId()))
                .extract()
                .<Integer>path("id");
        as(agency)
                .body(body(org, "Leder af Sekretariatet"))
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo((int) id));
        as(agency)
                .body(body(org, "Leder af Sekretariatet (genopslag)"))
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Leder af Sekretariatet (genopslag)"));
        as(agency)
                .body(body(org, "Leder af Sekretariatet (genopslag)"))
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");

        // One created and one updated: the repeats left no trace, in the history or in the change feed.
        assertEquals(
                List.of("created", "updated"),
                dk.kommunejob.sync.ChangeFeedTest.kindsOf(
                        dk.kommunejob.sync.ChangeFeedTest.drain(BOOTSTRAP_KEY, null), id));
        as(agency).get("/api/v1/positions/%d/history".formatted(id)).then().body("$", hasSize(2));
        // Editors may sync on the agency's behalf.
        as(BOOTSTRAP_KEY)
                .body(body(org, "Leder af Sekretariatet (genopslag)"))
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
    }

    @Test
    void onlyTheAgencyAndEditorsSyncAndBadReferencesAreNamed() {
        Org org = TestData.org();
        String stranger = agencyKey(TestData.org().agencyId(), "Fremmed syncbureau");
        String path = "/api/v1/agencies/%d/positions/REF-1".formatted(org.agencyId());

        as(stranger)
                .body(body(org, "Ikke din"))
                .put(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(null).body(body(org, "Anonym")).put(path).then().statusCode(401);
        as(BOOTSTRAP_KEY)
                .body(body(org, "Forkert bureau").replace("\"employerId\"", "\"agencyId\": 987654, \"employerId\""))
                .put(path)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("agencyId"));
        as(BOOTSTRAP_KEY)
                .body(body(org, "Skrå"))
                .put("/api/v1/agencies/%d/positions/a b".formatted(org.agencyId()))
                .then()
                .statusCode(400)
                .body("parameter", equalTo("externalRef"));
        as(BOOTSTRAP_KEY)
                .body(body(org, "Intet bureau"))
                .put("/api/v1/agencies/987654321/positions/REF-1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
