package dk.kommunejob.client;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;

/** The RateLimit and RateLimit-Policy headers on the successful answers of every rate-limited operation. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RateLimitDocs implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || !operation.getResponses().hasAPIResponse("429")) {
            return operation;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader("RateLimit", header("RateLimit"));
                response.addHeader("RateLimit-Policy", header("RateLimitPolicy"));
            }
        });
        return operation;
    }

    private static Header header(String component) {
        return OASFactory.createObject(Header.class).ref("#/components/headers/" + component);
    }
}
