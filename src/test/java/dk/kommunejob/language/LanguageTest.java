package dk.kommunejob.language;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Danish unless English is asked for, by `lang` or Accept-Language; every answer says which. */
@QuarkusTest
class LanguageTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[sd]");

    @Test
    void problemsAreDanishByDefault() {
        given().get("/api/v1/positions?size=500")
                .then()
                .statusCode(400)
                .header("Content-Language", "da")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Ugyldig parameter"));
    }

    @Test
    void acceptLanguageAsksForEnglishAndLangOverridesIt() {
        given().header("Accept-Language", "en-GB,en;q=0.9,da;q=0.5")
                .get("/api/v1/positions?size=500")
                .then()
                .statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid parameter"));
        given().header("Accept-Language", "da")
                .get("/api/v1/positions?size=500&lang=en")
                .then()
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid parameter"));
        given().header("Accept-Language", "en")
                .get("/api/v1/positions?size=500&lang=da")
                .then()
                .header("Content-Language", "da")
                .body("title", equalTo("Ugyldig parameter"));
    }

    @Test
    void theFrameworksOwnProblemsAndBodyErrorsSpeakTheLanguageToo() {
        given().get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .body("title", equalTo("Ikke fundet"))
                .body("detail", equalTo("Her er intet på denne sti."));
        given().header("Accept-Language", "en")
                .get("/api/v1/no-such-thing")
                .then()
                .body("detail", equalTo("There is nothing at this path."));
        given().contentType("application/json")
                .header("Authorization", "Bearer " + dk.kommunejob.TestData.BOOTSTRAP_KEY)
                .body("{\"name\": \"x\", \"role\": \"editor\", \"id\": 7}")
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("title", equalTo("Ugyldigt indhold"))
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].message", containsString("er ikke et felt"));
    }

    @Test
    void beanValidationMessagesFollowTheLanguageLangIncluded() {
        String blankName = "{\"name\": \" \", \"role\": \"editor\"}";
        given().contentType("application/json")
                .header("Authorization", "Bearer " + dk.kommunejob.TestData.BOOTSTRAP_KEY)
                .body(blankName)
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("må ikke være blank"));
        given().contentType("application/json")
                .header("Authorization", "Bearer " + dk.kommunejob.TestData.BOOTSTRAP_KEY)
                .body(blankName)
                .post("/api/v1/clients?lang=en")
                .then()
                .statusCode(400)
                .body("violations[0].message", equalTo("must not be blank"));
    }

    @Test
    void aLanguageWeDoNotSpeakGetsDanish() {
        given().header("Accept-Language", "de-DE, fr;q=0.8, en;q=0")
                .get("/api/v1/employers")
                .then()
                .statusCode(200)
                .header("Content-Language", "da");
        given().header("Accept-Language", ";;;not a header")
                .get("/api/v1/employers")
                .then()
                .statusCode(200)
                .header("Content-Language", "da");
    }

    @Test
    void anUnknownLangIsAProblemNamingIt() {
        given().get("/api/v1/employers?lang=fr")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("lang"))
                .body("detail", containsString("da, en"));
        given().header("Accept-Language", "en")
                .get("/api/v1/employers?lang=en&lang=da")
                .then()
                .statusCode(400)
                .body("title", equalTo("Invalid parameter"))
                .body("parameter", equalTo("lang"));
    }

    /**
     * Our own constraint messages in both languages, found without falling back: with the Danish texts in the base
     * bundle, the packaged service fell back to the JVM's default locale (English on these machines), so Danish
     * problems said "must be an http or https URL" (the tests' JVM happened to get Danish).
     */
    @Test
    void everyConstraintMessageOfOursIsInBothLanguages() {
        var exact = java.util.ResourceBundle.Control.getNoFallbackControl(
                java.util.ResourceBundle.Control.FORMAT_PROPERTIES);
        var danish = java.util.ResourceBundle.getBundle("ValidationMessages", Language.da.locale, exact);
        var english = java.util.ResourceBundle.getBundle("ValidationMessages", Language.en.locale, exact);
        // Each found as its own language's bundle, not as the base: Hibernate Validator's lookup tries the JVM's
        // default locale before the base, so a Danish text kept only in the base lost to the English one.
        assertEquals("da", danish.getLocale().getLanguage());
        assertEquals("en", english.getLocale().getLanguage());
        assertEquals(Set.copyOf(danish.keySet()), Set.copyOf(english.keySet()));
        for (String key : danish.keySet()) {
            org.junit.jupiter.api.Assertions.assertNotEquals(
                    english.getString(key), danish.getString(key), key + " is translated");
        }
        String badUrl = dk.kommunejob.TestData.positionBody(
                        dk.kommunejob.TestData.org(),
                        "Forkert link",
                        null,
                        java.time.LocalDate.now().plusDays(9))
                .replace("\"https://albertslund.dk/job\"", "\"ftp://albertslund.dk/job\"");
        for (String lang : List.of("da", "en")) {
            given().contentType("application/json")
                    .header("Authorization", "Bearer " + dk.kommunejob.TestData.BOOTSTRAP_KEY)
                    .body(badUrl)
                    .post("/api/v1/positions?lang=" + lang)
                    .then()
                    .statusCode(400)
                    .body(
                            "violations.find { it.field == 'applyUrl' }.message",
                            equalTo((lang.equals("da") ? danish : english).getString("jobs.url")));
        }
    }

    @Test
    void everyLanguageHasEveryTextWithTheSamePlaceholders() {
        Set<String> danish = Messages.bundle(Language.da).keySet();
        for (Language language : Language.values()) {
            Set<String> keys = new HashSet<>(Messages.bundle(language).keySet());
            assertEquals(danish, keys, language + " has the same keys as Danish");
            for (String key : keys) {
                assertEquals(
                        placeholders(Messages.text(Language.da, key)),
                        placeholders(Messages.text(language, key)),
                        language + ": " + key);
            }
        }
    }

    private static List<String> placeholders(String pattern) {
        return PLACEHOLDER
                .matcher(pattern)
                .results()
                .map(m -> m.group())
                .sorted()
                .toList();
    }
}
