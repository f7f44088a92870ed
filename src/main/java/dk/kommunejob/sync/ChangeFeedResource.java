package dk.kommunejob.sync;

import dk.kommunejob.client.Caller;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.ratelimit.RateLimited;
import dk.kommunejob.sync.ChangeFeed.Cursor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("feed")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@Tag(name = "Changes")
public class ChangeFeedResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    ChangeFeed feed;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(
            operationId = "listChanges",
            summary = "Read the change feed",
            description = "Events in a stable order, read on from a cursor: poll with the last `next` and you get "
                    + "every event once, even while many clients write. Anonymous callers see public changes (with "
                    + "tombstones for postings that left public view); an editor also its employer's unpublished changes; "
                    + "an agency its own, for the employers that engage it; an admin all.")
    @APIResponse(responseCode = "200", description = "The events after the cursor.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public ChangeView.Page read(
            @Parameter(
                            description = "The cursor to read on from; from the beginning when absent.",
                            example = "7421.318",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = "^[0-9]{1,19}\\.[0-9]{1,19}$",
                                            maxLength = 39))
                    @QueryParam("after")
                    String after,
            @Parameter(
                            description = "How many events at most, up to 1000.",
                            example = "100",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit) {
        Cursor cursor = Cursor.START;
        if (after != null && !after.isBlank()) {
            cursor = Cursor.parse(after.strip());
            if (cursor == null) {
                throw Problems.badParameter("after", Messages.text("problem.parameter.cursor"));
            }
        }
        return feed.read(
                identity.isAnonymous() ? null : Caller.of(identity),
                cursor,
                QueryParams.integer("limit", limit, 100, 1, MAX_LIMIT));
    }
}
