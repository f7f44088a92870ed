package dk.kommunejob.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.kommunejob.language.Messages;
import dk.kommunejob.outage.DatabaseOutage;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place every problem the extension renders passes: those the framework raises get their
 * kind's type and title, body errors Jackson found take the same `violations` shape as the
 * service's own validation, and a database out of reach is a 503 to retry, not a 500.
 */
@ApplicationScoped
public class ProblemTypes implements ProblemPostProcessor {

    /** Seconds a client should wait before retrying while the database is out of reach. */
    static final int DATABASE_RETRY_AFTER = 2;

    @Inject
    SecurityIdentity identity;

    @Inject
    DatabaseOutage outage;

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null) {
            return problem;
        }
        for (Throwable t = context.cause; t != null; t = t.getCause()) {
            // The JSON reader reports a body that is not JSON as a bare 400 with the parser's error as cause.
            if (t instanceof JsonProcessingException e) {
                return instance(jsonProblem(e), problem);
            }
        }
        if (problem.getStatusCode() >= 500 && DatabaseOutage.isOutage(context.cause)) {
            outage.lost(context.cause);
            return instance(
                    Problems.of(ProblemType.DATABASE_UNAVAILABLE)
                            .withDetail(Messages.text("problem.database-unavailable.detail"))
                            .withHeader("Retry-After", DATABASE_RETRY_AFTER)
                            .build(),
                    problem);
        }
        Optional<ProblemType> kind = kind(problem);
        if (kind.isEmpty()) {
            return problem; // a status no kind names (408, 431...): about:blank, the status says it all
        }
        ProblemType type = kind.get();
        HttpProblem.Builder typed =
                HttpProblem.builder(problem).withType(type.uri).withTitle(type.localTitle());
        String generic = "problem." + type.slug() + ".generic";
        if (Messages.has(generic)) {
            // The framework's own wording is English and says no more than the status; say it in the caller's language.
            typed.withDetail(Messages.text(generic));
        }
        if (type == ProblemType.FORBIDDEN && problem.getDetail() == null) {
            typed.withDetail(Messages.text("problem.forbidden.detail", String.join(", ", identity.getRoles())));
        }
        return typed.build();
    }

    /** Priority over the extension's defaults, so they see the typed problem. */
    @Override
    public int priority() {
        return 200;
    }

    private static Optional<ProblemType> kind(HttpProblem problem) {
        Map<String, Object> extra = problem.getParameters();
        if (problem.getStatusCode() == 400) {
            return Optional.of(
                    extra.containsKey("violations")
                            ? ProblemType.INVALID_BODY
                            : extra.containsKey("parameter")
                                    ? ProblemType.INVALID_PARAMETER
                                    : ProblemType.MALFORMED_BODY);
        }
        if (problem.getStatusCode() >= 500) {
            return Optional.of(ProblemType.byStatus(problem.getStatusCode()).orElse(ProblemType.SERVER_ERROR));
        }
        return ProblemType.byStatus(problem.getStatusCode());
    }

    /** A body field of the wrong type or unknown is named like any other invalid field. */
    public static HttpProblem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.badField(fieldOf(mapping), message(mapping));
        }
        return Problems.badBody(Messages.text("problem.body.json", e.getOriginalMessage()));
    }

    /** What is wrong, in the API's terms rather than Java's. */
    private static String message(JsonMappingException e) {
        if (e instanceof FieldRefused) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return Messages.text("problem.field.unknown");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type.isEnum()) {
                return Messages.text("problem.field.one-of", Arrays.toString(type.getEnumConstants()));
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return Messages.text("problem.field.whole-number");
            }
            if (type == LocalDate.class) {
                return Messages.text("problem.field.date");
            }
            if (type == LocalTime.class) {
                return Messages.text("problem.field.time");
            }
            if (List.class.isAssignableFrom(type)) {
                return Messages.text("problem.field.array");
            }
            if (type == String.class) {
                return Messages.text("problem.field.string");
            }
            return Messages.text("problem.field.object");
        }
        return e.getOriginalMessage();
    }

    /** "contacts[0].phone" for the place in the body Jackson stopped at. */
    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static HttpProblem instance(HttpProblem replacement, HttpProblem original) {
        return original.getInstance() == null
                ? replacement
                : HttpProblem.builder(replacement)
                        .withInstance(original.getInstance())
                        .build();
    }
}
