package dk.kommunejob.position;

import dk.kommunejob.agency.AgencyService;
import dk.kommunejob.cache.Freshness;
import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.common.Page;
import dk.kommunejob.common.Paging;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.facet.Facet;
import dk.kommunejob.facet.FacetCounts;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.OrganisationService;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.schemaorg.JobPosting;
import dk.kommunejob.schemaorg.JobPostings;
import dk.kommunejob.search.QueryUnderstanding;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@Path("/api/v1/positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Positions")
public class PositionResource {

    static final int MAX_QUERY_LENGTH = 200;

    @Inject
    PositionService positions;

    @Inject
    FacetCounts facetCounts;

    @Inject
    OrganisationService organisation;

    @Inject
    AgencyService agencies;

    @Inject
    JobPostings jobPostings;

    @Inject
    QueryUnderstanding understanding;

    @GET
    @HttpCached
    @Operation(
            operationId = "listPositions",
            summary = "List and search positions",
            description = "Published positions, open ones unless `status` says otherwise. With `q`, a search that "
                    + "understands Danish (compound words, æ/ø/å written out, typos, synonyms: see the parameter), "
                    + "ranked by relevance unless `sort` is given, each item with its `match` marks and the page with "
                    + "`didYouMean` when a close spelling finds what the query does not; otherwise sorted by deadline, "
                    + "soonest first.")
    @APIResponse(responseCode = "200", description = "One page of positions.")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PositionPage list(@BeanParam PositionFilter filter, @BeanParam Paging paging) {
        PositionCriteria criteria = new PositionCriteria(
                QueryParams.text("q", filter.q, MAX_QUERY_LENGTH),
                PositionScope.existing("unit", QueryParams.id("unit", filter.unit), organisation::unitExists),
                PositionScope.existing(
                        "employer", QueryParams.id("employer", filter.employer), organisation::employerExists),
                PositionScope.existing("agency", QueryParams.id("agency", filter.agency), agencies::exists),
                QueryParams.oneOf("hours", filter.hours, Hours.class, null),
                filter.pay(),
                QueryParams.oneOf("status", filter.status, StatusFilter.class, StatusFilter.open),
                QueryParams.date("deadlineFrom", filter.deadlineFrom),
                QueryParams.date("deadlineTo", filter.deadlineTo),
                QueryParams.oneOf("sort", filter.sort, PositionSort.class, null),
                paging.page(),
                paging.size());
        List<Facet.Name> facets = QueryParams.list("facets", filter.facets, Facet.Name.class);
        Page<PositionSummary> page = positions.search(criteria);
        return new PositionPage(
                page.items(),
                page.page(),
                page.size(),
                page.total(),
                facets.isEmpty() ? null : facetCounts.count(criteria, facets),
                criteria.q() == null
                        ? null
                        : understanding.understand(criteria.q()).didYouMean());
    }

    @GET
    @HttpCached
    @Path("/{id}")
    @Operation(
            operationId = "getPosition",
            summary = "Get a position",
            description =
                    "The whole posting: terms, text sections, hiring committee, links, contacts and process stages. "
                            + "Drafts and withdrawn positions are not found.\n\n"
                            + "With `Accept: application/ld+json`, the posting as one schema.org `JobPosting` for the "
                            + "posting page's search-engine markup (a `script` element of type `application/ld+json`), following "
                            + "Google's job-posting rules: `baseSalary` only when the posting states an amount and a period, "
                            + "and a closed posting keeps its past `validThrough`.")
    @APIResponse(responseCode = "200", description = "The position (JSON), or as a schema.org JobPosting (JSON-LD).")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public RestResponse<PositionDetail> get(
            @Parameter(
                            description = "The position's id or slug.",
                            example = "afdelingschef-for-dagtilbud-og-skole",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                    @PathParam("id")
                    String idOrSlug) {
        PositionDetail position = positions.findPublic(idOrSlug).orElseThrow(() -> notFound(idOrSlug));
        return ok(position, position);
    }

    @GET
    @HttpCached
    @Path("/{id}")
    @Produces(JobPostings.MEDIA_TYPE)
    // Documented with getPosition: one operation, two media types.
    @APIResponse(
            responseCode = "200",
            description = "The position (JSON), or as a schema.org JobPosting (JSON-LD).",
            content = @Content(mediaType = JobPostings.MEDIA_TYPE, schema = @Schema(implementation = JobPosting.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<JobPosting> jobPosting(@PathParam("id") String idOrSlug) {
        PositionDetail position = positions.findPublic(idOrSlug).orElseThrow(() -> notFound(idOrSlug));
        JobPosting posting = jobPostings.of(
                position, organisation.employer(position.employer().id()).orElseThrow());
        return ok(position, posting);
    }

    /** An answer about a posting: only a reopening changes a closed one, so it may be reused for longer. */
    public static <T> RestResponse<T> ok(PositionDetail position, T answer) {
        return position.status() == PublicStatus.closed
                ? ResponseBuilder.ok(answer)
                        .header(HttpHeaders.CACHE_CONTROL, Freshness.SETTLED.header())
                        .build()
                : RestResponse.ok(answer);
    }

    public static RuntimeException notFound(String idOrSlug) {
        return Problems.notFound(Messages.text("problem.not-found.position", idOrSlug));
    }
}
