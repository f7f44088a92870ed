package dk.kommunejob.ratelimit;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;

/**
 * Every read can be a 429 ({@link ReadLimits}); the RateLimit and RateLimit-Policy headers on the successful answers
 * of every rate-limited operation.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RateLimitDocs implements OASFilter {

    @Override
    public PathItem filterPathItem(PathItem item) {
        item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                return;
            }
            if ((method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD)
                    && !operation.getResponses().hasAPIResponse("429")) {
                operation
                        .getResponses()
                        .addAPIResponse("429", OASFactory.createAPIResponse().ref("TooManyRequests"));
            }
            headers(operation);
        });
        return item;
    }

    private static void headers(Operation operation) {
        if (!operation.getResponses().hasAPIResponse("429")) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader("RateLimit", header("RateLimit"));
                response.addHeader("RateLimit-Policy", header("RateLimitPolicy"));
            }
        });
    }

    private static Header header(String component) {
        return OASFactory.createObject(Header.class).ref("#/components/headers/" + component);
    }
}
