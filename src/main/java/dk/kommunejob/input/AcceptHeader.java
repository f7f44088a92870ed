package dk.kommunejob.input;

import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An `Accept` header that is not a list of media types is a 400 naming it, for every operation:
 * the framework refuses one only where an operation answers in more than one type, and then
 * without saying which header was wrong. An empty one asks for nothing in particular, as RFC 9110
 * has it, and is read as absent.
 */
public class AcceptHeader {

    private static final int QUOTED = 100;

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null) {
            return;
        }
        if (accept.isBlank()) {
            request.getHeaders().remove(HttpHeaders.ACCEPT);
            return;
        }
        for (String range : accept.split(",")) {
            if (range.isBlank()) {
                continue;
            }
            try {
                MediaType.valueOf(range.strip());
            } catch (IllegalArgumentException e) {
                String quoted = accept.length() > QUOTED ? accept.substring(0, QUOTED) + "…" : accept;
                throw Problems.badParameter(HttpHeaders.ACCEPT, Messages.text("problem.parameter.accept", quoted));
            }
        }
    }
}
