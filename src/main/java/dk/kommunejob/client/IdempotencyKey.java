package dk.kommunejob.client;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The Idempotency-Key header of every POST that writes, as a {@code @BeanParam}. */
public class IdempotencyKey {

    @HeaderParam(Idempotency.HEADER)
    @Parameter(
            in = ParameterIn.HEADER,
            description = "Makes a retried request safe: the same key with the same request replays the first answer "
                    + "(kept a day); with another request it is a 422.",
            example = "4f1c2a8e-6b1d-4a53-9f3e-2d7c9a1b0e55",
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
    String value;

    public String value() {
        return value;
    }
}
