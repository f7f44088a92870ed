package dk.kommunejob.suggestion;

import dk.kommunejob.cache.HttpCached;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suggestions")
public class SuggestionResource {

    static final int MAX_LENGTH = 100;

    @Inject
    Suggestions suggestions;

    @GET
    @HttpCached
    @Operation(
            operationId = "suggest",
            summary = "Suggestions as you type",
            description = "At most " + Suggestions.MAX + " titles and unit names for a search box, to call on every "
                    + "keystroke, understanding what the list's `q` understands: every typed word (or a synonym of "
                    + "it) is the beginning of one of their words, or from 4 letters a part of one (`lærer` finds "
                    + "\"Musikskolelærer\"), with or without the Danish letters (`paed` finds \"Pædagog\", `boern` "
                    + "finds \"Børn\"). Titles of open positions come first, then units, then titles of closed "
                    + "positions, each alphabetically; then, if there is room, those a typed word of 5 letters or "
                    + "more finds one letter off (two from 9): `sygeplejesk` finds \"Sygeplejerske\".")
    @APIResponse(
            responseCode = "200",
            description = "The suggestions, best first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = Suggestion.class,
                                            maxItems = Suggestions.MAX)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<Suggestion> suggest(
            @Parameter(
                            description = "What has been typed so far.",
                            required = true,
                            example = "paed",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = MAX_LENGTH))
                    @QueryParam("q")
                    String q) {
        String typed = QueryParams.text("q", q, MAX_LENGTH);
        if (typed == null) {
            throw Problems.badParameter("q", Messages.text("problem.suggestion.q"));
        }
        return suggestions.suggest(typed);
    }
}
