package dk.kommunejob.position;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The If-Match header every change to a position carries, as a {@code @BeanParam}. */
public class IfMatch {

    @HeaderParam("If-Match")
    @Parameter(
            in = ParameterIn.HEADER,
            description = "The ETag of the version this change builds on (from the last answer or GET .../editable).",
            example = "\"3\"",
            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
    String value;
}
