package dk.kommunejob.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What happened to the position.")
public enum ChangeKind {
    created,
    updated,
    published,
    closed,
    withdrawn,
    deadline_extended,
    stage_moved,
    deleted
}
