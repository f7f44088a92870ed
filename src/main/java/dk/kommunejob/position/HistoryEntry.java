package dk.kommunejob.position;

import dk.kommunejob.common.Ref;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HistoryEntry", description = "One write to a position.")
public record HistoryEntry(
        @Schema(description = "When.", example = "2025-04-28T09:00:00+02:00") OffsetDateTime at,
        @Schema(description = "The client that wrote it.") Ref client,
        @Schema(
                        description = "What kind of write.",
                        enumeration = {"created", "updated", "published", "closed", "withdrawn", "reopened"},
                        example = "updated")
                String action,
        @Schema(
                        type = SchemaType.OBJECT,
                        maxProperties = 20,
                        description = "For updates, each changed field with its value before and after.",
                        example = "{\"title\": {\"from\": \"Lærer\", \"to\": \"Lærer i dansk\"}}")
                Map<String, Object> changes) {}
