package dk.kommunejob.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The three real postings (shared/seeds 000, 003, 004) survive the API unchanged. The test profile
 * loads the sample data into its empty schema at start; the postings' deadlines have passed.
 */
@QuarkusTest
class SeedPostingsTest {

    @jakarta.inject.Inject
    dk.kommunejob.sync.ChangeEvents events;

    @Test
    void afdelingschefForDagtilbudOgSkole() {
        given().get("/api/v1/positions/afdelingschef-for-dagtilbud-og-skole")
                .then()
                .statusCode(200)
                .body("title", equalTo("Afdelingschef for Dagtilbud & Skole"))
                .body("status", equalTo("closed"))
                .body("employer.name", equalTo("Albertslund Kommune"))
                .body("agency.name", equalTo("MUUSMANN"))
                .body("reportsTo", equalTo("Direktøren for Børn, Sundhed & Velfærd"))
                .body("unit.name", equalTo("Dagtilbud & Skole"))
                .body("unitPath.name", contains("Børn, Sundhed & Velfærd", "Dagtilbud & Skole"))
                .body("employmentTerms", containsString("aftale om aflønning af chefer"))
                .body("startDate", equalTo("2025-08-01"))
                .body("applicationDeadline", equalTo("2025-05-25T23:59:59+02:00"))
                .body("applyUrl", equalTo("http://www.muusmann.com/stillinger"))
                .body("contacts.name", contains("Lise Valentin Bayer", "Gitte Bach Dombernowsky"))
                .body("contacts.role", contains("Direktør for Børn, Sundhed & Velfærd", "Chefkonsulent i MUUSMANN"))
                .body("contacts.phone", contains("+4520337091", "+4520211436"))
                .body("contacts.phoneDisplay", contains("20 33 70 91", "20 21 14 36"))
                .body("stages.kind", contains("first_interview", "test", "second_interview"))
                .body("stages.label", contains("1. samtaler", "Test", "2. samtaler"))
                .body("stages.date", contains("2025-06-02", "2025-06-04", "2025-06-16"))
                .body("stages.location", contains("Albertslund", "Kbh. K.", "Albertslund"))
                .body("stages[1].note", containsString("Der skal afsættes 3-4 timer til testforløbet."))
                .body("stages[2].startTime", equalTo("09:00"))
                .body("stages[2].endTime", equalTo("14:00"))
                .body("hiringCommittee", hasSize(10))
                .body("hiringCommittee[0].name", equalTo("Nils Jul Gjerlev"))
                .body(
                        "hiringCommittee[1].role",
                        equalTo("direktør for Børn, Sundhed & Velfærd (formand for ansættelsesudvalget)"))
                .body("hiringCommittee[9].name", equalTo("Kristian Evendt"))
                .body(
                        "sections.heading",
                        contains(
                                "Indledning",
                                "Organisation og opgaver",
                                "Hovedopgaver",
                                "Aktuelle opgaver",
                                "Kompetencer – faglige, ledelsesmæssige og personlige",
                                "Ansættelsesudvalget",
                                "Bilag"))
                .body("sections[0].body", containsString("ca. 28.000 indbyggere og 106 nationaliteter"))
                .body(
                        "links.url",
                        org.hamcrest.Matchers.hasItem(
                                "https://albertslund.dk/media/iujppose/skolepolitik-2023-2026.pdf"));
    }

    @Test
    void lederAfSekretariatet() {
        given().get("/api/v1/positions/leder-af-sekretariat-for-politik-jura-kommunikation-og-udvikling")
                .then()
                .statusCode(200)
                .body("title", equalTo("Leder af Sekretariat for Politik, Jura, Kommunikation & Udvikling"))
                .body("agency.name", equalTo("MUUSMANN"))
                .body("reportsTo", equalTo("Afdelingschef for Økonomi & Stab"))
                .body(
                        "unitPath.name",
                        contains("Økonomi & Stab", "Sekretariat for Politik, Jura, Kommunikation & Udvikling"))
                .body("workingHours", equalTo("Fuld tid"))
                .body("employmentTerms", containsString("overenskomstvilkår"))
                .body("salary", containsString("forhandling"))
                .body("startDate", equalTo("2025-01-01"))
                .body("applicationDeadline", equalTo("2024-11-14T23:59:59+01:00"))
                .body("applyUrl", equalTo("http://www.muusmann.com/stillinger"))
                .body("contacts.name", contains("Marie Aasøe", "Jan Thomsen"))
                .body("contacts.role", contains("Afdelingschef for Økonomi & Stab", "Chefkonsulent i MUUSMANN A/S"))
                .body("contacts.phoneDisplay", contains("20 16 99 51", "40 40 77 19"))
                .body("stages.label", contains("1. samtaler", "Test", "2. samtaler"))
                .body("stages.date", contains("2024-11-18", "2024-11-20", "2024-11-26"))
                .body("stages[1].note", containsString("ledelsestest hos MUUSMANN"))
                .body("sections.body", org.hamcrest.Matchers.hasItem(containsString("15 fagligt stærke medarbejdere")));
    }

