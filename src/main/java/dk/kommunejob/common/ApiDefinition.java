package dk.kommunejob.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The error responses are declared once here and referenced by every operation that can give them. */
@OpenAPIDefinition(
        info = @Info(title = "Job postings API", version = "1.0.0"),
        tags = {
            @Tag(
                    name = "Positions",
                    description = "Published job postings with their contacts and recruitment stages."),
            @Tag(name = "Deadlines", description = "Application deadlines of open positions."),
            @Tag(name = "Units", description = "Employers' organisation hierarchies."),
            @Tag(name = "Employers", description = "The employers that publish postings, and their values."),
            @Tag(name = "Agencies", description = "Recruitment agencies that run searches for employers.")
        },
        components =
                @Components(
                        responses = {
                            @APIResponse(
                                    name = "BadRequest",
                                    responseCode = "400",
                                    description =
                                            "A parameter is malformed or out of range; `detail` and `parameter` name it.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "size",
                                                                    value =
                                                                            """
                                        {"type": "about:blank", "title": "Invalid parameter", "status": 400,
                                         "detail": "Query parameter 'size' must be from 1 to 100, got 500.",
                                         "instance": "/api/v1/positions", "parameter": "size"}"""))),
                            @APIResponse(
                                    name = "NotFound",
                                    responseCode = "404",
                                    description = "Nothing public has that id or slug.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "position",
                                                                    value =
                                                                            """
                                        {"type": "about:blank", "title": "Not Found", "status": 404,
                                         "detail": "No published position with id or slug 'no-such-position'.",
                                         "instance": "/api/v1/positions/no-such-position"}""")))
                        }))
public class ApiDefinition extends Application {}
