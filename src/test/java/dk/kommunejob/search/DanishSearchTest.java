package dk.kommunejob.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.Section;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What search understands (README, "Search"), one kind of query at a time, each over postings of its own. */
@QuarkusTest
class DanishSearchTest {

    private static ValidatableResponse search(Org org, String q) {
        return given().queryParam("employer", org.employerId())
                .queryParam("q", q)
                .get("/api/v1/positions")
                .then()
                .statusCode(200);
    }

    private static Position titled(Org org, String title) {
        return TestData.position(org, p -> p.title = title);
    }

    private static int id(Position p) {
        return p.id.intValue();
    }

    @Test
    void aWordFindsTheCompoundsItEndsAndStarts() {
        Org org = TestData.org();
        Position teacher = titled(org, "Lærer til 4. årgang");
        Position school = titled(org, "Folkeskolelærer til udskolingen");
        Position music = titled(org, "Musikskolelærer til Musikskolen");
        Position cleaning = titled(org, "Rengøringsassistent til rådhuset");
        Position cases = titled(org, "Byggesagsbehandler");
        titled(org, "Bibliotekar");

        search(org, "lærer").body("items.id", containsInAnyOrder(id(teacher), id(school), id(music)));
        search(org, "lærere").body("items.id", containsInAnyOrder(id(teacher), id(school), id(music)));
        search(org, "musik").body("items.id", contains(id(music)));
        // Linking letters: rengøring·s·assistent, byggesag·s·behandler.
        search(org, "rengøring").body("items.id", contains(id(cleaning)));
        search(org, "byggesag").body("items.id", contains(id(cases)));
        search(org, "assistent").body("items.id", contains(id(cleaning)));
        // The word itself in the title ranks above a compound of it.
        search(org, "lærer").body("items[0].id", equalTo(id(teacher)));
    }

    @Test
    void hyphensElidedHyphensAndCompoundsTypedApart() {
        Org org = TestData.org();
        Position support = titled(org, "IT-supporter til skolerne");
        Position sosu = titled(org, "SOSU-assistent til hjemmeplejen");
        Position care = titled(org, "Social- og sundhedsassistent til Albertshøj");
        Position helper = titled(org, "Handicaphjælper til ung mand");
        titled(org, "Pedel");

        search(org, "supporter").body("items.id", contains(id(support)));
        search(org, "it-supporter").body("items.id", contains(id(support)));
        search(org, "itsupporter").body("items.id", contains(id(support)));
        // "Social- og sundhedsassistent" is a socialassistent and a sundhedsassistent.
        search(org, "socialassistent").body("items.id", contains(id(care)));
        search(org, "sundhedsassistent").body("items.id", containsInAnyOrder(id(care), id(sosu)));
        search(org, "handicap hjælper").body("items.id", contains(id(helper)));
        search(org, "hjælper").body("items.id", contains(id(helper)));
    }

    @Test
    void danishLettersWrittenOutOrLeftOut() {
        Org org = TestData.org();
        Position educator = titled(org, "Talepædagog");
        Position cleaning = titled(org, "Rengøringsassistent");
        Position social = titled(org, "Socialrådgiver til jobcentret");

        for (String q : List.of("pædagog", "paedagog", "pedagog", "PAEDAGOG")) {
            search(org, q).body("items.id", contains(id(educator)));
        }
        search(org, "rengoring").body("items.id", contains(id(cleaning)));
        search(org, "rengoering").body("items.id", contains(id(cleaning)));
        search(org, "socialraadgiver").body("items.id", contains(id(social)));
        search(org, "socialradgiver").body("items.id", contains(id(social)));
    }

    @Test
    void shortWordsMatchWholeWordsAndHyphenatedPartsOnly() {
        Org org = TestData.org();
        Position it = titled(org, "IT-arkitekt");
        Position hr = titled(org, "HR-partner");
        TestData.position(org, p -> {
            p.title = "Konsulent i politik og kvalitet";
            p.sections.add(new Section("Om os", "Vi arbejder med digitalisering, politik og kvalitet."));
        });

        search(org, "it").body("items.id", contains(id(it)));
        search(org, "hr").body("items.id", contains(id(hr)));
        search(org, "po").body("items", empty());
    }