    @Test
    void chefForOekonomiOgStab() {
        given().get("/api/v1/positions/chef-for-oekonomi-og-stab")
                .then()
                .statusCode(200)
                .body("title", equalTo("Chef for Økonomi og Stab"))
                .body("agency.name", equalTo("Genitor"))
                .body("reportsTo", equalTo("Kommunaldirektør Henrik Harder"))
                .body("unit.name", equalTo("Økonomi & Stab"))
                .body("pension", equalTo("19,55 %"))
                .body("salary", containsString("forhandles"))
                .body("startDate", equalTo("2024-01-01"))
                .body("applicationDeadline", equalTo("2023-11-09T23:59:59+01:00"))
                .body("applyUrl", equalTo("http://www.albertslund.dk/"))
                .body("contacts.name", contains("Henrik Harder", "Martin Isenbecker"))
                .body("contacts.role", contains("kommunaldirektør", "partner i Genitor"))
                .body("contacts.phone", contains("+4541770211", "+4525659231"))
                .body("contacts.phoneDisplay", contains("41 77 02 11", "25 65 92 31"))
                .body("stages.kind", contains("first_interview", "test", "references", "second_interview", "meeting"))
                .body("stages.date", contains("2023-11-15", null, null, "2023-11-22", null))
                .body("stages[1].location", equalTo("Genitor"))
                .body("stages[4].note", containsString("kommunaldirektør, direktører og borgmester"))
                .body("sections.body", org.hamcrest.Matchers.hasItem(containsString("ca. 75 medarbejdere")))
                .body(
                        "sections.body",
                        org.hamcrest.Matchers.hasItem(
                                containsString("Økonomi og Indkøb, Organisation og Politik samt IT og Digitalisering")))
                .body("hiringCommittee", hasSize(0))
                .body("workingHours", nullValue());
    }

    @Test
    void theSeedPostingsAreClosedAndListedAsSuch() {
        given().queryParam("status", "closed")
                .queryParam("q", "Økonomi & Stab")
                .queryParam("size", 100)
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body(
                        "items.slug",
                        org.hamcrest.Matchers.hasItems(
                                "chef-for-oekonomi-og-stab",
                                "leder-af-sekretariat-for-politik-jura-kommunikation-og-udvikling"));
    }

    @Test
    void theLoadedPostingsAreInTheChangeFeedSoASyncFromTheStartHasThem() {
        events.announcePassedDeadlines(java.time.OffsetDateTime.now());
        var kinds = dk.kommunejob.sync.ChangeFeedTest.drain(null, null);
        long id = given().get("/api/v1/positions/chef-for-oekonomi-og-stab")
                .then()
                .extract()
                .<Integer>path("id");
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of("published", "closed"), dk.kommunejob.sync.ChangeFeedTest.kindsOf(kinds, id));
    }

    @Test
    void theSampleHasASecondPlainlyMadeUpEmployerAndEachEngagesItsAgencies() {
        var employers = given().get("/api/v1/employers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long albertslund = employers.getLong("find { it.name == 'Albertslund Kommune' }.id");
        long made = employers.getLong("find { it.name == 'Eksempelkommune (syntetiske data)' }.id");
        given().get("/api/v1/employers/" + made)
                .then()
                .body("website", equalTo("https://eksempelkommune.example"))
                .body("about", containsString("opdigtet"));
        given().queryParam("employer", made)
                .get("/api/v1/units")
                .then()
                .body("name", contains("Børn & Læring", "Sundhed & Omsorg"));
        // The seed postings stay Albertslund's.
        given().queryParam("employer", albertslund)
                .queryParam("status", "all")
                .queryParam("q", "chef")
                .get("/api/v1/positions")
                .then()
                .body(
                        "items.slug",
                        org.hamcrest.Matchers.hasItems(
                                "afdelingschef-for-dagtilbud-og-skole", "chef-for-oekonomi-og-stab"));
        given().queryParam("employer", made)
                .queryParam("status", "all")
                .get("/api/v1/positions")
                .then()
                .body("total", equalTo(0));
        var engagements = dk.kommunejob.TestData.as(dk.kommunejob.TestData.BOOTSTRAP_KEY)
                .get("/api/v1/engagements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.Set.of("Genitor", "MUUSMANN"),
                java.util.Set.copyOf(engagements.getList(
                        "findAll { it.employer.id == %d }.agency.name".formatted(albertslund), String.class)));
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of("Genitor"),
                engagements.getList("findAll { it.employer.id == %d }.agency.name".formatted(made), String.class));
    }
}
