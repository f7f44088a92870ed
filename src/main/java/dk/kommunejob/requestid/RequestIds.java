package dk.kommunejob.requestid;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request has an id: the caller's `X-Request-Id` when it is a plain token (a proxy or the
 * website set it), otherwise a new one. It is echoed in the answer, is in the MDC of every log line
 * the request causes (`requestId`) and in every problem, so a complaint and a log line meet.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final CharSequence HEADER_NAME = HttpHeaders.createOptimized(HEADER);
    /** What a log line and a header may safely carry; anything else is replaced, not echoed. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    private static final HexFormat HEX = HexFormat.of();

    /** First of all routes, so even a request refused before routing has its id. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestIds::identify);
    }

    private static void identify(RoutingContext context) {
        String given = context.request().getHeader(HEADER_NAME);
        String id = given != null && TOKEN.matcher(given).matches() ? given : newId();
        // The request runs on its own duplicated Vert.x context, which keeps this MDC for its worker thread too.
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER_NAME, id);
        context.next();
    }

    /** 128 random bits as 32 hex digits; no SecureRandom on the event loop. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }

    /** The id of the request being handled, for answers built outside the REST layer. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
