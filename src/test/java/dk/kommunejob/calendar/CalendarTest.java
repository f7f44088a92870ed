package dk.kommunejob.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.PositionStatus;
import dk.kommunejob.stage.Stage;
import dk.kommunejob.stage.StageKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** Calendars read back with ical4j: valid, in Copenhagen time, and stable across changes. */
@QuarkusTest
class CalendarTest {

    static final LocalDate INTERVIEW = LocalDate.of(2099, 6, 16);

    @Test
    void aPositionsCalendarHasItsDeadlineAndEveryDatedStageInCopenhagenTime() throws Exception {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {
            x.title = "Afdelingschef";
            x.stages.clear();
            x.addStage(new Stage(
                    StageKind.first_interview, "1. samtaler", INTERVIEW.minusDays(7), null, null, "Rådhuset", null));
            x.addStage(new Stage(
                    StageKind.second_interview,
                    "2. samtaler",
                    INTERVIEW,
                    LocalTime.of(9, 0),
                    LocalTime.of(14, 0),
                    "Albertslund",
                    "Der skal afsættes 3-4 timer."));
            x.addStage(new Stage(StageKind.references, "Referencer", null, null, null, null, null));
        });

        Calendar calendar = read("/api/v1/calendars/positions/" + p.slug + ".ics");
        calendar.validate();
        assertEquals(1, calendar.<VTimeZone>getComponents("VTIMEZONE").size());
        assertEquals(
                "Europe/Copenhagen",
                calendar.<VTimeZone>getComponents("VTIMEZONE")
                        .get(0)
                        .<Property>getProperty("TZID")
                        .orElseThrow()
                        .getValue());
        Map<String, VEvent> events = byUid(calendar);
        assertEquals(3, events.size(), "deadline and the two dated stages: " + events.keySet());

        VEvent second = events.get("position-" + p.id + "-second_interview-1@kommunejob.dk");
        assertEquals("2. samtaler – Afdelingschef", text(second, "SUMMARY"));
        assertEquals("Albertslund", text(second, "LOCATION"));
        ZonedDateTime start = (ZonedDateTime) second.getStartDate().get().getDate();
        ZonedDateTime end = (ZonedDateTime) second.getEndDate().get().getDate();
        assertEquals(INTERVIEW.atTime(9, 0).atZone(Copenhagen.ZONE).toInstant(), start.toInstant());
        assertEquals(INTERVIEW.atTime(14, 0).atZone(Copenhagen.ZONE).toInstant(), end.toInstant());
        assertTrue(second.getStartDate().get().toString().contains("TZID=Europe/Copenhagen:20990616T090000"));
        assertTrue(text(second, "DESCRIPTION").startsWith("Anden samtale\n\nDer skal afsættes 3-4 timer."));

        for (VEvent event : events.values()) {
            // One DTSTAMP, the posting's last change: nothing in the document depends on when it was written.
            assertEquals(1, event.getProperties("DTSTAMP").size(), text(event, "UID"));
            assertEquals(
                    p.updatedAt.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    ((net.fortuna.ical4j.model.property.DtStamp)
                                    event.getProperty("DTSTAMP").orElseThrow())
                            .getDate());
        }

        VEvent first = events.get("position-" + p.id + "-first_interview-1@kommunejob.dk");
        assertEquals(INTERVIEW.minusDays(7), first.getStartDate().get().getDate(), "no times: all day");

