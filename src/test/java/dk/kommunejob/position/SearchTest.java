package dk.kommunejob.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchTest {

    private static io.restassured.response.ValidatableResponse search(Org org, String q) {
        return given().queryParam("employer", org.employerId())
                .queryParam("q", q)
                .get("/api/v1/positions")
                .then()
                .statusCode(200);
    }

    @Test
    void danishWordFormsFindEachOther() {
        Org org = TestData.org();
        Position school = TestData.position(org, p -> p.title = "Afdelingschef for Dagtilbud & Skole");
        TestData.position(org, p -> p.title = "Bibliotekar");

        search(org, "skoler").body("items.id", contains(school.id.intValue()));
        search(org, "skolerne").body("items.id", contains(school.id.intValue()));
        search(org, "Skole").body("items.id", contains(school.id.intValue()));
        search(org, "dagtilbuddene").body("items.id", contains(school.id.intValue()));
    }

    @Test
    void findsDanishLettersInTitleAndText() {
        Org org = TestData.org();
        Position economy = TestData.position(org, p -> p.title = "Chef for Økonomi og Stab");
        Position care = TestData.position(org, p -> {
            p.title = "Sygeplejerske";
            p.sections.add(new Section("Om stedet", "Plejecentret Albertshøj ligger ved søen, tæt på rådhuset."));
        });

        search(org, "økonomien").body("items.id", contains(economy.id.intValue()));
        search(org, "ØKONOMI").body("items.id", contains(economy.id.intValue()));
        search(org, "albertshøj").body("items.id", contains(care.id.intValue()));
        search(org, "søen").body("items.id", contains(care.id.intValue()));
        search(org, "aeble").body("items", empty());
    }

    @Test
    void ranksTitleMatchesAboveTextMatches() {
        Org org = TestData.org();
        Position inText = TestData.position(org, p -> {
            p.title = "Administrativ medarbejder";
            p.sections.add(new Section("Opgaver", "Du hjælper pædagogerne med planlægning."));
        });
        Position inTitle = TestData.position(org, p -> p.title = "Pædagog til børnehuset");

        search(org, "pædagog").body("items.id", contains(inTitle.id.intValue(), inText.id.intValue()));
        // An explicit sort wins over relevance.
        given().queryParam("employer", org.employerId())
                .queryParam("q", "pædagog")
                .queryParam("sort", "title")
                .get("/api/v1/positions")
                .then()
                .body("items.id", contains(inText.id.intValue(), inTitle.id.intValue()));
    }

    @Test
    void searchCombinesWithOtherFilters() {
        Org org = TestData.org();
        TestData.position(org, p -> p.title = "Skoleleder");
        Position withAgency = TestData.position(org, p -> {
            p.title = "Skolekonsulent";
            p.agency = TestData.agency(org.agencyId());
        });

        given().queryParam("agency", org.agencyId())
                .queryParam("q", "skolekonsulenter")
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", contains(withAgency.id.intValue()));
    }

    @Test
    void pagesOfARankedSearchSplitItsMatchesAndFollowTheData() {
        Org org = TestData.org();
        Position inTitle = TestData.position(org, p -> p.title = "Tømrer til vejcentret");
        Position inText = TestData.position(org, p -> {
            p.title = "Håndværker";
            p.sections.add(new Section("Opgaver", "Du arbejder sammen med vores tømrer."));
        });
        TestData.position(org, p -> p.title = "Maler");

        page(org, 1).body("total", equalTo(2)).body("items.id", contains(inTitle.id.intValue()));
        page(org, 2).body("total", equalTo(2)).body("items.id", contains(inText.id.intValue()));
        page(org, 3).body("total", equalTo(2)).body("items", empty());

        // A new match is ranked in with the next read, the kept ranking notwithstanding.
        Position another = TestData.position(org, p -> p.title = "Tømrer og tømrerlærling");
        page(org, 3).body("total", equalTo(3)).body("items.id", contains(inText.id.intValue()));
        page(org, 1).body("items.id", contains(anyOf(equalTo(another.id.intValue()), equalTo(inTitle.id.intValue()))));
    }

    private static io.restassured.response.ValidatableResponse page(Org org, int page) {
        return given().queryParam("employer", org.employerId())
                .queryParam("q", "tømrer")
                .queryParam("size", 1)
                .queryParam("page", page)
                .get("/api/v1/positions")
                .then()
                .statusCode(200);
    }
}
