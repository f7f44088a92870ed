package dk.kommunejob.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of every error body, for the OpenAPI document; the problem extension writes them. */
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (`application/problem+json`).")
public record Problem(
        @Schema(
                        description =
                                "A URI identifying the kind of problem; `about:blank` when the status says it all.",
                        example = "about:blank")
                String type,
        @Schema(description = "Short summary of the kind of problem.", example = "Invalid parameter") String title,
        @Schema(description = "The HTTP status code.", example = "400") int status,
        @Schema(
                        description = "What went wrong in this request, naming the parameter or field.",
                        example = "Query parameter 'size' must be from 1 to 100, got 500.")
                String detail,
        @Schema(description = "The request path that had the problem.", example = "/api/v1/positions") String instance,
        @Schema(description = "The query or path parameter that was wrong, when one was.", example = "size")
                String parameter) {}
