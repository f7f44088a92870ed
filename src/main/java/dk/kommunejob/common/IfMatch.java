package dk.kommunejob.common;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The If-Match header every change after creation carries (positions, employers, units, agencies, engagements), as a {@code @BeanParam}. */
public class IfMatch {

    @HeaderParam("If-Match")
    @Parameter(
            in = ParameterIn.HEADER,
            description =
                    "The ETag of the version this change builds on (from the last answer, or a GET of the resource).",
            example = "\"3\"",
            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
    public String value;
}