        VEvent deadline = events.get("position-" + p.id + "-deadline@kommunejob.dk");
        assertEquals("Ansøgningsfrist: Afdelingschef", text(deadline, "SUMMARY"));
        assertEquals(
                p.applicationDeadline.toInstant(),
                ((ZonedDateTime) deadline.getStartDate().get().getDate()).toInstant());
        assertEquals("http://localhost:8080/?stilling=" + p.slug, text(deadline, "URL"));
    }

    @Test
    void aMovedInterviewReplacesTheOldEventWithAHigherSequence() throws Exception {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {
            x.stages.clear();
            x.addStage(new Stage(
                    StageKind.second_interview,
                    "2. samtaler",
                    INTERVIEW,
                    LocalTime.of(9, 0),
                    null,
                    "Albertslund",
                    null));
        });
        String path = "/api/v1/calendars/positions/" + p.id + ".ics";
        String uid = "position-" + p.id + "-second_interview-1@kommunejob.dk";
        VEvent before = byUid(read(path)).get(uid);

        QuarkusTransaction.requiringNew().run(() -> {
            Position changed = Position.findById(p.id);
            changed.stages.get(0).date = INTERVIEW.plusDays(2);
            changed.updatedAt = OffsetDateTime.now().plusSeconds(5);
        });
        TestData.notificationsArrived();
        VEvent after = byUid(read(path)).get(uid);
        assertEquals(
                INTERVIEW.plusDays(2),
                ((ZonedDateTime) after.getStartDate().get().getDate()).toLocalDate());
        assertTrue(
                Integer.parseInt(text(after, "SEQUENCE")) > Integer.parseInt(text(before, "SEQUENCE")),
                text(before, "SEQUENCE") + " then " + text(after, "SEQUENCE"));
    }

    @Test
    void theDeadlinesCalendarTakesTheListsFiltersAndLanguage() throws Exception {
        Org org = TestData.org();
        Position open = TestData.position(org, x -> x.title = "Vejmand");
        TestData.position(org, x -> x.applicationDeadline = x.applicationDeadline.minusDays(30));
        Position other = TestData.position(org, x -> {
            x.title = "Gartner";
            x.agency = TestData.agency(org.agencyId());
        });

        Calendar all = read("/api/v1/calendars/deadlines.ics?employer=" + org.employerId());
        all.validate();
        // Both sorted as text: position-10 comes before position-8.
        assertEquals(
                java.util.stream.Stream.of(
                                "position-" + open.id + "-deadline@kommunejob.dk",
                                "position-" + other.id + "-deadline@kommunejob.dk")
                        .sorted()
                        .toList(),
                all.<VEvent>getComponents("VEVENT").stream()
                        .map(e -> text(e, "UID"))
                        .sorted()
                        .toList());
        assertEquals("Ansøgningsfrister", all.getProperty("X-WR-CALNAME").get().getValue());

        Calendar byAgency = read("/api/v1/calendars/deadlines.ics?lang=en&agency=" + org.agencyId());
        assertEquals(
                "Application deadlines",
                byAgency.getProperty("X-WR-CALNAME").get().getValue());
        assertEquals(
                List.of("Application deadline: Gartner"),
                byAgency.<VEvent>getComponents("VEVENT").stream()
                        .map(e -> text(e, "SUMMARY"))
                        .toList());
    }

    @Test
    void calendarsAreTaggedAndAWithdrawnPostingHasNone() {
        Org org = TestData.org();
        Position p = TestData.position(org, x -> {});
        String path = "/api/v1/calendars/positions/" + p.id + ".ics";
        TestData.notificationsArrived();
        String etag = given().get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .header("ETag");
        assertEquals(etag, given().get(path).then().extract().header("ETag"), "the same bytes, again");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
        assertNotEquals(etag, given().get(path + "?lang=en").then().extract().header("ETag"));

        Position withdrawn = TestData.position(org, x -> x.status = PositionStatus.withdrawn);
        given().get("/api/v1/calendars/positions/" + withdrawn.id + ".ics")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
    }

    private static Calendar read(String path) throws Exception {
        String body = given().get(path).then().statusCode(200).extract().asString();
        for (String line : body.split("\r\n")) {
            assertTrue(
                    line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75,
                    "folded at 75 octets: " + line);
        }
        return new CalendarBuilder().build(new StringReader(body));
    }

    private static Map<String, VEvent> byUid(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> text(e, "UID"), Function.identity()));
    }

    private static String text(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow().getValue();
    }
}
