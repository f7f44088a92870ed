package dk.kommunejob.pay;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A posting's pay as it is shown: what the writer stated, and what follows from it. */
@Schema(
        name = "Pay",
        description = "The posting's pay: its wording and structure as written, and, derived, whether a starting pay "
                + "or range is stated, the monthly kroner it comes to and a one-line summary.")
public record Pay(
        @Schema(description = "The pay as the posting words it.", example = "Løn efter gældende overenskomst.")
                String text,
        @Schema(
                        description = "What the pay rests on.",
                        enumeration = {"collective-agreement", "contract", "individual"},
                        example = "collective-agreement")
                PayInput.Basis basis,
        @Schema(description = "The collective agreement's name.", example = "Overenskomst for chefer (OAO/KL)")
                String agreement,
        @Schema(description = "The starting pay as steps of the municipal scale.") PayInput.Steps steps,
        @Schema(description = "The starting pay as an amount or range.") PayInput.Amount amount,
        @Schema(description = "Supplements.") List<PayInput.Supplement> supplements,
        @Schema(description = "The employer's pension contribution, in per cent.", example = "19.55")
                BigDecimal pensionPercent,
        @Schema(description = "Plus what is agreed locally.", example = "true") Boolean negotiable,
        @Schema(
                        description = "Read-only: whether a starting pay or range is stated, by steps or by amount, as "
                                + "the Pay Transparency Directive asks.",
                        example = "true")
                boolean stated,
        @Schema(
                        description = "Read-only: the starting pay in kroner a month, from the amount (DKK), or from "
                                + "the steps through the pay scale in force; absent when neither gives one.")
                Monthly monthly,
        @Schema(
                        description = "Read-only: the pay in one line, in the answer's language.",
                        example = "Løntrin 26–31 + tillæg, pension 16,2 %")
                String summary) {

    @Schema(name = "MonthlyPay", description = "Kroner a month, the least and the most.")
    public record Monthly(
            @Schema(description = "The least.", example = "38000") BigDecimal min,
            @Schema(description = "The most.", example = "45000") BigDecimal max) {}
}
