package dk.kommunejob.suggestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.position.Position;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SuggestionTest {

    /** A word only this test's data has, so other tests' postings never show. */
    static String tag() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void wordPrefixesWithOrWithoutDanishLettersOpenTitlesFirst() {
        Org org = TestData.org();
        String tag = tag();
        Position single = TestData.position(org, p -> p.title = "Pædagog " + tag);
        TestData.position(org, p -> p.title = "Pædagogisk leder " + tag);
        TestData.position(org, p -> p.title = "Pædagogisk leder " + tag);
        TestData.position(org, p -> {
            p.title = "Børnehavepædagog " + tag; // "paed" is not the start of a word here
        });
        TestData.position(org, p -> {
            p.title = "Aftenpædagog og pædagogmedhjælper " + tag;
            p.applicationDeadline = p.applicationDeadline.minusDays(30);
        });

        for (String typed : List.of("paed " + tag, "PÆD " + tag.substring(0, 6), tag + " pæ")) {
            given().queryParam("q", typed)
                    .get("/api/v1/suggestions")
                    .then()
                    .statusCode(200)
                    .body(
                            "text",
                            equalTo(List.of(
                                    "Pædagog " + tag,
                                    "Pædagogisk leder " + tag,
                                    "Aftenpædagog og pædagogmedhjælper " + tag)))
                    .body("kind", equalTo(List.of("position", "position", "position")))
                    .body("status", equalTo(List.of("open", "open", "closed")))
                    .body("positions", equalTo(List.of(1, 2, 1)))
                    .body("[0].slug", equalTo(single.slug))
                    .body("[1].slug", equalTo(null));
        }
    }

    @Test
    void unitsComeAfterOpenTitles() {
        Org org = TestData.org();
        // The org's units are named "... <tag>" by TestData: "Læring <tag>", "Skole <tag>".
        String unitName = TestData.unit(org.unitId()).name;
        String unitTag = unitName.substring(unitName.lastIndexOf(' ') + 1);
        TestData.position(org, p -> p.title = "Lærer " + unitTag);
        given().queryParam("q", "laer " + unitTag)
                .get("/api/v1/suggestions")
                .then()
                .statusCode(200)
                .body("text", equalTo(List.of("Lærer " + unitTag, unitName)))
                .body("kind", equalTo(List.of("position", "unit")))
                .body("[1].unit", equalTo((int) org.unitId()));
    }

    @Test
    void atMostTen() {
        Org org = TestData.org();
        String tag = tag();
        for (int i = 0; i < 12; i++) {
            int n = i;
            TestData.position(org, p -> p.title = "Stilling " + (char) ('a' + n) + " " + tag);
        }
        given().queryParam("q", tag)
                .get("/api/v1/suggestions")
                .then()
                .statusCode(200)
                .body("$", hasSize(10));
    }

    @Test
    void nothingTypedIsAProblemAndNoWordsAreNoSuggestions() {
        given().get("/api/v1/suggestions").then().statusCode(400).body("parameter", equalTo("q"));
        given().queryParam("q", "x".repeat(101))
                .get("/api/v1/suggestions")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("q"));
        given().queryParam("q", "& | !:*")
                .get("/api/v1/suggestions")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        assertEquals(List.of("ped", "le"), Suggestions.words("Pæd  le"));
        assertEquals(List.of("ped", "s", "born", "a", "cafe"), Suggestions.words("pæd's Børn-Å café"));
    }
}