    @Test
    void typosFindTheWordAndAskWhetherItWasMeant() {
        Org org = TestData.org();
        String word = "Sygeplejerske" + tag();
        Position nurse = titled(org, word + " til hjemmeplejen");
        Position therapist = titled(org, "Ergoterapeut" + tag());

        // One letter off (5 letters or more), two from 9 letters: found, and the right spelling offered.
        String oneOff = word.toLowerCase().replace("rske", "ske");
        search(org, oneOff).body("items.id", contains(id(nurse))).body("didYouMean", equalTo(word.toLowerCase()));
        String twoOff = word.toLowerCase().replace("yge", "ige").replace("rske", "ske");
        search(org, twoOff).body("items.id", contains(id(nurse)));
        String swapped = therapist.title.toLowerCase().replace("terapeut", "terapuet");
        search(org, swapped).body("items.id", contains(id(therapist)));
        // Spelt right: no question.
        search(org, word).body("items.id", contains(id(nurse))).body("didYouMean", nullValue());
        // Four letters are no typo of anything.
        search(org, "ergo" + "x").body("items", empty());
    }

    @Test
    void aTypoRanksBelowTheWordItselfAndAskesWhenTheRightSpellingIsFarMoreCommon() {
        Org org = TestData.org();
        String word = "kirkegårdsgartner" + tag();
        String typo = word.replace("gartner", "gartnr");
        Position misspelt = titled(org, typo);
        for (int i = 0; i < 12; i++) {
            titled(org, word);
        }
        // The typo is in a posting, so it finds that one, but the answer asks about the common spelling.
        search(org, typo).body("items.id", contains(id(misspelt))).body("didYouMean", equalTo(word));
    }

    @Test
    void synonymsFromTheReviewedList() {
        Org org = TestData.org();
        Position care = titled(org, "Social- og sundhedsassistent til plejecentret");
        Position helper = titled(org, "SOSU-hjælper til hjemmeplejen");
        Position psychologist = TestData.position(org, p -> {
            p.title = "Psykolog";
            p.sections.add(new Section("Om os", "Du bliver en del af Pædagogisk Psykologisk Rådgivning."));
        });
        Position hr = titled(org, "HR-konsulent");

        search(org, "sosu").body("items.id", containsInAnyOrder(id(care), id(helper)));
        search(org, "social- og sundhedshjælper").body("items.id", contains(id(helper)));
        search(org, "ppr").body("items.id", contains(id(psychologist)));
        search(org, "personale").body("items.id", contains(id(hr)));
    }

    @Test
    void rankingExactTitleThenCompoundInTitleThenTextThenTypo() {
        Org org = TestData.org();
        String w = "pedel" + tag();
        Position inText = TestData.position(org, p -> {
            p.title = "Servicemedarbejder";
            p.sections.add(new Section("Opgaver", "Du afløser vores " + w + " på skolen."));
        });
        Position compound = titled(org, "Skole" + w);
        Position exact = titled(org, w + " til skolen");

        search(org, w).body("items.id", contains(id(exact), id(compound), id(inText)));
    }

