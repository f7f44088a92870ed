package dk.kommunejob.input;

import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path and query parameter, decoded, is checked by {@link Text} before any operation reads
 * it: a 400 naming the parameter, the same for every route and every parameter.
 */
public class ParameterText {

    @ServerRequestFilter(nonBlocking = true)
    void check(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        check(uri.getPathParameters(), "problem.parameter.path-text");
        check(uri.getQueryParameters(), "problem.parameter.query-text");
    }

    private static void check(MultivaluedMap<String, String> parameters, String message) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                Text.refusal(value).ifPresent(reason -> {
                    throw Problems.badParameter(parameter.getKey(), Messages.text(message, parameter.getKey(), reason));
                });
            }
        }
    }
}
