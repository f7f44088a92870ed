package dk.kommunejob.pay;

import static dk.kommunejob.TestData.BOOTSTRAP_KEY;
import static dk.kommunejob.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A posting's pay in structure: written, shown with what follows from it, and refused when it contradicts itself. */
@QuarkusTest
class PayTest {

    private static final LocalDate DEADLINE = LocalDate.now().plusDays(20);

    @Test
    void structuredPayIsShownWithWhatFollowsFromIt() {
        TestData.Org org = TestData.org();
        long id = create(
                org,
                """
                "pay": {"text": "Løn efter overenskomst, 38.000-45.000 kr. om måneden plus tillæg.",
                        "basis": "collective-agreement", "agreement": "Overenskomst for akademikere",
                        "amount": {"min": 38000, "max": 45000, "period": "month"},
                        "supplements": [{"kind": "qualification", "text": "Kvalifikationstillæg"}],
                        "pensionPercent": 18.9, "negotiable": true}""");
        ValidatableResponse editable =
                as(BOOTSTRAP_KEY).get("/api/v1/positions/{id}/editable", id).then();
        editable.statusCode(200)
                .body("pay.basis", equalTo("collective-agreement"))
                .body("pay.amount.currency", equalTo("DKK"))
                .body("pay.stated", nullValue())
                .body("salary", nullValue());
        given().header("Accept-Language", "da")
                .get("/api/v1/positions/{id}", id)
                .then()
                .statusCode(200)
                .body("salary", equalTo("Løn efter overenskomst, 38.000-45.000 kr. om måneden plus tillæg."))
                .body("pay.text", equalTo("Løn efter overenskomst, 38.000-45.000 kr. om måneden plus tillæg."))
                .body("pay.stated", equalTo(true))
                .body("pay.monthly.min", equalTo(38000))
                .body("pay.monthly.max", equalTo(45000))
                .body("pay.pensionPercent", equalTo(18.9f))
                .body("pay.supplements.kind", hasItem("qualification"))
                .body(
                        "pay.summary",
                        equalTo("38.000–45.000 kr. om måneden + tillæg + lokal forhandling, pension 18,9 %"));
        given().header("Accept-Language", "en")
                .get("/api/v1/positions/{id}", id)
                .then()
                .body(
                        "pay.summary",
                        equalTo("DKK 38,000–45,000 a month + supplements + local negotiation, pension 18.9 %"));
    }

    @Test
    void stepsComeToKronerThroughThePayScaleInForce() {
        // The tests' scale (src/test/resources/pay/test-scale.csv) from 2026-04-01: step 26 384 000, step 31 444 000 a
        // year.
        long id = create(
                TestData.org(),
                """
                "pay": {"steps": {"from": 26, "to": 31}, "supplements": [{"kind": "function", "text": "Funktionstillæg"}],
                        "pensionPercent": 16.2}""");
        given().get("/api/v1/positions/{id}", id)
                .then()
                .body("pay.stated", equalTo(true))
                .body("pay.monthly.min", equalTo(32000))
                .body("pay.monthly.max", equalTo(37000))
                .body("pay.summary", equalTo("Løntrin 26–31 + tillæg, pension 16,2 %"));
    }

    @Test
    void stepsTheScaleLacksAreShownAsSteps() {
        long id = create(TestData.org(), "\"pay\": {\"steps\": {\"from\": 50}}");
        given().header("Accept-Language", "en")
                .get("/api/v1/positions/{id}", id)
                .then()
                .body("pay.stated", equalTo(true))
                .body("pay.steps.to", equalTo(50))
                .body("pay.monthly", nullValue())
                .body("pay.summary", equalTo("Pay step 50"));
    }

    @Test
    void anHourlyOrYearlyAmountComesToKronerAMonth() {
        long hourly = create(TestData.org(), "\"pay\": {\"amount\": {\"min\": 200, \"period\": \"hour\"}}");
        given().get("/api/v1/positions/{id}", hourly).then().body("pay.monthly.min", equalTo(32066));
        long yearly = create(TestData.org(), "\"pay\": {\"amount\": {\"max\": 600000, \"period\": \"year\"}}");
        given().get("/api/v1/positions/{id}", yearly)
                .then()
                .body("pay.monthly.max", equalTo(50000))
                .body("pay.summary", equalTo("op til 600.000 kr. om året"));
    }

