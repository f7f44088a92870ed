package dk.kommunejob.position;

import dk.kommunejob.facet.Facet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the position list; `facets` only when asked for. */
@Schema(description = "One page of positions; `total` counts every match, not just this page.")
public record PositionPage(
        @Schema(description = "The matches on this page, in the requested order.") List<PositionSummary> items,
        @Schema(description = "This page's number, from 1.", example = "1") int page,
        @Schema(description = "The page size asked for (at most 100).", example = "20") int size,
        @Schema(description = "How many positions match in all.", example = "57") long total,
        @Schema(description = "The counts asked for with `facets`, in the order asked.") List<Facet> facets,
        @Schema(
                        description = "Only in a search (`q`) that found nothing, or far less than a close spelling "
                                + "would: the query with its misspelt words corrected from the postings' own words. "
                                + "A website offers it (\"Mente du sygeplejerske?\").",
                        example = "sygeplejerske",
                        maxLength = 400)
                String didYouMean) {}
