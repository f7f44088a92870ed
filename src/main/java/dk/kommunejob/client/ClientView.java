package dk.kommunejob.client;

import dk.kommunejob.common.Copenhagen;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Client", description = "An API client. Its key is never shown again after creation.")
public record ClientView(
        @Schema(description = "Client id.", example = "7") long id,
        @Schema(description = "Name.", example = "MUUSMANN portal") String name,
        @Schema(description = "What the client may do.", example = "agency") ClientRole role,
        @Schema(description = "The employer it edits, for `editor` clients.", example = "1") Long employerId,
        @Schema(description = "The agency it acts for, for `agency` clients.", example = "2") Long agencyId,
        @Schema(description = "When it was created.", example = "2025-04-28T09:00:00+02:00") OffsetDateTime createdAt,
        @Schema(description = "When its key was revoked; absent while it works.", example = "2025-09-01T12:00:00+02:00")
                OffsetDateTime revokedAt) {

    static ClientView of(ApiClient client) {
        return new ClientView(
                client.id,
                client.name,
                client.role,
                client.employerId,
                client.agency == null ? null : client.agency.id,
                Copenhagen.local(client.createdAt),
                client.revokedAt == null ? null : Copenhagen.local(client.revokedAt));
    }
}
