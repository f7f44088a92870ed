package dk.kommunejob.common;

import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A value with the version its ETag carries, as services hand it to resources: every answer that shows a resource
 * which changes after creation sends its version, so the next change can name it in If-Match ({@link Versions}).
 */
public record Versioned<T>(T value, long version) {

    public String etag() {
        return Versions.etag(version);
    }

    public RestResponse<T> ok() {
        return RestResponse.ResponseBuilder.ok(value)
                .header(HttpHeaders.ETAG, etag())
                .build();
    }

    /**
     * The same type as {@link #ok()}, so a sync that creates or replaces answers with either; the POSTs behind
     * Idempotency take it as {@code toResponse()}.
     */
    public RestResponse<T> created(URI location) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, value)
                .location(location)
                .header(HttpHeaders.ETAG, etag())
                .build();
    }
}
