package dk.kommunejob.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dk.kommunejob.problem.FieldRefused;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * How the service reads JSON, for every body of every operation alike:
 * <ul>
 *   <li>every string is checked by {@link Text} as it is read, so a NUL in any field (or in a merge
 *       patch's result) is a 400 naming that field;
 *   <li>a field named twice is refused rather than read as its last value (RFC 8259 leaves it open,
 *       and two readers of one body could disagree);
 *   <li>a fraction is not a whole number: {@code "employerId": 1.5} is refused, not read as 1.
 * </ul>
 * JSON that PostgreSQL aggregated from stored rows is read with {@link #stored}: what is stored is
 * shown as it is.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final String STORED = StrictJson.class.getName() + ".stored";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("strict-json").addDeserializer(String.class, new Checked()));
    }

    /** A reader of JSON the service's own database wrote, which is not checked again. */
    public static ObjectReader stored(ObjectReader reader) {
        return reader.withAttribute(STORED, Boolean.TRUE);
    }

    /**
     * Not a subclass of Jackson's own: that one is marked as the standard implementation, and lists of
     * strings skip a deserializer so marked for a faster path of their own.
     */
    private static final class Checked extends StdScalarDeserializer<String> {

        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && context.getAttribute(STORED) == null) {
                var refusal = Text.refusal(text);
                if (refusal.isPresent()) {
                    throw new FieldRefused(parser, refusal.get(), String.class);
                }
            }
            return text;
        }
    }
}