    @Test
    void theOldSalaryIsPayTextOnTheWayIn() {
        TestData.Org org = TestData.org();
        long id = create(org, "\"salary\": \"Efter forhandling\"");
        given().get("/api/v1/positions/{id}", id)
                .then()
                .body("salary", equalTo("Efter forhandling"))
                .body("pay.text", equalTo("Efter forhandling"))
                .body("pay.stated", equalTo(false));
        String etag =
                as(BOOTSTRAP_KEY).get("/api/v1/positions/{id}/editable", id).header("ETag");
        as(BOOTSTRAP_KEY)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"salary\": \"Løntrin 30\"}")
                .patch("/api/v1/positions/{id}", id)
                .then()
                .statusCode(200)
                .body("pay.text", equalTo("Løntrin 30"))
                .body("salary", equalTo("Løntrin 30"));
        as(BOOTSTRAP_KEY)
                .body(body(org, "\"salary\": \"a\", \"pay\": {\"text\": \"b\"}"))
                .post("/api/v1/positions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("salary"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"steps\": {\"from\": 31, \"to\": 26}}|pay.steps",
                "{\"steps\": {\"from\": 0}}|pay.steps.from",
                "{\"steps\": {\"from\": 26, \"to\": 61}}|pay.steps.to",
                "{\"amount\": {\"min\": 45000, \"max\": 38000, \"period\": \"month\"}}|pay.amount",
                "{\"amount\": {\"min\": -1, \"period\": \"month\"}}|pay.amount.min",
                "{\"amount\": {\"period\": \"month\"}}|pay.amount",
                "{\"amount\": {\"min\": 1, \"currency\": \"XYZ\", \"period\": \"month\"}}|pay.amount.currency",
                "{\"amount\": {\"min\": 1, \"currency\": \"dkk\", \"period\": \"month\"}}|pay.amount.currency",
                "{\"amount\": {\"min\": 1, \"period\": \"week\"}}|pay.amount.period",
                "{\"pensionPercent\": 100.5}|pay.pensionPercent",
                "{\"pensionPercent\": -1}|pay.pensionPercent",
                "{\"basis\": \"tariff\"}|pay.basis",
            })
    void payThatContradictsItselfIsRefusedByField(String pay, String field) {
        TestData.Org org = TestData.org();
        as(BOOTSTRAP_KEY)
                .body(body(org, "\"pay\": " + pay))
                .post("/api/v1/positions")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem(field));
        assertEquals(0L, positionsOf(org));
    }

    @Test
    void atMostTenSupplements() {
        TestData.Org org = TestData.org();
        String supplements =
                String.join(", ", java.util.Collections.nCopies(11, "{\"kind\": \"other\", \"text\": \"Tillæg\"}"));
        as(BOOTSTRAP_KEY)
                .body(body(org, "\"pay\": {\"supplements\": [" + supplements + "]}"))
                .post("/api/v1/positions")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("pay.supplements"));
        assertEquals(0L, positionsOf(org));
    }

    @Test
    void jobSeekersFilterAndCountByPay() {
        TestData.Org org = TestData.org();
        long amount = create(org, "\"pay\": {\"amount\": {\"min\": 38000, \"max\": 45000, \"period\": \"month\"}}");
        create(org, "\"pay\": {\"amount\": {\"min\": 27000, \"period\": \"month\"}}");
        long steps =
                create(org, "\"pay\": {\"steps\": {\"from\": 26, \"to\": 31}}"); // 32 000-37 000 by the tests' scale
        long unstated = create(org, "\"pay\": {\"text\": \"Efter forhandling\"}");
        create(org, "\"pay\": {\"steps\": {\"from\": 50}}"); // stated, but no kroner
        given().queryParam("employer", org.employerId())
                .queryParam("payStated", "true")
                .queryParam("size", 100)
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items.id", not(hasItem((int) unstated)));
        given().queryParam("employer", org.employerId())
                .queryParam("payStated", "false")
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains((int) unstated));
        given().queryParam("employer", org.employerId())
                .queryParam("minMonthlyPay", 35000)
                .queryParam("facets", "pay")
                .queryParam("sort", "title")
                .header("Accept-Language", "en")
                .get("/api/v1/positions")
                .then()
                .body("items.id", containsInAnyOrder((int) amount, (int) steps))
                // Counted as if each band were chosen, over every other filter: the minimum's own is not applied.
                .body("facets[0].name", equalTo("pay"))
                .body("facets[0].values.value", contains("25000", "30000", "35000", "40000", "45000"))
                .body("facets[0].values.count", contains(3, 2, 2, 1, 1))
                .body("facets[0].values[2].label", equalTo("At least DKK 35,000 a month"));
        given().queryParam("employer", org.employerId())
                .queryParam("payStated", "true")
                .queryParam("minMonthlyPay", 40000)
                .get("/api/v1/feeds/positions.atom")
                .then()
                .statusCode(200)
                // Only the posting of 38 000-45 000: not 27 000, 32 000-37 000, nor steps the scale lacks.
                .body(matchesPattern("(?s)(?:(?!<entry>).)*<entry>(?:(?!<entry>).)*"));
    }

    @Test
    void feedEntriesAndDeadlineEventsGiveThePay() {
        TestData.Org org = TestData.org();
        long id = create(org, "\"pay\": {\"steps\": {\"from\": 26, \"to\": 31}, \"pensionPercent\": 16.2}");
        given().queryParam("employer", org.employerId())
                .get("/api/v1/feeds/positions.rss")
                .then()
                .statusCode(200)
                .body(containsString("Løn: Løntrin 26–31, pension 16,2 %."));
        given().get("/api/v1/calendars/positions/{id}.ics", id)
                .then()
                .statusCode(200)
                .body(containsString("DESCRIPTION:Løn: Løntrin 26"));
    }

    @ParameterizedTest
    @CsvSource({"payStated, yes", "minMonthlyPay, lots", "minMonthlyPay, -5"})
    void aPayFilterThatIsNoneIsNamed(String parameter, String value) {
        given().queryParam(parameter, value)
                .get("/api/v1/positions")
                .then()
                .statusCode(400)
                .body("parameter", equalTo(parameter));
    }

    @jakarta.inject.Inject
    PayScaleRefresh refresh;

    @Test
    void whatTheFiltersReadOfStepsFollowsThePayScaleInForce() {
        TestData.Org org = TestData.org();
        long id = create(org, "\"pay\": {\"steps\": {\"from\": 26, \"to\": 31}}");
        // As if reckoned by an older scale: the filter would not find it at 35 000.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> dk.kommunejob.position.Position.getEntityManager()
                        .createNativeQuery(
                                "UPDATE position SET pay_monthly_min = 30000, pay_monthly_max = 34000 WHERE id = :id")
                        .setParameter("id", id)
                        .executeUpdate());
        assertTrue(refresh.refresh() >= 1);
        given().queryParam("employer", org.employerId())
                .queryParam("minMonthlyPay", 37000)
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains((int) id));
        assertEquals(0, refresh.refresh());
    }

    @Test
    void theSeedPostingsKeepTheirWordsAsPayTextWithTheirBasis() {
        given().get("/api/v1/positions/chef-for-oekonomi-og-stab")
                .then()
                .body("pay.text", equalTo("Lønnen forhandles med den forhandlingsberettigede organisation."))
                .body("salary", equalTo("Lønnen forhandles med den forhandlingsberettigede organisation."))
                .body("pay.basis", equalTo("collective-agreement"))
                .body("pay.negotiable", equalTo(true))
                .body("pay.pensionPercent", equalTo(19.55f))
                .body("pay.stated", equalTo(false))
                .body("pay.summary", equalTo("Løn efter overenskomst + lokal forhandling, pension 19,55 %"));
        given().get("/api/v1/positions/afdelingschef-for-dagtilbud-og-skole")
                .then()
                .body("pay.text", startsWith("Løn og ansættelsesforhold i henhold til gældende overenskomst"))
                .body("pay.basis", equalTo("collective-agreement"));
        given().get("/api/v1/positions/leder-af-sekretariat-for-politik-jura-kommunikation-og-udvikling")
                .then()
                .body("pay.text", startsWith("Lønindplacering sker efter forhandling"));
    }

    @Test
    void aboutSixSyntheticPostingsInTenStateTheirPay() {
        java.util.Random random = new java.util.Random(7);
        int stated = 0;
        for (int i = 0; i < 1000; i++) {
            PayInput pay = dk.kommunejob.sample.SyntheticPositions.pay(random);
            stated += pay.steps() != null || pay.amount() != null ? 1 : 0;
        }
        assertTrue(stated > 550 && stated < 650, stated + " of 1000");
    }

    /** A published posting of the org's, with these fields besides the usual ones. */
    static long create(TestData.Org org, String fields) {
        long id = ((Number) as(BOOTSTRAP_KEY)
                        .body(body(org, fields))
                        .post("/api/v1/positions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        as(BOOTSTRAP_KEY)
                .header("If-Match", "\"1\"")
                .post("/api/v1/positions/{id}/publish", id)
                .then()
                .statusCode(200);
        return id;
    }

    /** A complete body for a posting of the org's, with these fields besides. */
    static String body(TestData.Org org, String fields) {
        return "{" + fields + ", "
                + TestData.positionBody(org, "Lærer", null, DEADLINE).strip().substring(1);
    }

    private static long positionsOf(TestData.Org org) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> dk.kommunejob.position.Position.count("employer.id", org.employerId()));
    }
}
