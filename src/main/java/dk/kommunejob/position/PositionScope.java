package dk.kommunejob.position;

import dk.kommunejob.agency.AgencyService;
import dk.kommunejob.common.QueryParams;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.OrganisationService;
import dk.kommunejob.pay.PayFilter;
import dk.kommunejob.problem.Problems;
import jakarta.ws.rs.QueryParam;
import java.util.function.LongPredicate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Which open positions a feed or a calendar subscription covers: the list's search and its unit,
 * employer and agency filters, as a {@code @BeanParam}.
 */
public class PositionScope {

    @QueryParam("q")
    @Parameter(
            description = "Search words; a position matches when it has every word (in its title or text) in one of "
                    + "the forms search understands (README, \"Search\"):\n\n"
                    + "- any Danish form of the word: `lærerne` finds \"Lærer\";\n"
                    + "- compounds it ends or starts, linking letters included: `lærer` finds \"Folkeskolelærer\", "
                    + "`rengøring` finds \"Rengøringsassistent\"; words under 4 letters (`it`, `hr`) only whole "
                    + "words and hyphenated parts (\"IT-supporter\");\n"
                    + "- a compound written apart or with an elided hyphen: `handicap hjælper`, `socialassistent` "
                    + "(\"Social- og sundhedsassistent\");\n"
                    + "- æ, ø and å written as ae, oe, aa or as a phone's a, o, e: `paedagog`, `rengoring`;\n"
                    + "- a word of 5 letters or more one letter off (two from 9 letters), only when the word is in "
                    + "no posting: then `didYouMean` gives the corrected query;\n"
                    + "- the reviewed synonym list: `sosu`, `ppr`, `hr`.\n\n"
                    + "Ranked: the word in the title, then a compound of it in the title, then in the text, then a "
                    + "spelling one or two letters off. Each item's `match` says where it matched. Punctuation, "
                    + "symbols and search operators are no words (a query of only those finds nothing), nor are "
                    + "Danish stop words (`og`, `til`); the first 32 words count.",
            examples = {
                @ExampleObject(name = "compound", value = "lærer", summary = "finds Folkeskolelærer, Musikskolelærer"),
                @ExampleObject(name = "letters", value = "paedagog", summary = "finds Pædagog, Talepædagog"),
                @ExampleObject(name = "typo", value = "sygeplejeske", summary = "finds Sygeplejerske; didYouMean"),
                @ExampleObject(name = "abbreviation", value = "sosu", summary = "finds Social- og sundhedsassistent")
            },
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    String q;

    @QueryParam("unit")
    @Parameter(
            description = "Unit id: positions of this unit and every unit under it.",
            example = "12",
            schema = @Schema(ref = "Id"))
    String unit;

    @QueryParam("employer")
    @Parameter(description = "Employer id.", example = "1", schema = @Schema(ref = "Id"))
    String employer;

    @QueryParam("agency")
    @Parameter(description = "Recruitment agency id.", example = "2", schema = @Schema(ref = "Id"))
    String agency;

    @QueryParam("payStated")
    @Parameter(
            description = "`true`: only positions that state their starting pay or its range (by steps or by amount); "
                    + "`false`: only those that do not.",
            example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String payStated;

    @QueryParam("minMonthlyPay")
    @Parameter(
            description =
                    "Only positions paying at least this many kroner a month: the most of their range, or the "
                            + "least when they give no most (`pay.monthly`). Positions whose pay comes to no kroner are left out.",
            example = "35000",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "10000000"))
    String minMonthlyPay;

    /** The pay filters given. */
    PayFilter pay() {
        return PayFilter.parse(payStated, minMonthlyPay);
    }

    /** Open positions in this scope, in the order given, at most {@code size} of them. */
    public PositionCriteria open(
            OrganisationService organisation, AgencyService agencies, PositionSort sort, int size) {
        return new PositionCriteria(
                QueryParams.text("q", q, PositionResource.MAX_QUERY_LENGTH),
                existing("unit", QueryParams.id("unit", unit), organisation::unitExists),
                existing("employer", QueryParams.id("employer", employer), organisation::employerExists),
                existing("agency", QueryParams.id("agency", agency), agencies::exists),
                null,
                pay(),
                StatusFilter.open,
                null,
                null,
                sort,
                1,
                size);
    }

    /** A filter on something that does not exist is a mistake worth a 400, not an empty page. */
    static Long existing(String parameter, Long id, LongPredicate exists) {
        if (id != null && !exists.test(id)) {
            throw Problems.badParameter(
                    parameter,
                    Messages.text("problem.parameter.no-such", parameter, Messages.text("thing." + parameter), id));
        }
        return id;
    }
}
