package dk.kommunejob.language;

import dk.kommunejob.common.OpenApiAnswers;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * `lang` and `Accept-Language` on every operation, `Content-Language` on every answer (the shared
 * answers in components included), and the 400 an unknown `lang` gets. Runs late, after the other
 * filters have added their answers.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE + 1)
public class LanguageDocs implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .forEach(operation -> {
                    operation.addParameter(parameter("Lang"));
                    operation.addParameter(parameter("AcceptLanguage"));
                    APIResponses responses = operation.getResponses();
                    if (!responses.hasAPIResponse("400")) {
                        responses.addAPIResponse(
                                "400", OASFactory.createAPIResponse().ref("BadRequest"));
                    }
                });
        OpenApiAnswers.every(openAPI)
                .forEach(response -> response.addHeader(
                        "Content-Language",
                        OASFactory.createObject(Header.class).ref("#/components/headers/ContentLanguage")));
    }

    private static Parameter parameter(String component) {
        return OASFactory.createObject(Parameter.class).ref("#/components/parameters/" + component);
    }
}
