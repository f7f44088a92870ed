package dk.kommunejob.language;

import dk.kommunejob.common.Vary;
import dk.kommunejob.problem.ProblemType;
import dk.kommunejob.problem.RouteProblems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Settles each API request's language before anything answers it (the response cache keys by it):
 * `lang` when given, else the caller's Accept-Language, else Danish. Every API answer says which
 * (`Content-Language`) and that it depends on Accept-Language (`Vary`).
 */
@ApplicationScoped
public class Languages {

    public static final String PARAMETER = "lang";

    @Inject
    RouteProblems problems;

    void install(@Observes Router router) {
        // Right after the request id (RequestIds), so even the earliest problem is in the caller's language.
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::negotiate);
    }

    private void negotiate(RoutingContext context) {
        String query = context.request().query();
        List<String> asked =
                query != null && query.contains(PARAMETER + "=") ? context.queryParam(PARAMETER) : List.of();
        Language language = asked.isEmpty()
                ? Language.negotiate(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                : asked.size() == 1 ? Language.parse(asked.get(0)).orElse(null) : null;
        if (language == null) {
            language = Language.negotiate(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            Language.set(language);
            answerInLanguage(context, language);
            problems.send(
                    context,
                    ProblemType.INVALID_PARAMETER,
                    Messages.text("problem.lang.detail", String.join(", ", Language.tags())),
                    Map.of("parameter", PARAMETER));
            return;
        }
        Language.set(language);
        answerInLanguage(context, language);
        context.next();
    }

    private static void answerInLanguage(RoutingContext context, Language language) {
        context.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, language.name());
        context.addHeadersEndHandler(v -> Vary.add(context.response().headers(), "Accept-Language"));
    }
}
