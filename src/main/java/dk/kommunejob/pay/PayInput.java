package dk.kommunejob.pay;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A posting's pay as a writer states it: the sentence it words it in, and in structure what the
 * Pay Transparency Directive (EU 2023/970, Art. 5) asks for, the starting pay or its range, by steps
 * of the municipal scale or as an amount. Nothing here is derived; see {@link Pay} for what is.
 */
@Schema(
        name = "PayInput",
        description = "The posting's pay: its wording, and in structure the starting pay or range (by steps of the "
                + "municipal scale, by amount, or both) with supplements and pension.")
public record PayInput(
        @Schema(
                        description = "The pay as the posting words it.",
                        example = "Løn efter gældende overenskomst, løntrin 26-31 plus tillæg efter kvalifikationer.")
                @Size(max = 500)
                String text,
        @Schema(
                        description = "What the pay rests on.",
                        enumeration = {"collective-agreement", "contract", "individual"},
                        example = "collective-agreement")
                Basis basis,
        @Schema(description = "The collective agreement's name.", example = "Overenskomst for chefer (OAO/KL)")
                @Size(max = 200)
                String agreement,
        @Schema(description = "The starting pay as steps (løntrin) of the municipal scale.") @Valid Steps steps,
        @Schema(description = "The starting pay as an amount or range.") @Valid Amount amount,
        @Schema(description = "Supplements: function, qualification and others.", maxItems = 10) @Size(max = 10)
                List<@Valid @NotNull Supplement> supplements,
        @Schema(description = "The employer's pension contribution, in per cent of the pay.", example = "19.55")
                @DecimalMin("0")
                @DecimalMax("100")
                @Digits(integer = 3, fraction = 2)
                BigDecimal pensionPercent,
        @Schema(description = "Plus what is agreed locally (\"forhandles\").", example = "true") Boolean negotiable) {

    /** The pay of a posting that says nothing of it. */
    public static final PayInput NONE = new PayInput(null, null, null, null, null, List.of(), null, null);

    @Schema(name = "PayBasis", description = "What the pay rests on.")
    public enum Basis {
        @JsonProperty("collective-agreement")
        collective_agreement,
        @JsonProperty("contract")
        contract,
        @JsonProperty("individual")
        individual;

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    @Schema(name = "PayPeriod", description = "What an amount is paid for.")
    public enum Period {
        hour,
        month,
        year
    }

    @Schema(name = "PaySupplementKind", description = "What a supplement is for.")
    public enum SupplementKind {
        function,
        qualification,
        other
    }

    @Schema(name = "PaySteps", description = "A range of steps (løntrin) on the municipal scale, both included.")
    public record Steps(
            @Schema(description = "The lowest step.", example = "26", minimum = "1", maximum = "60")
                    @NotNull
                    @Min(1)
                    @Max(60)
                    Integer from,
            @Schema(
                            description = "The highest step; the same as `from` when left out.",
                            example = "31",
                            minimum = "1",
                            maximum = "60")
                    @Min(1)
                    @Max(60)
                    Integer to) {}

    @Schema(name = "PayAmount", description = "An amount or range of pay, for a period.")
    public record Amount(
            @Schema(description = "The least.", example = "38000", minimum = "0")
                    @DecimalMin("0")
                    @Digits(integer = 9, fraction = 2)
                    BigDecimal min,
            @Schema(description = "The most.", example = "45000", minimum = "0")
                    @DecimalMin("0")
                    @Digits(integer = 9, fraction = 2)
                    BigDecimal max,
            @Schema(
                            description = "ISO 4217 currency; DKK when left out.",
                            example = "DKK",
                            pattern = "^[A-Z]{3}$",
                            maxLength = 3)
                    @Pattern(regexp = "[A-Z]{3}", message = "{jobs.currency}")
                    String currency,
            @Schema(
                            description = "What the amount is paid for.",
                            enumeration = {"hour", "month", "year"},
                            example = "month")
                    @NotNull
                    Period period) {}

    @Schema(name = "PaySupplement", description = "A supplement (tillæg) to the basic pay.")
    public record Supplement(
            @Schema(
                            description = "Which kind.",
                            enumeration = {"function", "qualification", "other"},
                            example = "qualification")
                    @NotNull
                    SupplementKind kind,
            @Schema(description = "As the posting words it.", example = "Kvalifikationstillæg efter erfaring")
                    @NotBlank
                    @Size(max = 300)
                    String text,
            @Schema(description = "Kroner a month, where the posting says.", example = "2500", minimum = "0")
                    @DecimalMin("0")
                    @Digits(integer = 9, fraction = 2)
                    BigDecimal amount) {}
}
