package dk.kommunejob.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "`editor`: may change every posting and manage clients; `agency`: only its own agency's postings.")
public enum ClientRole {
    editor,
    agency
}
