package dk.kommunejob.cache;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Describes HTTP caching once for every operation that declares a 304 ({@link HttpCached}
 * operations): the If-None-Match parameter, and the ETag, Cache-Control and Vary headers of its 200, with Age and
 * Cache-Status for an answer served stale while the database is out of reach.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class HttpCachingDocs implements OASFilter {

    /** Header name and component, in the order the document lists them. */
    private static final List<List<String>> HEADERS = List.of(
            List.of("ETag", "ETag"),
            List.of("Cache-Control", "CacheControl"),
            List.of("Vary", "Vary"),
            List.of("Age", "Age"),
            List.of("Cache-Status", "CacheStatus"));

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || !operation.getResponses().hasAPIResponse("304")) {
            return operation;
        }
        operation.addParameter(OASFactory.createParameter()
                .name("If-None-Match")
                .in(Parameter.In.HEADER)
                .description("The ETag of the answer the client holds; while it is current, the reply is 304.")
                .example("\"3q2-7wEhQmG8pZ0b9a1Vbw\"")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .maxLength(1000)));
        var ok = operation.getResponses().getAPIResponse("200");
        for (List<String> header : HEADERS) {
            ok.addHeader(
                    header.get(0), OASFactory.createObject(Header.class).ref("#/components/headers/" + header.get(1)));
        }
        return operation;
    }
}
