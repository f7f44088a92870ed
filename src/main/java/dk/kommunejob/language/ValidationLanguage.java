package dk.kommunejob.language;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Bean Validation's messages ("må ikke være tom") in the request's language, `lang` included, ahead
 * of Quarkus' own resolver, which reads only Accept-Language.
 */
@ApplicationScoped
@Priority(Integer.MAX_VALUE)
public class ValidationLanguage implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        return Language.current().locale;
    }
}
