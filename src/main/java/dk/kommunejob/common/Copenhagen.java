package dk.kommunejob.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The domain's time rules: every date a posting states is a Copenhagen local date. */
public final class Copenhagen {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    /** A local wall-clock time in Copenhagen, as the API writes and reads it: HH:mm, or HH:mm:ss. */
    public static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";

    private Copenhagen() {}

    /** A deadline given as a date closes at the end of that local day, summer or winter time. */
    public static OffsetDateTime endOfDay(LocalDate date) {
        return startOfDay(date.plusDays(1)).minusSeconds(1);
    }

    public static OffsetDateTime startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The instant as Copenhagen shows it, e.g. 2025-05-25T23:59:59+02:00. */
    public static OffsetDateTime local(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * Now, to the whole second: deadlines are stated to the second, so a deadline of 23:59:59 still
     * accepts applications at 23:59:59.900.
     */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), ZONE);
    }
}
