package dk.kommunejob.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** What search keeps of the queries it understood stays within its bound, however much each query names. */
@QuarkusTest
class KeptQueriesTest {

    @Inject
    QueryUnderstanding understanding;

    @Test
    void queriesNamingManyCompoundsAreKeptWithinTheirBound() {
        Org org = TestData.org();
        String consonants = "bdfgklmnprst";
        String vowels = "aeiou";
        for (int i = 0; i < QueryUnderstanding.MAX_COMPOUNDS; i++) {
            // Made-up compounds of one word: "Bagevikar", "Dagevikar", …, all in the vocabulary.
            String first = consonants.charAt(i % 12) + "" + vowels.charAt(i / 12 % 5) + "g" + "aeiou".charAt(i / 60);
            TestData.position(
                    org, p -> p.title = Character.toUpperCase(first.charAt(0)) + first.substring(1) + "vikar");
        }
        given().queryParam("employer", org.employerId())
                .queryParam("q", "vikar")
                .get("/api/v1/positions")
                .then()
                .statusCode(200);
        int named = understanding.understand("vikar q0").lexemes();
        assertTrue(named > QueryUnderstanding.MAX_COMPOUNDS, "the query names its compounds: " + named);

        // Ten thousand such queries name some 800 000 lexemes, past the bound.
        for (int i = 1; i < 10_000; i++) {
            understanding.understand("vikar q" + i);
        }
        long kept = understanding.keptWeight();
        assertTrue(kept <= QueryUnderstanding.MAX_KEPT_LEXEMES, kept + " lexemes' weight kept");
        assertTrue(kept > QueryUnderstanding.MAX_KEPT_LEXEMES / 2, "the bound is used: " + kept + " kept");
    }

    @Test
    void aQueryThatNamesNothingStillWeighs() {
        // Stop words only: nothing to search for, and still a text and an entry kept.
        SearchQuery nothing = understanding.understand("og i det at en");
        assertTrue(nothing.isEmpty(), "stop words only");
        assertTrue(QueryUnderstanding.weight(nothing) >= QueryUnderstanding.ENTRY_WEIGHT);
    }
}
