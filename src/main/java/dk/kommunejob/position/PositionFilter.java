package dk.kommunejob.position;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of the position list, as a {@code @BeanParam}: its scope (search, unit,
 * employer, agency, as feeds and calendars take it) and the list's own filters, order and facets.
 * Taken as text so that a bad value is answered with a problem naming the parameter (see
 * {@code QueryParams}).
 */
public class PositionFilter extends PositionScope {

    @QueryParam("hours")
    @Parameter(
            description = "`full_time` or `part_time`, as derived from the working hours (README, \"Working hours\").",
            example = "full_time",
            schema = @Schema(implementation = Hours.class))
    String hours;

    @QueryParam("facets")
    @Parameter(
            description =
                    "Comma-separated facets to count for the filter panel: `unit`, `agency`, `employer`, `hours`, "
                            + "`pay`. Each value's count is how many positions would match if that value were chosen, "
                            + "the other filters staying as they are; `pay`'s values are bands of `minMonthlyPay`.",
            example = "unit,agency,employer,hours,pay",
            schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^[a-z]+(,[a-z]+)*$"))
    String facets;

    @QueryParam("status")
    @Parameter(
            description = "`open` (default): still taking applications; `closed`: deadline passed; `all`: both.",
            example = "open",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"open", "closed", "all"},
                            defaultValue = "open"))
    String status;

    @QueryParam("deadlineFrom")
    @Parameter(
            description = "Only deadlines on or after this date (Copenhagen).",
            example = "2025-05-01",
            schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
    String deadlineFrom;

    @QueryParam("deadlineTo")
    @Parameter(
            description = "Only deadlines on or before this date (Copenhagen).",
            example = "2025-05-31",
            schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
    String deadlineTo;

    @QueryParam("sort")
    @Parameter(
            description = "Order: `deadline` (soonest first), `-deadline`, `-publishedAt` (newest first) or `title`.",
            example = "-publishedAt",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"deadline", "-deadline", "-publishedAt", "title"}))
    String sort;
}
