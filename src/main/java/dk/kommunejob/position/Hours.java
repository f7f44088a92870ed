package dk.kommunejob.position;

import dk.kommunejob.language.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Full or part time, as PostgreSQL derives it from the posting's working hours (migration V7; README,
 * "Working hours"). A posting whose text says neither has none.
 */
@Schema(description = "`full_time` or `part_time`, derived from the working-hours text (README, \"Working hours\").")
public enum Hours {
    full_time,
    part_time;

    public String label() {
        return Messages.text("hours." + name());
    }

    static Hours of(String column) {
        return column == null ? null : valueOf(column);
    }
}
