package dk.kommunejob.position;

import dk.kommunejob.language.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published posting is open until its deadline passes, then closed, with nobody acting. */
@Schema(description = "`open` while the posting takes applications, `closed` once its deadline has passed.")
public enum PublicStatus {
    open,
    closed;

    public String label() {
        return Messages.text("status." + name());
    }
}
