package org.registry.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.kernel.dashboard.PopulationBalanceMonth;
import org.registry.kernel.person.Sex;
import org.registry.kernel.query.PageView;
import org.registry.platform.web.StrictParameters;
import org.registry.platform.web.Text;
import org.registry.query.api.Paging;
import org.registry.query.api.ReadsFrom;
import org.registry.query.api.Report;
import org.registry.query.ledger.benefit.BenefitLedger;
import org.registry.query.ledger.checkup.CheckUpLedger;
import org.registry.query.residence.Residents;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/dashboards")
@Tag(name = "Dashboards")
record DashboardController(DashboardQueries queries, Clock clock) {

    @GetMapping("/indicators")
    @ReadsFrom({Residents.PROJECTION, CheckUpLedger.PROJECTION, BenefitLedger.PROJECTION})
    @Operation(summary = "The indicators of an area (division code prefix) for [from, to], counted by the day each "
            + "fact happened; with knownAt (an instant, or a date meaning the end of that day) as the register knew "
            + "them then: facts recorded later, and corrections recorded later, left out")
    IndicatorsView indicators(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to,
                              @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String knownAt) {
        return queries.indicators(report(areaCode, from, to, knownAt));
    }

    @GetMapping("/indicators/{figure}")
    @ReadsFrom({Residents.PROJECTION, CheckUpLedger.PROJECTION, BenefitLedger.PROJECTION})
    @Operation(summary = "The records behind one figure of the indicators, paged from 0: populationStart, "
            + "populationEnd, households, births, maleBirths, femaleBirths, firstBirths, secondBirths, "
            + "thirdOrLaterBirths, deaths, movedIn, movedOut, "
            + "floatingInAtEnd, populationMovedIn, populationMovedOut, womenOfChildbearingAge, "
            + "marriedWomenOfChildbearingAge, checkUpEligible, checkUpChecked, checkUpNotChecked, "
            + "benefitRecipients, payments. The total is the figure. A figure of residents narrows to one sex and "
            + "ages on to (ageFrom, ageTo, whole years, inclusive): the records behind a bar of the pyramid")
    PageView<?> figure(@PathVariable String figure,
                       @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String knownAt,
                       @RequestParam(required = false) Sex sex,
                       @RequestParam(required = false) Integer ageFrom,
                       @RequestParam(required = false) Integer ageTo,
                       @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size) {
        Figure which = Figure.of(figure);
        return queries.drillDown(which, report(areaCode, from, to, knownAt), new PersonFilter(sex, ageFrom, ageTo),
                Paging.of(page, size));
    }

    @GetMapping("/population-balance")
    @ReadsFrom(Residents.PROJECTION)
    @Operation(summary = "The population balance of an area by month, from (YYYY-MM or YYYY-MM-DD) to (likewise; a "
            + "month means its last day): opening + births + movedIn - deaths - movedOut = closing, each closing the "
            + "next opening. A first and last month cut by from or to count only their days in the period")
    List<PopulationBalanceMonth> balance(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                         @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String from,
                                         @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String to,
                                         @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String knownAt) {
        return queries.balance(overMonths(areaCode, from, to, knownAt));
    }

    @GetMapping("/births-by-month")
    @ReadsFrom(Residents.PROJECTION)
    @Operation(summary = "The births of an area month by month, from (YYYY-MM or YYYY-MM-DD) to (likewise; a month "
            + "means its last day): each month's total, male and female, and by birth order (1, 2, 3+), counted as "
            + "the indicators count them; from and to of a month are its days in the period, over which the "
            + "figures' drill-downs list the same births")
    List<BirthsMonth> birthsByMonth(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                    @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String from,
                                    @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String to,
                                    @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String knownAt) {
        return queries.birthsByMonth(overMonths(areaCode, from, to, knownAt));
    }

    private Report report(String areaCode, LocalDate from, LocalDate to, String knownAt) {
        return Report.asked(areaCode, from, to, knownAt, clock.getZone());
    }

    /** A read by months: {@code from} and {@code to} each a date, or a month (its first day, its last). */
    private Report overMonths(String areaCode, String from, String to, String knownAt) {
        return report(areaCode, day("from", from, false), day("to", to, true), knownAt);
    }

    /** A date, or a month: its first day for {@code from}, its last for {@code to}. */
    private static LocalDate day(String field, String text, boolean last) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() == 7) {
            YearMonth month = StrictParameters.month(text, field);
            return last ? month.atEndOfMonth() : month.atDay(1);
        }
        return StrictParameters.date(text, field);
    }
}
