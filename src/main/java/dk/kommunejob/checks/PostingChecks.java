package dk.kommunejob.checks;

import dk.kommunejob.language.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an editor should know before a posting goes out: whether it states its pay (required by the
 * employer, or recommended), whether its wording names one sex, and whether applicants get time
 * enough. The same findings answer `GET /positions/{id}/checks` and come with a refused publish.
 */
@ApplicationScoped
public class PostingChecks {

    /** Fewer days than this between publishing and the deadline is a warning. */
    static final int DAYS_TO_APPLY = 7;

    @Inject
    GenderedWording wording;

    /**
     * What the checks read of a posting: its texts by field (title, sections...), whether its pay is
     * stated, whether its employer requires that, its deadline, and when it was (or would now be) published.
     */
    public record Posting(
            Map<String, String> texts,
            boolean payStated,
            boolean payRequired,
            OffsetDateTime deadline,
            OffsetDateTime publishedAt) {}

    public List<Finding> check(Posting posting) {
        List<Finding> findings = new ArrayList<>();
        if (!posting.payStated()) {
            findings.add(new Finding(
                    "pay-not-stated",
                    "pay",
                    posting.payRequired() ? Finding.Severity.error : Finding.Severity.warning,
                    Messages.text(posting.payRequired() ? "check.pay-not-stated.required" : "check.pay-not-stated"),
                    Messages.text("check.pay-not-stated.suggestion")));
        }
        posting.texts().forEach((field, text) -> {
            for (GenderedWording.Hit hit : wording.find(text)) {
                findings.add(new Finding(
                        "gendered-wording",
                        field,
                        Finding.Severity.warning,
                        Messages.text("check.gendered-wording", hit.found()),
                        Messages.text(
                                "check.gendered-wording.suggestion",
                                or(hit.entry().neutral()))));
            }
        });
        if (posting.deadline() != null && posting.publishedAt() != null) {
            long days =
                    Duration.between(posting.publishedAt(), posting.deadline()).toDays();
            if (days < DAYS_TO_APPLY) {
                findings.add(new Finding(
                        "deadline-soon",
                        "applicationDeadline",
                        Finding.Severity.warning,
                        Messages.text("check.deadline-soon", Math.max(days, 0), DAYS_TO_APPLY),
                        Messages.text("check.deadline-soon.suggestion", DAYS_TO_APPLY)));
            }
        }
        return findings;
    }

    private static String or(List<String> forms) {
        List<String> quoted = forms.stream().map(f -> "'" + f + "'").toList();
        return quoted.size() == 1
                ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1))
                        + Messages.text("check.or")
                        + quoted.get(quoted.size() - 1);
    }
}
