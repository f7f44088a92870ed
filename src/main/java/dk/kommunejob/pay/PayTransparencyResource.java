package dk.kommunejob.pay;

import dk.kommunejob.client.Caller;
import dk.kommunejob.common.Copenhagen;
import dk.kommunejob.common.Ref;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.ratelimit.RateLimited;
import dk.kommunejob.tenancy.Access;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An employer's editors see which of its open postings state their pay before the rule becomes `required`. */
@Path("/api/v1/employers/{id}/pay-transparency")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employers")
public class PayTransparencyResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Access access;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({"admin", "editor", "agency"})
    @RateLimited("writes")
    @SecurityRequirement(name = "apiKey")
    @Operation(
            operationId = "getPayTransparency",
            summary = "How an employer's open postings state their pay",
            description = "Its rule, how many open postings state their starting pay or range, and which do not. "
                    + "The employer's editors and an admin.")
    @APIResponse(
            responseCode = "200",
            description = "The open postings by whether they state their pay.",
            content = @Content(schema = @Schema(implementation = PayTransparencyReport.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public PayTransparencyReport report(
            @Parameter(description = "Employer id.", example = "1", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        List<?> rule = em.createNativeQuery("SELECT pay_transparency FROM employer WHERE id = :id")
                .setParameter("id", id)
                .getResultList();
        if (rule.isEmpty()) {
            throw Problems.notFound(Messages.text("problem.not-found.employer", id));
        }
        access.employer(Caller.of(identity), id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        SELECT p.id, p.title, u.id AS unit_id, u.name AS unit_name, p.application_deadline, p.pay_stated
                        FROM position p LEFT JOIN org_unit u ON u.id = p.unit_id
                        WHERE p.employer_id = :id AND p.status = 'published' AND p.closed_at IS NULL
                          AND p.application_deadline >= :now
                        ORDER BY p.application_deadline, p.id""")
                .setParameter("id", id)
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultList();
        List<PayTransparencyReport.Unstated> unstated = rows.stream()
                .filter(row -> !(Boolean) row[5])
                .map(row -> new PayTransparencyReport.Unstated(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        row[2] == null ? null : new Ref(((Number) row[2]).longValue(), (String) row[3]),
                        Copenhagen.local(toOffset(row[4]))))
                .toList();
        return new PayTransparencyReport(
                PayTransparency.valueOf((String) rule.get(0)), rows.size(), rows.size() - unstated.size(), unstated);
    }

    private static OffsetDateTime toOffset(Object value) {
        return value instanceof java.time.Instant instant
                ? instant.atOffset(java.time.ZoneOffset.UTC)
                : (OffsetDateTime) value;
    }
}