    @Test
    void eachMatchSaysWhereForTheWebsiteToMarkIt() {
        Org org = TestData.org();
        Position title = titled(org, "Folkeskolelærer til Herstedlund Skole");
        Position text = TestData.position(org, p -> {
            p.title = "Administrativ medarbejder";
            p.sections.clear();
            p.sections.add(new Section(
                    "Om jobbet",
                    "Vi er et lille sekretariat. Du hjælper <b>musikskolelærerne</b> med skemaer og lokaler, "
                            + "og du svarer telefonen."));
        });

        search(org, "lærer skole")
                .body("items[0].id", equalTo(id(title)))
                .body("items[0].match.title.start", contains(0, 32))
                .body("items[0].match.title.end", contains(15, 37))
                .body("items[0].match.excerpt", nullValue());
        search(org, "musikskolelærer")
                .body("items.id", contains(id(text)))
                .body("items[0].match.title", empty())
                .body("items[0].match.excerpt.text", containsString("musikskolelærerne med skemaer"))
                .body("items[0].match.excerpt.text", not(containsString("<b>")))
                .body("items[0].match.excerpt.marks", hasSize(1));
        String excerpt = search(org, "musikskolelærer").extract().path("items[0].match.excerpt.text");
        int start = search(org, "musikskolelærer").extract().path("items[0].match.excerpt.marks[0].start");
        int end = search(org, "musikskolelærer").extract().path("items[0].match.excerpt.marks[0].end");
        assertEquals("musikskolelærerne", excerpt.substring(start, end));
        // No search, no marks.
        given().queryParam("employer", org.employerId())
                .get("/api/v1/positions")
                .then()
                .body("items[0]", not(hasKey("match")))
                .body("$", not(hasKey("didYouMean")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "!!!",
                "...---",
                "😀🎉",
                "& | ! : * ( ) ' \\ % _",
                "lærer & | !",
                "'; DROP TABLE position; --",
                "lærer:*",
                "(lærer | pædagog) <-> !x",
                "100%_lærer",
                "ø",
            })
    void anyTextIsASearchNeverAnError(String q) {
        Org org = TestData.org();
        titled(org, "Lærer");
        search(org, q).body("items", notNullValue());
        given().queryParam("q", q).get("/api/v1/feeds/positions.rss").then().statusCode(200);
        given().queryParam("q", q).get("/api/v1/calendars/deadlines.ics").then().statusCode(200);
        given().queryParam("q", q).get("/api/v1/suggestions").then().statusCode(200);
    }

    @Test
    void longWordsAndManyWords() {
        Org org = TestData.org();
        Position teacher = titled(org, "Lærer");
        search(org, "a".repeat(200)).body("items", empty());
        String thirty = String.join(" ", java.util.Collections.nCopies(29, "lærer")) + " skole";
        search(org, thirty).body("items", empty());
        search(org, String.join(" ", java.util.Collections.nCopies(30, "lærer")))
                .body("items.id", contains(id(teacher)));
        given().queryParam("q", "a".repeat(201))
                .get("/api/v1/positions")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("q"));
    }

    @Test
    void everyEndpointThatTakesQUnderstandsItAlike() {
        Org org = TestData.org();
        String place = "Musikskolen" + tag();
        Position music = titled(org, "Musikskolelærer til " + place);
        titled(org, "Bibliotekar til " + place);

        search(org, "lærer").body("items.id", contains(id(music)));
        given().queryParam("q", "lærer")
                .queryParam("employer", org.employerId())
                .get("/api/v1/feeds/positions.rss")
                .then()
                .statusCode(200)
                .body(containsString("Musikskolelærer til " + place))
                .body(not(containsString("Bibliotekar til " + place)));
        given().queryParam("q", "paedagog musikskolelaerer")
                .queryParam("employer", org.employerId())
                .get("/api/v1/calendars/deadlines.ics")
                .then()
                .statusCode(200);
        given().queryParam("q", "laerer")
                .queryParam("employer", org.employerId())
                .get("/api/v1/calendars/deadlines.ics")
                .then()
                .statusCode(200)
                .body(containsString("Musikskolelærer til " + place))
                .body(not(containsString("Bibliotekar til " + place)));
        // Suggestions: a compound's last part, written-out letters, a typo.
        given().queryParam("q", "skolelaerer " + place.toLowerCase())
                .get("/api/v1/suggestions")
                .then()
                .body("text", hasItem("Musikskolelærer til " + place));
        given().queryParam("q", "musikskolelærr " + place.toLowerCase())
                .get("/api/v1/suggestions")
                .then()
                .body("text", hasItem("Musikskolelærer til " + place));
    }

    /** Letters only, so a made-up word stays one word to the stemmer and the tokenizer. */
    private static String tag() {
        return (UUID.randomUUID().toString() + UUID.randomUUID())
                .replaceAll("[^a-f]", "")
                .substring(0, 6);
    }
}
