package dk.kommunejob.pay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An employer's rule for its postings' pay (README, "Pay transparency"). */
@Schema(
        name = "PayTransparency",
        description = "`recommended`: a posting may be published without a stated starting pay, and its checks say "
                + "so; `required`: publishing one is refused until it states the starting pay or its range.")
public enum PayTransparency {
    recommended,
    required
}
