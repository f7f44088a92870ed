package dk.kommunejob.stage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What kind of step of the recruitment process a stage is.")
public enum StageKind {
    first_interview,
    test,
    second_interview,
    references,
    meeting,
    other
}
