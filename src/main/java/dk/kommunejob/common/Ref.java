package dk.kommunejob.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A reference to another resource by id, with its name for display.")
public record Ref(
        @Schema(description = "The resource's id.", example = "101") long id,
        @Schema(description = "Its name.", example = "Dagtilbud & Skole") String name) {}
