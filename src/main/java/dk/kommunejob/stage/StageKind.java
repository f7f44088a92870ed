package dk.kommunejob.stage;

import dk.kommunejob.language.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What kind of step of the recruitment process a stage is.")
public enum StageKind {
    first_interview,
    test,
    second_interview,
    references,
    meeting,
    other;

    public String label() {
        return Messages.text("stage-kind." + name());
    }
}
