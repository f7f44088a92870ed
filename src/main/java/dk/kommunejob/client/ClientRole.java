package dk.kommunejob.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "`admin`: the operator, manages employers, agencies and every client; `editor`: one employer's "
                + "postings, units, profile, settings, engagements and editors; `agency`: its own agency's postings, "
                + "for the employers that engage it.")
public enum ClientRole {
    admin,
    editor,
    agency
}
