package dk.kommunejob.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.contact.Contact;
import dk.kommunejob.stage.Stage;
import dk.kommunejob.stage.StageKind;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PositionDetailTest {

    @Test
    void servesTheWholePostingByIdAndBySlug() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {
            x.title = "Skoleleder";
            x.agency = TestData.agency(org.agencyId());
            x.reportsTo = "Afdelingschefen";
            x.pension = "19,55 %";
            x.startDate = LocalDate.of(2031, 8, 1);
            x.links.add(new Link("Skolepolitik", "https://albertslund.dk/skolepolitik.pdf"));
            x.hiringCommittee.add(new CommitteeMember("Nanna Bengtsson", "enhedsleder"));
            x.hiringCommittee.add(new CommitteeMember("Søren Hald", "repræsentant for skoleledergruppen"));
        });

        for (String key : new String[] {p.id.toString(), p.slug}) {
            given().get("/api/v1/positions/" + key)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(p.id.intValue()))
                    .body("slug", equalTo(p.slug))
                    .body("title", equalTo("Skoleleder"))
                    .body("status", equalTo("open"))
                    .body("unitPath.id", contains((int) org.directorateId(), (int) org.departmentId(), (int)
                            org.unitId()))
                    .body("agency.id", equalTo((int) org.agencyId()))
                    .body("reportsTo", equalTo("Afdelingschefen"))
                    .body("pension", equalTo("19,55 %"))
                    .body("startDate", equalTo("2031-08-01"))
                    .body("applyUrl", equalTo("https://albertslund.dk/job"))
                    .body("sections.heading", contains("Indledning"))
                    .body("hiringCommittee.name", contains("Nanna Bengtsson", "Søren Hald"))
                    .body("links[0].url", equalTo("https://albertslund.dk/skolepolitik.pdf"))
                    .body("contacts[0].phoneDisplay", equalTo("20 33 70 91"))
                    .body("stages[0].kind", equalTo("first_interview"));
        }
    }

    @Test
    void eachSectionComesAlsoAsHtmlForAWebPage() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {
            x.sections.clear();
            x.sections.add(new Section("Om os", "Børn & unge.\nEn linje mere.\n\nNyt afsnit med <em>vægt</em>."));
            x.sections.add(new Section(
                    "Opgaver", "<ul><li>Ledelse</li></ul><script>alert(1)</script><a href=\"javascript:x()\">x</a>"));
        });

        given().get("/api/v1/positions/" + p.slug)
                .then()
                .statusCode(200)
                .body("sections[0].body", equalTo("Børn & unge.\nEn linje mere.\n\nNyt afsnit med <em>vægt</em>."))
                .body(
                        "sections[0].html",
                        equalTo("<p>Børn &amp; unge.<br>En linje mere.</p><p>Nyt afsnit med <em>vægt</em>.</p>"))
                .body("sections[1].html", equalTo("<ul><li>Ledelse</li></ul>x"));
    }

    @Test
    void draftsAndWithdrawnPositionsAreNotFound() {
        Org org = TestData.org();
        Position draft = TestData.position(org, x -> {
            x.status = PositionStatus.draft;
            x.publishedAt = null;
        });
        Position withdrawn = TestData.position(org, x -> x.status = PositionStatus.withdrawn);

        for (Position p : new Position[] {draft, withdrawn}) {
            for (String path : new String[] {"", "/contacts", "/stages"}) {
                given().get("/api/v1/positions/" + p.slug + path)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("detail", containsString(p.slug));
                given().get("/api/v1/positions/" + p.id + path).then().statusCode(404);
            }
        }
    }

    @Test
    void contactsAndStagesComeInThePostingsOrder() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {
            x.contacts.clear();
            x.stages.clear();
            x.addContact(new Contact("Lise Valentin Bayer", "Direktør", "Albertslund Kommune", "+4520337091", null));
            x.addContact(new Contact(
                    "Gitte Bach Dombernowsky",
                    "Chefkonsulent i MUUSMANN",
                    "MUUSMANN",
                    "+4520211436",
                    "gbd@muusmann.example"));
            x.addStage(new Stage(
                    StageKind.first_interview,
                    "1. samtaler",
                    LocalDate.of(2031, 6, 2),
                    null,
                    null,
                    "Albertslund",
                    null));
            x.addStage(new Stage(
                    StageKind.test,
                    "Test",
                    LocalDate.of(2031, 6, 4),
                    null,
                    null,
                    "Kbh. K.",
                    "Der skal afsættes 3-4 timer til testforløbet."));
            x.addStage(new Stage(
                    StageKind.second_interview,
                    "2. samtaler",
                    LocalDate.of(2031, 6, 16),
                    LocalTime.of(9, 0),
                    LocalTime.of(14, 0),
                    "Albertslund",
                    null));
        });

        given().get("/api/v1/positions/" + p.slug + "/contacts")
                .then()
                .statusCode(200)
                .body("name", contains("Lise Valentin Bayer", "Gitte Bach Dombernowsky"))
                .body("phone", contains("+4520337091", "+4520211436"))
                .body("phoneDisplay", contains("20 33 70 91", "20 21 14 36"))
                .body("[1].role", equalTo("Chefkonsulent i MUUSMANN"))
                .body("[1].organisation", equalTo("MUUSMANN"))
                .body("[1].email", equalTo("gbd@muusmann.example"));
        given().get("/api/v1/positions/" + p.id + "/stages")
                .then()
                .statusCode(200)
                .body("kind", contains("first_interview", "test", "second_interview"))
                .body("label", contains("1. samtaler", "Test", "2. samtaler"))
                .body("date", contains("2031-06-02", "2031-06-04", "2031-06-16"))
                .body("[1].note", equalTo("Der skal afsættes 3-4 timer til testforløbet."))
                .body("[2].startTime", equalTo("09:00"))
                .body("[2].endTime", equalTo("14:00"));
    }

    @Test
    void unknownPositionsAreProblemNotFound() {
        given().get("/api/v1/positions/ingen-saadan-stilling")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Ikke fundet"))
                .body("detail", equalTo("Ingen offentliggjort stilling med id eller slug 'ingen-saadan-stilling'."));
        given().header("Accept-Language", "en")
                .get("/api/v1/positions/ingen-saadan-stilling")
                .then()
                .statusCode(404)
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No published position with id or slug 'ingen-saadan-stilling'."));
        given().get("/api/v1/positions/99999999999999999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/positions/0/contacts").then().statusCode(404).contentType("application/problem+json");
    }
}
