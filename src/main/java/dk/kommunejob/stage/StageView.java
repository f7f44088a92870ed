package dk.kommunejob.stage;

import com.fasterxml.jackson.annotation.JsonFormat;
import dk.kommunejob.common.Copenhagen;
import java.time.LocalDate;
import java.time.LocalTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Stage", description = "A step of the recruitment process, in the order the posting plans them.")
public record StageView(
        @Schema(description = "Stage id.", example = "301") long id,
        @Schema(description = "What kind of step it is.", example = "second_interview") StageKind kind,
        @Schema(description = "The kind in the answer's language.", example = "Anden samtale") String kindLabel,
        @Schema(description = "The step as the posting names it.", example = "2. samtaler") String label,
        @Schema(description = "Its date (Copenhagen), when fixed.", example = "2025-06-16") LocalDate date,
        @JsonFormat(pattern = "HH:mm")
                @Schema(
                        type = SchemaType.STRING,
                        implementation = String.class,
                        pattern = Copenhagen.TIME_PATTERN,
                        description = "Start time, Copenhagen wall-clock time (HH:mm), when given.",
                        example = "09:00")
                LocalTime startTime,
        @JsonFormat(pattern = "HH:mm")
                @Schema(
                        type = SchemaType.STRING,
                        implementation = String.class,
                        pattern = Copenhagen.TIME_PATTERN,
                        description = "End time, Copenhagen wall-clock time (HH:mm), when given.",
                        example = "14:00")
                LocalTime endTime,
        @Schema(description = "Where it takes place.", example = "Albertslund") String location,
        @Schema(description = "What candidates should know.", example = "Der skal afsættes 3-4 timer til testforløbet.")
                String note) {

    public StageView(
            long id,
            StageKind kind,
            String label,
            LocalDate date,
            LocalTime startTime,
            LocalTime endTime,
            String location,
            String note) {
        this(id, kind, kind.label(), label, date, startTime, endTime, location, note);
    }

    public static StageView of(Stage stage) {
        return new StageView(
                stage.id,
                stage.kind,
                stage.label,
                stage.date,
                stage.startTime,
                stage.endTime,
                stage.location,
                stage.note);
    }
}
