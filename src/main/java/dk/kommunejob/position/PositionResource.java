package dk.kommunejob.position;

import dk.kommunejob.agency.AgencyService;
import dk.kommunejob.common.Page;
import dk.kommunejob.common.Problems;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.organisation.OrganisationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.function.LongPredicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Positions")
public class PositionResource {

    @Inject
    PositionService positions;

    @Inject
    OrganisationService organisation;

    @Inject
    AgencyService agencies;

    @GET
    @Operation(
            summary = "List and search positions",
            description = "Published positions, open ones unless `status` says otherwise. With `q`, a Danish full-text "
                    + "search over title and text (\"skoler\" finds \"Skole\"), ranked by relevance unless `sort` is given; "
                    + "otherwise sorted by deadline, soonest first.")
    @APIResponse(responseCode = "200", description = "One page of positions.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<PositionSummary> list(
            @Parameter(
                            description =
                                    "Search words, Danish word forms included; quotes and `-word` work as on the web.",
                            example = "skoleleder")
                    @QueryParam("q")
                    String q,
            @Parameter(
                            description = "Unit id: positions of this unit and every unit under it.",
                            example = "12",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @QueryParam("unit")
                    String unit,
            @Parameter(
                            description = "Employer id.",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @QueryParam("employer")
                    String employer,
            @Parameter(
                            description = "Recruitment agency id.",
                            example = "2",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @QueryParam("agency")
                    String agency,
            @Parameter(
                            description =
                                    "`open` (default): still taking applications; `closed`: deadline passed; `all`: both.",
                            example = "open",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"open", "closed", "all"},
                                            defaultValue = "open"))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "Only deadlines on or after this date (Copenhagen).",
                            example = "2025-05-01",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("deadlineFrom")
                    String deadlineFrom,
            @Parameter(
                            description = "Only deadlines on or before this date (Copenhagen).",
                            example = "2025-05-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("deadlineTo")
                    String deadlineTo,
            @Parameter(
                            description =
                                    "Order: `deadline` (soonest first), `-deadline`, `-publishedAt` (newest first) or `title`.",
                            example = "-publishedAt",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"deadline", "-deadline", "-publishedAt", "title"}))
                    @QueryParam("sort")
                    String sort,
            @Parameter(
                            description = "Page number, from 1.",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            description = "Page size, at most 100.",
                            example = "20",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("size")
                    String size) {
        PositionCriteria criteria = new PositionCriteria(
                QueryParams.text(q),
                existing("unit", QueryParams.id("unit", unit), organisation::unitExists),
                existing("employer", QueryParams.id("employer", employer), organisation::employerExists),
                existing("agency", QueryParams.id("agency", agency), agencies::exists),
                QueryParams.oneOf("status", status, StatusFilter.class, StatusFilter.open),
                QueryParams.date("deadlineFrom", deadlineFrom),
                QueryParams.date("deadlineTo", deadlineTo),
                QueryParams.oneOf("sort", sort, PositionSort.class, null),
                QueryParams.page(page),
                QueryParams.size(size));
        return positions.search(criteria);
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(
            summary = "Get a position",
            description =
                    "The whole posting: terms, text sections, hiring committee, links, contacts and process stages. "
                            + "Drafts and withdrawn positions are not found.")
    @APIResponse(responseCode = "200", description = "The position.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PositionDetail get(
            @Parameter(description = "The position's id or slug.", example = "afdelingschef-for-dagtilbud-og-skole")
                    @PathParam("idOrSlug")
                    String idOrSlug) {
        return positions.findPublic(idOrSlug).orElseThrow(() -> notFound(idOrSlug));
    }

    public static RuntimeException notFound(String idOrSlug) {
        return Problems.notFound("No published position with id or slug '%s'.".formatted(idOrSlug));
    }

    /** A filter on something that does not exist is a mistake worth a 400, not an empty page. */
    private static Long existing(String parameter, Long id, LongPredicate exists) {
        if (id != null && !exists.test(id)) {
            throw Problems.badParameter(
                    parameter, "Query parameter '%s': no %s with id %d.".formatted(parameter, parameter, id));
        }
        return id;
    }
}
