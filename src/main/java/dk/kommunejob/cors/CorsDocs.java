package dk.kommunejob.cors;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** `Access-Control-Allow-Origin` on every answer, the shared answers in components included. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE + 1)
public class CorsDocs implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Stream<APIResponse> shared = openAPI.getComponents().getResponses().values().stream();
        Stream<APIResponse> own = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .filter(response -> response.getRef() == null);
        Stream.concat(shared, own)
                .forEach(response -> response.addHeader(
                        "Access-Control-Allow-Origin",
                        OASFactory.createObject(Header.class).ref("#/components/headers/AccessControlAllowOrigin")));
    }
}
