package dk.kommunejob.cors;

import dk.kommunejob.common.OpenApiAnswers;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;

/** `Access-Control-Allow-Origin` on every answer, the shared answers in components included. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE + 1)
public class CorsDocs implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        OpenApiAnswers.every(openAPI)
                .forEach(response -> response.addHeader(
                        "Access-Control-Allow-Origin",
                        OASFactory.createObject(Header.class).ref("#/components/headers/AccessControlAllowOrigin")));
    }
}
