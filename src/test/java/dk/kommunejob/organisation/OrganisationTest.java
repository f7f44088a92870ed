package dk.kommunejob.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganisationTest {

    @Test
    void unitsAreATreeOfDirectoratesDepartmentsAndUnits() {
        Org org = TestData.org();

        given().queryParam("employer", org.employerId())
                .get("/api/v1/units")
                .then()
                .statusCode(200)
                .body("id", contains((int) org.directorateId()))
                .body("[0].level", equalTo("directorate"))
                .body("[0].employerId", equalTo((int) org.employerId()))
                // Children by Danish name: "Dagtilbud ..." before "Skole ...".
                .body("[0].children.id", contains((int) org.otherDepartmentId(), (int) org.departmentId()))
                .body("[0].children[1].level", equalTo("department"))
                .body("[0].children[1].children.id", contains((int) org.unitId()))
                .body("[0].children[1].children[0].level", equalTo("unit"))
                .body("[0].children[1].children[0].children.size()", equalTo(0));
        given().get("/api/v1/units").then().statusCode(200).body("id", hasItem((int) org.directorateId()));
    }

    @Test
    void employersAndAgenciesAreListed() {
        Org org = TestData.org();
        String employerName = given().get("/api/v1/employers/" + org.employerId())
                .then()
                .extract()
                .path("name");

        given().get("/api/v1/employers")
                .then()
                .statusCode(200)
                .body("name", hasItems("Albertslund Kommune", employerName));
        given().get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("name", hasItems("MUUSMANN", "Genitor", TestData.agency(org.agencyId()).name));
    }

    @Test
    void anEmployersProfileCarriesAddressPhoneAndValues() {
        int id = given().get("/api/v1/employers").then().extract().path("find { it.name == 'Albertslund Kommune' }.id");

        given().get("/api/v1/employers/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Albertslund Kommune"))
                .body("address.street", equalTo("Rådhuset, Nordmarks Allé 1"))
                .body("address.postalCode", equalTo("2620"))
                .body("address.city", equalTo("Albertslund"))
                .body("phone", equalTo("+4543686868"))
                .body("phoneDisplay", equalTo("43 68 68 68"))
                .body("values.name", contains("Vores opgave", "Mod", "Helhed", "Relationer"))
                .body(
                        "values[1].values",
                        equalTo("Verden og kommunen er i konstant udvikling. Krav, forventninger, "
                                + "rammer og opgaver forandres. Vi møder disse forandringer med mod og åbenhed."))
                .body(
                        "values[1].behaviour",
                        org.hamcrest.Matchers.startsWith(
                                "Vi er modige, når vi finder nye veje og når vi tør at stå fast på det der virker i vores praksis."));
    }
}
