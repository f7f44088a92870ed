package dk.kommunejob.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; `total` counts every match, not just this page. */
public record Page<T>(
        @Schema(description = "The matches on this page, in the requested order.") List<T> items,
        @Schema(description = "This page's number, from 1.", example = "1") int page,
        @Schema(description = "The page size asked for (at most 100).", example = "20") int size,
        @Schema(description = "How many items match in all.", example = "57") long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
