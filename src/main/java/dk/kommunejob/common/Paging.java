package dk.kommunejob.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The `page` and `size` query parameters of every list, as a {@code @BeanParam}. */
public class Paging {

    @QueryParam("page")
    @Parameter(
            description = "Page number, from 1.",
            example = "1",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            minimum = "1",
                            maximum = "2147483647",
                            defaultValue = "1"))
    String page;

    @QueryParam("size")
    @Parameter(
            description = "Page size, at most 100.",
            example = "20",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            minimum = "1",
                            maximum = "100",
                            defaultValue = "20"))
    String size;

    public int page() {
        return QueryParams.page(page);
    }

    public int size() {
        return QueryParams.size(size);
    }
}
