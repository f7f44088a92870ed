package dk.kommunejob;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import dk.kommunejob.problem.ProblemType;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.file.Path;

/**
 * Every request any test makes through REST Assured has its answer checked against the committed
 * openapi/openapi.yaml: a status, header, media type or body the document does not describe (a
 * null, an undeclared field, a wrong type or format) fails the test that provoked it, error answers
 * included. Requests are not checked, because tests send bad ones on purpose. Every problem must
 * also name its kind with one of the service's type URIs.
 */
public class ContractFilter implements QuarkusTestBeforeEachCallback, Filter {

    private static final OpenApiValidationFilter DOCUMENT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(Path.of("openapi/openapi.yaml")
                            .toAbsolutePath()
                            .toUri()
                            .toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private static final ContractFilter INSTANCE = new ContractFilter();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
            // REST Assured encodes a body of a type it does not know as ISO-8859-1; a merge patch is JSON, UTF-8.
            RestAssured.config = RestAssured.config()
                    .encoderConfig(EncoderConfig.encoderConfig()
                            .defaultCharsetForContentType("UTF-8", "application/merge-patch+json"));
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = DOCUMENT.filter(request, response, context);
        String contentType = answer.contentType();
        if (contentType != null && contentType.startsWith("application/problem+json")) {
            String type = answer.path("type");
            if (type == null || !type.startsWith(ProblemType.PREFIX)) {
                throw new AssertionError("%s %s answered a problem without a service type URI: %s"
                        .formatted(request.getMethod(), request.getURI(), answer.asString()));
            }
        }
        return answer;
    }
}
