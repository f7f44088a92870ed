package dk.kommunejob.position;

import dk.kommunejob.agency.AgencyService;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.OrganisationService;
import dk.kommunejob.problem.Problems;
import jakarta.ws.rs.QueryParam;
import java.util.function.LongPredicate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Which open positions a feed or a calendar subscription covers: the list's search and its unit,
 * employer and agency filters, as a {@code @BeanParam}.
 */
public class PositionScope {

    @QueryParam("q")
    @Parameter(
            description = "Search words, Danish word forms included; quotes and `-word` work as on the web.",
            example = "skoleleder",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    String q;

    @QueryParam("unit")
    @Parameter(
            description = "Unit id: positions of this unit and every unit under it.",
            example = "12",
            schema = @Schema(ref = "Id"))
    String unit;

    @QueryParam("employer")
    @Parameter(description = "Employer id.", example = "1", schema = @Schema(ref = "Id"))
    String employer;

    @QueryParam("agency")
    @Parameter(description = "Recruitment agency id.", example = "2", schema = @Schema(ref = "Id"))
    String agency;

    /** Open positions in this scope, in the order given, at most {@code size} of them. */
    public PositionCriteria open(
            OrganisationService organisation, AgencyService agencies, PositionSort sort, int size) {
        return new PositionCriteria(
                QueryParams.text("q", q, PositionResource.MAX_QUERY_LENGTH),
                existing("unit", QueryParams.id("unit", unit), organisation::unitExists),
                existing("employer", QueryParams.id("employer", employer), organisation::employerExists),
                existing("agency", QueryParams.id("agency", agency), agencies::exists),
                null,
                StatusFilter.open,
                null,
                null,
                sort,
                1,
                size);
    }

    /** A filter on something that does not exist is a mistake worth a 400, not an empty page. */
    static Long existing(String parameter, Long id, LongPredicate exists) {
        if (id != null && !exists.test(id)) {
            throw Problems.badParameter(
                    parameter,
                    Messages.text("problem.parameter.no-such", parameter, Messages.text("thing." + parameter), id));
        }
        return id;
    }
}
