package dk.kommunejob.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, once, what every operation can answer beyond its own responses: 401 (any request may
 * carry a key, and an unknown one is refused everywhere), 413 where it reads a body, 414, 500 and
 * 503. Lists the problem types in
 * the Problem schema from {@link ProblemType}, so the document cannot miss one.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemDocs implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        add(responses, "401", "Unauthorized");
        if (operation.getRequestBody() != null) {
            add(responses, "413", "ContentTooLarge");
        }
        add(responses, "414", "UriTooLong");
        add(responses, "500", "ServerError");
        add(responses, "503", "ServiceUnavailable");
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Schema type =
                api.getComponents().getSchemas().get("Problem").getProperties().get("type");
        type.description(type.getDescription()
                + "\n\n"
                + Arrays.stream(ProblemType.values())
                        .map(t -> "- `%s` (%d): %s".formatted(t.uri, t.status, t.meaning))
                        .collect(Collectors.joining("\n")));
    }

    private static void add(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }
}
