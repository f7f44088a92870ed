package dk.kommunejob.feed;

import dk.kommunejob.agency.AgencyService;
import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.organisation.OrganisationService;
import dk.kommunejob.position.PositionScope;
import dk.kommunejob.position.PositionSort;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/feeds")
@Tag(name = "Feeds")
public class FeedResource {

    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";

    @Inject
    Feeds feeds;

    @Inject
    OrganisationService organisation;

    @Inject
    AgencyService agencies;

    @GET
    @HttpCached
    @Path("/positions.rss")
    @Produces(RSS + ";charset=UTF-8")
    @Operation(
            operationId = "positionsRss",
            summary = "Open positions as an RSS 2.0 feed",
            description =
                    "The newest open positions (at most " + Feeds.SIZE + "), newest first, for feed readers: each "
                            + "item has the title, a link to the posting, its unit (as category) and a short description "
                            + "that starts with the deadline. Takes the list's search and filters.")
    @APIResponse(
            responseCode = "200",
            description = "An RSS 2.0 document.",
            content =
                    @Content(
                            mediaType = RSS,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "feed", value = Feeds.RSS_EXAMPLE)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public String rss(@BeanParam PositionScope scope, @Context UriInfo uri) {
        return feeds.write(
                Feeds.Format.RSS,
                scope.open(organisation, agencies, PositionSort.PUBLISHED_DESC, Feeds.SIZE),
                uri.getRequestUri().getRawQuery());
    }

    @GET
    @HttpCached
    @Path("/positions.atom")
    @Produces(ATOM + ";charset=UTF-8")
    @Operation(
            operationId = "positionsAtom",
            summary = "Open positions as an Atom feed",
            description = "The same entries as the RSS feed, as Atom (RFC 4287): each entry's `updated` is when the "
                    + "posting last changed, so a reader shows a moved deadline again.")
    @APIResponse(
            responseCode = "200",
            description = "An Atom document.",
            content =
                    @Content(
                            mediaType = ATOM,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "feed", value = Feeds.ATOM_EXAMPLE)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public String atom(@BeanParam PositionScope scope, @Context UriInfo uri) {
        return feeds.write(
                Feeds.Format.ATOM,
                scope.open(organisation, agencies, PositionSort.PUBLISHED_DESC, Feeds.SIZE),
                uri.getRequestUri().getRawQuery());
    }
}
