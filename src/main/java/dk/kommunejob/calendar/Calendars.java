package dk.kommunejob.calendar;

import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.PublicLinks;
import dk.kommunejob.language.Messages;
import dk.kommunejob.pay.Pay;
import dk.kommunejob.position.PositionDetail;
import dk.kommunejob.position.PositionSummary;
import dk.kommunejob.stage.StageKind;
import dk.kommunejob.stage.StageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/**
 * iCalendar (RFC 5545) documents written by ical4j: a posting's deadline and process stages, or the
 * deadlines of many postings, at Copenhagen time with its VTIMEZONE. An event's UID names what it is
 * (this posting's deadline, its second `second_interview`), not a database row, so a moved interview
 * replaces the old event; SEQUENCE grows with every change of the posting. Nothing in the document
 * depends on the moment it is written (DTSTAMP is the posting's last change), so its ETag changes
 * only with the data.
 */
@ApplicationScoped
public class Calendars {

    public static final String MEDIA_TYPE = "text/calendar";
    static final String PRODUCT = "-//kommunejob.dk//Job postings API//DA";
    /** SEQUENCE counts seconds since this moment: it grows with every change and fits an INTEGER until 2092. */
    static final Instant SEQUENCE_EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    @Inject
    PublicLinks links;

    /** A posting's deadline and every stage that has a date. */
    String position(PositionDetail p) {
        List<CalendarComponent> events = new ArrayList<>();
        events.add(deadline(
                p.id(), p.employer().id(), p.slug(), p.title(), p.applicationDeadline(), p.updatedAt(), p.pay()));
        Map<StageKind, Integer> seen = new EnumMap<>(StageKind.class);
        for (StageView stage : p.stages()) {
            int nth = seen.merge(stage.kind(), 1, Integer::sum);
            if (stage.date() != null) {
                events.add(stage(p, stage, nth));
            }
        }
        return write(p.title(), events);
    }

    /** The deadlines of these postings (each with its last change). */
    String deadlines(List<PositionSummary> positions) {
        return write(
                Messages.text("calendar.deadlines"),
                positions.stream()
                        .map(p -> (CalendarComponent) deadline(
                                p.id(),
                                p.employer().id(),
                                p.slug(),
                                p.title(),
                                p.applicationDeadline(),
                                p.updatedAt(),
                                p.pay()))
                        .toList());
    }

    private VEvent deadline(
            long id,
            long employerId,
            String slug,
            String title,
            OffsetDateTime deadline,
            OffsetDateTime changed,
            Pay pay) {
        String page = links.posting(employerId, slug);
        VEvent event = new VEvent(at(deadline), Messages.text("calendar.deadline", title));
        identified(event, "position-%d-deadline".formatted(id), changed);
        event.add(new Url(URI.create(page)));
        String description = Messages.text("calendar.deadline.description", page);
        event.add(new Description(
                pay.summary() == null ? description : Messages.text("feed.pay", pay.summary()) + "\n\n" + description));
        return event;
    }

    private VEvent stage(PositionDetail p, StageView stage, int nth) {
        String summary = stage.label() + " – " + p.title();
        Temporal start =
                stage.startTime() == null ? stage.date() : at(stage.date().atTime(stage.startTime()));
        VEvent event = stage.startTime() != null && stage.endTime() != null
                ? new VEvent(start, at(stage.date().atTime(stage.endTime())), summary)
                : new VEvent(start, summary);
        identified(event, "position-%d-%s-%d".formatted(p.id(), stage.kind(), nth), p.updatedAt());
        if (stage.location() != null) {
            event.add(new Location(stage.location()));
        }
        String description = stage.kind().label() + (stage.note() == null ? "" : "\n\n" + stage.note());
        String page = links.posting(p.employer().id(), p.slug());
        event.add(new Description(description + "\n\n" + page));
        event.add(new Url(URI.create(page)));
        return event;
    }

    private static VEvent identified(VEvent event, String name, OffsetDateTime changed) {
        event.add(new Uid(name + "@kommunejob.dk"));
        event.replace(new DtStamp(changed.toInstant())); // not the moment of writing, which ical4j puts there
        event.add(new Sequence((int) (changed.toEpochSecond() - SEQUENCE_EPOCH.getEpochSecond())));
        return event;
    }

    private static ZonedDateTime at(OffsetDateTime instant) {
        return instant.atZoneSameInstant(Copenhagen.ZONE);
    }

    private static ZonedDateTime at(java.time.LocalDateTime local) {
        return local.atZone(Copenhagen.ZONE);
    }

    /**
     * Copenhagen's VTIMEZONE under its own name. The definitions ical4j ships (tzurl.org, from the IANA
     * database) define Europe/Copenhagen as a link to Europe/Berlin, whose rules it shares since 1980; the
     * events name Europe/Copenhagen, so the VTIMEZONE they refer to must carry that TZID.
     */
    private static VTimeZone copenhagen() {
        VTimeZone zone =
                ZONES.getTimeZone(Copenhagen.ZONE.getId()).getVTimeZone().copy();
        zone.replace(new TzId(Copenhagen.ZONE.getId()));
        zone.removeIf(p -> p.getName().equals("TZURL") || p.getName().equals("X-LIC-LOCATION"));
        return zone;
    }

    private static final VTimeZone COPENHAGEN = copenhagen();

    private static String write(String name, List<CalendarComponent> events) {
        VTimeZone copenhagen = COPENHAGEN.copy();
        Calendar calendar = new Calendar()
                .withProdId(PRODUCT)
                .withDefaults()
                .withProperty(ImmutableMethod.PUBLISH)
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .withProperty(new XProperty("X-WR-TIMEZONE", Copenhagen.ZONE.getId()))
                .withComponent(copenhagen)
                .getFluentTarget();
        events.forEach(calendar::add);
        // The outputter folds lines at 75 octets, as RFC 5545 asks (toString does not).
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }
}
