package dk.kommunejob.cache;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public GET whose answer is the same for every caller: it gets a strong ETag, answers
 * If-None-Match with 304, says how long it may be reused, and is kept in the response cache.
 * A resource may set its own {@code Cache-Control} (a closed posting's {@link Freshness#SETTLED}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface HttpCached {
    Freshness value() default Freshness.CHANGING;
}
