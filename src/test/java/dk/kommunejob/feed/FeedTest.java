package dk.kommunejob.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.Section;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both feeds, read back with Rome: every field of every entry, in the order the feed promises. */
@QuarkusTest
class FeedTest {

    @ParameterizedTest
    @CsvSource({"positions.rss,application/rss+xml,rss_2.0", "positions.atom,application/atom+xml,atom_1.0"})
    void theFeedListsTheScopesOpenPositionsNewestFirstWithEveryField(String file, String mediaType, String type)
            throws Exception {
        Org org = TestData.org();
        Position older = TestData.position(org, p -> {
            p.title = "Pædagog til vuggestue";
            p.publishedAt = p.publishedAt.minusDays(2);
            p.sections.clear();
            p.sections.add(
                    new Section("Om os", "Vi er en <em>glad</em> vuggestue. " + "Meget mere tekst. ".repeat(40)));
        });
        Position newer = TestData.position(org, p -> {
            p.title = "Skoleleder";
            p.unit = TestData.unit(org.otherDepartmentId());
            p.applicationDeadline = Copenhagen.endOfDay(LocalDate.of(2099, 5, 25));
        });
        TestData.position(org, p -> {
            p.title = "Lukket stilling";
            p.applicationDeadline = p.applicationDeadline.minusDays(30);
        });

        ExtractableResponse<Response> answer = given().get("/api/v1/feeds/" + file + "?employer=" + org.employerId())
                .then()
                .statusCode(200)
                .contentType(startsWith(mediaType))
                .header("Content-Language", "da")
                .extract();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(answer.asString()));
        assertEquals(type, feed.getFeedType());
        assertEquals("Ledige stillinger", feed.getTitle());
        assertEquals(2, feed.getEntries().size(), "open positions only");

        SyndEntry first = feed.getEntries().get(0);
        assertEquals("Skoleleder", first.getTitle());
        assertEquals("http://localhost:8080/?stilling=" + newer.slug, first.getLink());
        assertEquals(Feeds.entryId(newer.id), first.getUri());
        assertEquals(
                Date.from(newer.publishedAt.truncatedTo(ChronoUnit.SECONDS).toInstant()), first.getPublishedDate());
        assertEquals(
                List.of(TestData.unit(org.otherDepartmentId()).name),
                first.getCategories().stream().map(c -> c.getName()).toList());
        String description = (type.startsWith("rss") ? first.getDescription() : first.getDescription()).getValue();
        assertTrue(description.startsWith("Ansøgningsfrist: 25. maj 2099 kl. 23:59. Dagtilbud "), description);

        SyndEntry second = feed.getEntries().get(1);
        assertEquals("Pædagog til vuggestue", second.getTitle());
        String excerpt = second.getDescription().getValue();
        assertTrue(excerpt.contains("Vi er en glad vuggestue. Meget mere tekst."), excerpt);
        assertTrue(excerpt.endsWith(" …") && excerpt.length() < 420, excerpt);
        assertEquals(
                Date.from(older.publishedAt.truncatedTo(ChronoUnit.SECONDS).toInstant()), second.getPublishedDate());
        if (type.startsWith("atom")) {
            assertTrue(first.getUpdatedDate() != null, "Atom entries say when they changed");
            assertEquals(
                    "http://localhost:8080/api/v1/feeds/positions.atom?employer=" + org.employerId(), feed.getUri());
        }
    }

    @Test
    void theFeedTakesTheListsFiltersAndLanguage() throws Exception {
        Org org = TestData.org();
        TestData.position(org, p -> p.title = "Tandplejer");
        TestData.position(org, p -> {
            p.title = "Bibliotekar";
            p.agency = TestData.agency(org.agencyId());
        });
        SyndFeed byAgency = read("/api/v1/feeds/positions.rss?agency=" + org.agencyId());
        assertEquals(
                List.of("Bibliotekar"),
                byAgency.getEntries().stream().map(SyndEntry::getTitle).toList());
        SyndFeed searched = read("/api/v1/feeds/positions.atom?q=tandplejer&employer=" + org.employerId());
        assertEquals(
                List.of("Tandplejer"),
                searched.getEntries().stream().map(SyndEntry::getTitle).toList());
        SyndFeed english = read("/api/v1/feeds/positions.rss?lang=en&employer=" + org.employerId());
        assertEquals("Vacancies", english.getTitle());
        assertEquals("en", english.getLanguage());
        assertTrue(english.getEntries().get(0).getDescription().getValue().startsWith("Application deadline: "));

        given().get("/api/v1/feeds/positions.rss?unit=abc")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("unit"));
    }

    @Test
    void aFeedIsTaggedAndChangesWithItsPostings() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> x.title = "Jordemoder");
        String path = "/api/v1/feeds/positions.rss?employer=" + org.employerId();
        TestData.notificationsArrived();
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304)
                .header("Vary", TestData.varyList("Accept", "Accept-Language", "Origin"));
        // A feed reader's own Accept is kept apart from JSON's and answered alike.
        given().accept("application/rss+xml, application/atom+xml;q=0.9, */*;q=0.1")
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", etag);
        TestData.position(org, x -> x.title = "Sygeplejerske");
        TestData.notificationsArrived();
        String after = given().get(path).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, after);
    }

    private static SyndFeed read(String path) throws Exception {
        String body = given().get(path).then().statusCode(200).extract().asString();
        return new SyndFeedInput().build(new StringReader(body));
    }
}
