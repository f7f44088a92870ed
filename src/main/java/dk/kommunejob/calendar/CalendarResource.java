package dk.kommunejob.calendar;

import dk.kommunejob.agency.AgencyService;
import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.organisation.OrganisationService;
import dk.kommunejob.position.PositionDetail;
import dk.kommunejob.position.PositionResource;
import dk.kommunejob.position.PositionScope;
import dk.kommunejob.position.PositionService;
import dk.kommunejob.position.PositionSort;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/calendars")
@Produces(Calendars.MEDIA_TYPE + ";charset=UTF-8")
@Tag(name = "Calendars")
public class CalendarResource {

    /** The most deadlines one subscription carries: the soonest. */
    static final int DEADLINES = 500;

    static final String EXAMPLE =
            """
            BEGIN:VCALENDAR
            PRODID:-//kommunejob.dk//Job postings API//DA
            VERSION:2.0
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            X-WR-CALNAME:Afdelingschef for Dagtilbud & Skole
            BEGIN:VTIMEZONE
            TZID:Europe/Copenhagen
            ...
            END:VTIMEZONE
            BEGIN:VEVENT
            DTSTART;TZID=Europe/Copenhagen:20250616T090000
            DTEND;TZID=Europe/Copenhagen:20250616T140000
            SUMMARY:2. samtaler – Afdelingschef for Dagtilbud & Skole
            UID:position-101-second_interview-1@kommunejob.dk
            DTSTAMP:20250428T070000Z
            SEQUENCE:41929200
            LOCATION:Albertslund
            END:VEVENT
            END:VCALENDAR""";

    @Inject
    Calendars calendars;

    @Inject
    PositionService positions;

    @Inject
    OrganisationService organisation;

    @Inject
    AgencyService agencies;

    @GET
    @HttpCached
    @Path("/positions/{id}.ics")
    @Operation(
            operationId = "positionCalendar",
            summary = "A position's deadline and process stages as iCalendar",
            description = "For a candidate to subscribe to: the application deadline and every stage of the "
                    + "recruitment process that has a date, with its times and place, at Copenhagen time (with "
                    + "its VTIMEZONE). A stage without times is an all-day event. Each event's UID names what it "
                    + "is (this posting's deadline; its first `second_interview`), and SEQUENCE grows with every "
                    + "change of the posting, so a moved interview replaces the old event. Withdrawn postings "
                    + "are not found.")
    @APIResponse(
            responseCode = "200",
            description = "An iCalendar (RFC 5545) document.",
            content =
                    @Content(
                            mediaType = Calendars.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "calendar", value = EXAMPLE)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<String> position(
            @Parameter(
                            description = "The position's id or slug.",
                            example = "afdelingschef-for-dagtilbud-og-skole",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                    @PathParam("id")
                    String idOrSlug) {
        PositionDetail position = positions.findPublic(idOrSlug).orElseThrow(() -> PositionResource.notFound(idOrSlug));
        return PositionResource.ok(position, calendars.position(position));
    }

    @GET
    @HttpCached
    @Path("/deadlines.ics")
    @Operation(
            operationId = "deadlinesCalendar",
            summary = "Upcoming application deadlines as iCalendar",
            description = "A calendar to subscribe to: the deadline of every open position in the scope (the list's "
                    + "search and filters), the soonest " + DEADLINES + " at most. The events are the same as in "
                    + "each position's own calendar (same UIDs), so subscribing to both shows each deadline once.")
    @APIResponse(
            responseCode = "200",
            description = "An iCalendar (RFC 5545) document.",
            content =
                    @Content(
                            mediaType = Calendars.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "calendar", value = EXAMPLE)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public String deadlines(@BeanParam PositionScope scope) {
        return calendars.deadlines(
                positions.items(scope.open(organisation, agencies, PositionSort.DEADLINE, DEADLINES)));
    }
}
