package dk.kommunejob.common;

import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** For the OpenAPI filters that add a header to every answer: each answer defined once. */
public final class OpenApiAnswers {

    private OpenApiAnswers() {}

    /** The shared answers in components, and every operation's own (a reference is to a shared one). */
    public static Stream<APIResponse> every(OpenAPI openAPI) {
        Stream<APIResponse> shared = openAPI.getComponents().getResponses().values().stream();
        Stream<APIResponse> own = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .filter(response -> response.getRef() == null);
        return Stream.concat(shared, own);
    }
}
