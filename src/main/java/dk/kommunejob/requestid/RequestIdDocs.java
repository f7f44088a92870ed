package dk.kommunejob.requestid;

import dk.kommunejob.common.OpenApiAnswers;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * `X-Request-Id` on every operation: an optional request header, and a header of every answer (the
 * shared answers in components included). Runs after the other filters (lowest priority), so the
 * answers they add have it too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE)
public class RequestIdDocs implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .forEach(operation -> operation.addParameter(
                        OASFactory.createObject(Parameter.class).ref("#/components/parameters/RequestId")));
        OpenApiAnswers.every(openAPI)
                .forEach(response -> response.addHeader(
                        RequestIds.HEADER,
                        OASFactory.createObject(Header.class).ref("#/components/headers/RequestId")));
    }
}
