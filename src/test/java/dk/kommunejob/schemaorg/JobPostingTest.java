package dk.kommunejob.schemaorg;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.pay.Pay;
import dk.kommunejob.pay.PayInput;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.PositionStatus;
import dk.kommunejob.position.Section;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `Accept: application/ld+json` on a posting gives the JobPosting Google's rules ask for. */
@QuarkusTest
class JobPostingTest {

    static final String LD = "application/ld+json";

    static Org orgWithWebsiteAndLogo() {
        Org org = TestData.org();
        QuarkusTransaction.requiringNew().run(() -> {
            Employer employer = Employer.findById(org.employerId());
            employer.website = "https://albertslund.dk";
            employer.logoUrl = "https://albertslund.dk/logo.svg";
        });
        return org;
    }

    @Test
    void aPostingIsAJobPostingWithEveryPropertyItHas() {
        Org org = orgWithWebsiteAndLogo();
        Position p = TestData.position(org, x -> {
            x.title = "Skoleleder";
            x.publishedAt = x.publishedAt.truncatedTo(ChronoUnit.SECONDS); // as PostgreSQL keeps it, no rounding
            x.workingHours = "37 timer om ugen";
            x.pay = "{\"text\": \"38.000-45.000 kr. pr. måned plus tillæg\", \"amount\": {\"min\": 38000, "
                    + "\"max\": 45000, \"currency\": \"DKK\", \"period\": \"month\"}, \"supplements\": []}";
            x.payStated = true;
            x.sections.clear();
            x.sections.add(new Section("Om stillingen", "Vi søger en leder & en kollega.\n\nAnden <i>del</i>."));
            x.sections.add(new Section("Om dig", "Du er modig."));
        });

        ExtractableResponse<Response> answer = given().accept(LD)
                .get("/api/v1/positions/" + p.slug)
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo(LD + ";charset=UTF-8"))
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("JobPosting"))
                .body("title", equalTo("Skoleleder"))
                .body("description", startsWith("<h2>Om stillingen</h2><p>Vi søger en leder &amp; en kollega.</p>"))
                .body("description", containsString("<h2>Om dig</h2><p>Du er modig.</p>"))
                .body("description", containsString("<li><strong>Arbejdstid:</strong> 37 timer om ugen</li>"))
                // ISO with the seconds always written, as the API does: toString() leaves out ":00", one run in sixty.
                .body(
                        "datePosted",
                        equalTo(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                Copenhagen.local(p.publishedAt))))
                .body(
                        "validThrough",
                        equalTo(Copenhagen.local(p.applicationDeadline).toString()))
                .body("validThrough", containsString("T23:59:59+0"))
                .body("employmentType", equalTo(List.of("FULL_TIME")))
                .body("hiringOrganization.'@type'", equalTo("Organization"))
                .body("hiringOrganization.name", startsWith("Testkommune"))
                .body("hiringOrganization.sameAs", equalTo("https://albertslund.dk"))
                .body("hiringOrganization.logo", equalTo("https://albertslund.dk/logo.svg"))
                .body("jobLocation.'@type'", equalTo("Place"))
                .body("jobLocation.address.'@type'", equalTo("PostalAddress"))
                .body("jobLocation.address.streetAddress", equalTo("Rådhuspladsen 1"))
                .body("jobLocation.address.postalCode", equalTo("2620"))
                .body("jobLocation.address.addressLocality", equalTo("Albertslund"))
                .body("jobLocation.address.addressCountry", equalTo("DK"))
                .body("identifier.'@type'", equalTo("PropertyValue"))
                .body("identifier.value", equalTo(String.valueOf(p.id)))
                .body("directApply", equalTo(false))
                .body("baseSalary.'@type'", equalTo("MonetaryAmount"))
                .body("baseSalary.currency", equalTo("DKK"))
                .body("baseSalary.value.minValue", equalTo(38000))
                .body("baseSalary.value.maxValue", equalTo(45000))
                .body("baseSalary.value.unitText", equalTo("MONTH"))
                .body("url", equalTo("http://localhost:8080/?stilling=" + p.slug))
                .extract();
        // Markup a section carries is kept as far as it is safe.
        assertTrue(answer.path("description").toString().contains("<p>Anden <i>del</i>.</p>"), answer.asString());

        // The terms' labels follow the language; the posting's own words stay Danish.
        given().accept(LD)
                .header("Accept-Language", "en")
                .get("/api/v1/positions/" + p.id)
                .then()
                .header("Content-Language", "en")
                .body("title", equalTo("Skoleleder"))
                .body("description", containsString("<li><strong>Working hours:</strong> 37 timer om ugen</li>"));
    }

    @Test
    void noSalaryUnlessAStartingPayIsStatedInStructure() {
        Pay yearly = new Pay(
                null,
                null,
                null,
                null,
                new PayInput.Amount(new BigDecimal("540000"), null, "DKK", PayInput.Period.year),
                List.of(),
                null,
                null,
                true,
                null,
                null);
        assertEquals(
                new BigDecimal("540000"),
                JobPostings.baseSalary(yearly).orElseThrow().value().value());
        assertEquals(
                "YEAR", JobPostings.baseSalary(yearly).orElseThrow().value().unitText());
        Pay steps = new Pay(
                null,
                null,
                null,
                new PayInput.Steps(26, 31),
                null,
                List.of(),
                null,
                null,
                true,
                new Pay.Monthly(new BigDecimal("32000"), new BigDecimal("37000")),
                null);
        assertEquals(
                "MONTH", JobPostings.baseSalary(steps).orElseThrow().value().unitText());
        assertEquals(
                new BigDecimal("37000"),
                JobPostings.baseSalary(steps).orElseThrow().value().maxValue());
        Pay text = new Pay("45.000 kr. pr. måned", null, null, null, null, List.of(), null, null, false, null, null);
        assertTrue(JobPostings.baseSalary(text).isEmpty(), "nothing is guessed from text");

        Org org = TestData.org();
        Position p = TestData.position(org, x -> {
            x.salary = "Lønindplacering sker efter forhandling";
            x.workingHours = null;
        });
        given().accept(LD)
                .get("/api/v1/positions/" + p.id)
                .then()
                .statusCode(200)
                .body("baseSalary", nullValue())
                .body("employmentType", nullValue())
                .body("hiringOrganization.sameAs", nullValue())
                .body("hiringOrganization.logo", nullValue());
    }

    @Test
    void jsonStaysTheDefaultAndEachRepresentationHasItsOwnTag() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        String path = "/api/v1/positions/" + p.id;
        for (String accept : new String[] {null, "*/*", "application/json", "application/*"}) {
            (accept == null ? given() : given().accept(accept))
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("slug", equalTo(p.slug));
        }
        TestData.notificationsArrived();
        ExtractableResponse<Response> ld =
                given().accept(LD).get(path).then().statusCode(200).extract();
        ExtractableResponse<Response> kept =
                given().accept(LD).get(path).then().statusCode(200).extract();
        String json = given().get(path).then().extract().header("ETag");
        assertNotEquals(json, ld.header("ETag"));
        assertEquals(ld.asString(), kept.asString());
        assertEquals(ld.header("ETag"), kept.header("ETag"));
        assertTrue(kept.contentType().startsWith(LD), kept.contentType());
        given().accept(LD)
                .header("If-None-Match", ld.header("ETag"))
                .get(path)
                .then()
                .statusCode(304)
                .header("Vary", containsString("Accept"));
        // Nothing in this posting's markup is the API's own text: English is the same bytes, so the same tag.
        given().accept(LD)
                .header("Accept-Language", "en")
                .get(path)
                .then()
                .header("Content-Language", "en")
                .header("ETag", ld.header("ETag"));
    }

    @Test
    void aWishThatAlsoTakesJsonStillGetsWhatItPrefersAndKeepsNoOneElsesAnswer() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        String path = "/api/v1/positions/" + p.id;
        TestData.notificationsArrived();
        for (int i = 0; i < 2; i++) { // the second from the response cache
            given().accept("application/ld+json, application/json;q=0.9")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith(LD));
            given().accept("application/json")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("slug", equalTo(p.slug));
            given().get(path).then().statusCode(200).body("slug", equalTo(p.slug));
        }
        given().accept("text/html").get(path).then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void aClosedPostingKeepsItsPastValidThroughAndAWithdrawnOneIsNotFound() {
        Org org = TestData.org();
        OffsetDateTime past = Copenhagen.endOfDay(LocalDate.now(Copenhagen.ZONE).minusDays(3));
        Position closed = TestData.position(org, x -> x.applicationDeadline = past);
        given().accept(LD)
                .get("/api/v1/positions/" + closed.id)
                .then()
                .statusCode(200)
                .body("validThrough", equalTo(Copenhagen.local(past).toString()))
                .header("Cache-Control", containsString("max-age=3600"));
        Position withdrawn = TestData.position(org, x -> x.status = PositionStatus.withdrawn);
        given().accept(LD)
                .get("/api/v1/positions/" + withdrawn.id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
