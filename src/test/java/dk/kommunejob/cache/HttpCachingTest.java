package dk.kommunejob.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.language.Language;
import dk.kommunejob.position.Position;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** Every public GET is tagged, revalidates with 304 (HEAD too) and is answered from memory. */
@QuarkusTest
class HttpCachingTest {

    static final String STRONG_ETAG = "\"[A-Za-z0-9_-]{22}\"";

    @Inject
    ResponseCache cache;

    @Inject
    Expiry expiry;

    @Inject
    SessionFactory sessionFactory;

    static List<String> publicGets(Org org, Position p) {
        LocalDate day = p.applicationDeadline.toLocalDate();
        return List.of(
                "/api/v1/positions?employer=" + org.employerId(),
                "/api/v1/positions?sort=title&unit=" + org.directorateId(),
                "/api/v1/positions/" + p.id,
                "/api/v1/positions/" + p.slug,
                "/api/v1/positions/" + p.id + "/contacts",
                "/api/v1/positions/" + p.slug + "/stages",
                "/api/v1/deadlines?from=" + day + "&to=" + day,
                "/api/v1/units?employer=" + org.employerId(),
                "/api/v1/employers",
                "/api/v1/employers/" + org.employerId(),
                "/api/v1/agencies",
                "/api/v1/positions?facets=hours&employer=" + org.employerId(),
                "/api/v1/suggestions?q=laerer",
                "/api/v1/feeds/positions.rss?employer=" + org.employerId(),
                "/api/v1/feeds/positions.atom?employer=" + org.employerId(),
                "/api/v1/calendars/positions/" + p.slug + ".ics",
                "/api/v1/calendars/deadlines.ics?employer=" + org.employerId());
    }

    @Test
    void everyPublicGetHasAStrongETagAndAnswersIfNoneMatchWith304() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> x.agency = TestData.agency(org.agencyId()));
        TestData.notificationsArrived();

        for (String path : publicGets(org, p)) {
            ExtractableResponse<Response> first = given().get(path)
                    .then()
                    .statusCode(200)
                    .header("ETag", matchesPattern(STRONG_ETAG))
                    .header("Cache-Control", matchesPattern("public, max-age=\\d+, stale-while-revalidate=\\d+"))
                    .header("Vary", TestData.varyList("Accept", "Accept-Language", "Origin"))
                    .extract();
            String etag = first.header("ETag");
            assertNotNull(cache.find(key(path), expiry.now()), path + " is kept");

            // The kept answer: the very same bytes and headers.
            ExtractableResponse<Response> again =
                    given().get(path).then().statusCode(200).extract();
            assertEquals(first.asString(), again.asString(), path);
            assertEquals(etag, again.header("ETag"), path);
            assertEquals(first.contentType(), again.contentType(), path);
            assertEquals(first.header("Cache-Control"), again.header("Cache-Control"), path);

            given().header("If-None-Match", etag)
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", etag)
                    .header("Cache-Control", first.header("Cache-Control"))
                    .body(emptyString());
            given().header("If-None-Match", "\"something-else\", W/" + etag)
                    .get(path)
                    .then()
                    .statusCode(304);
            given().header("If-None-Match", "\"something-else\"")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("ETag", etag);

            given().head(path)
                    .then()
                    .statusCode(200)
                    .header("ETag", etag)
                    .header("Content-Length", String.valueOf(first.asString().getBytes(StandardCharsets.UTF_8).length))
                    .body(emptyString());
            given().header("If-None-Match", etag).head(path).then().statusCode(304);
        }
    }

    @Test
    void aMissAnswersTheSameAsAHitAndRevalidatesToo() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        String path = "/api/v1/positions/" + p.slug;

        // With a key the kept answers are never used (a bad key must get its 401), so this is a miss.
        String editor = TestData.editorKey(org.employerId(), "Revalidating editor");
        ExtractableResponse<Response> hit = given().get(path).then().extract();
        ExtractableResponse<Response> miss =
                TestData.as(editor).get(path).then().statusCode(200).extract();
        assertEquals(hit.header("ETag"), miss.header("ETag"));
        assertEquals(hit.asString(), miss.asString());
        TestData.as(editor)
                .header("If-None-Match", hit.header("ETag"))
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", hit.header("ETag"));
        TestData.as("not-a-key").get(path).then().statusCode(401);
    }

    @Test
    void aKeptAnswerAndItsRevalidationCostNoStatement() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        TestData.notificationsArrived();
        String path = "/api/v1/positions?employer=" + org.employerId();
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");

        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        given().get(path).then().statusCode(200).body("items[0].id", equalTo(p.id.intValue()));
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
        assertEquals(0, statistics.getPrepareStatementCount(), "statements for a kept answer and a 304");
    }

    @Test
    void queryParametersInAnotherOrderAreTheSameAnswer() {
        Org org = TestData.org();
        TestData.position(org, x -> {});
        TestData.notificationsArrived();
        String etag = given().get("/api/v1/positions?employer=%d&size=5".formatted(org.employerId()))
                .then()
                .extract()
                .header("ETag");
        assertNotNull(cache.find(key("/api/v1/positions?size=5&employer=" + org.employerId()), expiry.now()));
        given().header("If-None-Match", etag)
                .get("/api/v1/positions?size=5&employer=%d".formatted(org.employerId()))
                .then()
                .statusCode(304);
    }

    @Test
    void errorsAreNeitherTaggedNorKept() {
        given().get("/api/v1/positions/no-such-posting")
                .then()
                .statusCode(404)
                .header("ETag", (String) null)
                .contentType("application/problem+json");
        given().get("/api/v1/positions?size=500").then().statusCode(400).header("ETag", (String) null);
        assertTrue(cache.find(key("/api/v1/positions/no-such-posting"), expiry.now()) == null);
    }

    static String key(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0
                ? ResponseCache.key(Language.da, CachedAnswers.representation("*/*"), pathAndQuery, null)
                : ResponseCache.key(
                        Language.da,
                        CachedAnswers.representation("*/*"),
                        pathAndQuery.substring(0, q),
                        pathAndQuery.substring(q + 1));
    }
}
