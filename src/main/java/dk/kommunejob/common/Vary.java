package dk.kommunejob.common;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Arrays;

/**
 * The answer's `Vary` list, to which each part that makes an answer depend on a request header adds
 * that header (the response cache: Accept; languages: Accept-Language; CORS: Origin). Added, never
 * replaced, so no part loses another's.
 */
public final class Vary {

    private Vary() {}

    public static void add(MultiMap headers, String field) {
        String vary = headers.get(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            headers.set(HttpHeaders.VARY, field);
        } else if (Arrays.stream(vary.split(",")).noneMatch(f -> f.strip().equalsIgnoreCase(field))) {
            headers.set(HttpHeaders.VARY, vary + ", " + field);
        }
    }
}
