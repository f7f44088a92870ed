package dk.kommunejob.pay;

import dk.kommunejob.common.Ref;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An employer's open postings, by whether they state their starting pay. */
@Schema(description = "How an employer's open postings stand with pay transparency.")
public record PayTransparencyReport(
        @Schema(description = "The employer's rule.", example = "required") PayTransparency rule,
        @Schema(description = "Open postings.", example = "12") long open,
        @Schema(description = "Open postings that state their starting pay or range.", example = "9") long stating,
        @Schema(description = "The open postings that do not, soonest deadline first.") List<Unstated> notStating) {

    @Schema(name = "PostingWithoutPay", description = "An open posting that states no starting pay.")
    public record Unstated(
            @Schema(description = "Position id.", example = "101") long id,
            @Schema(description = "Title.", example = "Pædagog til Solsikken") String title,
            @Schema(description = "Its unit.") Ref unit,
            @Schema(description = "Application deadline (Copenhagen).", example = "2027-01-15T23:59:59+01:00")
                    OffsetDateTime applicationDeadline) {}
}
