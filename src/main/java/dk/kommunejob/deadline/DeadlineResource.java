package dk.kommunejob.deadline;

import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Page;
import dk.kommunejob.common.Paging;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.position.PositionCriteria;
import dk.kommunejob.position.PositionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines")
public class DeadlineResource {

    @Inject
    PositionService positions;

    @Inject
    Clock clock;

    @GET
    @HttpCached
    @Operation(
            operationId = "listDeadlines",
            summary = "Upcoming application deadlines",
            description = "The deadlines of open positions, soonest first, with the days left to apply.")
    @APIResponse(responseCode = "200", description = "One page of deadlines.")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<DeadlineView> list(
            @Parameter(
                            description = "Only deadlines on or after this date (Copenhagen).",
                            example = "2025-05-01",
                            schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Only deadlines on or before this date (Copenhagen).",
                            example = "2025-05-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
                    @QueryParam("to")
                    String to,
            @BeanParam Paging paging) {
        PositionCriteria criteria = PositionCriteria.openByDeadline(
                QueryParams.date("from", from), QueryParams.date("to", to), paging.page(), paging.size());
        LocalDate today = Copenhagen.today(clock);
        return positions
                .search(criteria)
                .map(p -> new DeadlineView(
                        p.id(),
                        p.slug(),
                        p.title(),
                        p.unit(),
                        p.applicationDeadline(),
                        ChronoUnit.DAYS.between(today, p.applicationDeadline().toLocalDate())));
    }
}
