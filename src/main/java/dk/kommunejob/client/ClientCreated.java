package dk.kommunejob.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreatedClient", description = "A new client with its key. Store the key now: it is not shown again.")
public record ClientCreated(
        @Schema(description = "The client.") ClientView client,
        @Schema(
                        description = "The API key, sent as `Authorization: Bearer <key>`.",
                        example = "jpk_Q2hhbmdlIG1lIG5vdyBwbGVhc2UgdGhpcyBpcyBhbiBleGFtcGxl")
                String key) {}
