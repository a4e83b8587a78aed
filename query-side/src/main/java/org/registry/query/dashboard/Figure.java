package org.registry.query.dashboard;

import org.registry.kernel.common.RejectionException;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.registry.query.ledger.benefit.BenefitLedger;
import org.registry.query.ledger.checkup.CheckUpLedger;
import org.registry.query.ledger.floating.FloatingRegister;
import org.registry.query.residence.Residents;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every count of the dashboard, by the name its drill-down answers to, with the one selection of records it counts:
 * the dashboard counts them, {@code /api/dashboards/indicators/{figure}} lists them, and the ledgers list the same
 * selections, so a total always equals the length of its list.
 */
enum Figure {
    POPULATION_START("populationStart", Kind.RESIDENT, "s.valid_from", report -> Residents.populationOn(report, "from")),
    POPULATION_END("populationEnd", Kind.RESIDENT, "s.valid_from", report -> Residents.populationOn(report, "to")),
    HOUSEHOLDS("households", Kind.HOUSEHOLD, null, Residents::households),
    BIRTHS("births", Kind.RESIDENT, "s.valid_from", Residents::births),
    MALE_BIRTHS("maleBirths", Kind.RESIDENT, "s.valid_from", report -> Residents.births(report).and("s.sex = 'MALE'")),
    FEMALE_BIRTHS("femaleBirths", Kind.RESIDENT, "s.valid_from",
            report -> Residents.births(report).and("s.sex = 'FEMALE'")),
    DEATHS("deaths", Kind.RESIDENT, "s.valid_to", Residents::deaths),
    MOVED_IN("movedIn", Kind.FLOATING, null, FloatingRegister::inflow),
    MOVED_OUT("movedOut", Kind.FLOATING, null, FloatingRegister::outflow),
    FLOATING_IN_AT_END("floatingInAtEnd", Kind.FLOATING, null, FloatingRegister::floatingOn),
    POPULATION_MOVED_IN("populationMovedIn", Kind.RESIDENT, "s.valid_from", Residents::movedIn),
    POPULATION_MOVED_OUT("populationMovedOut", Kind.RESIDENT, "s.valid_to", Residents::movedOut),
    WOMEN_OF_CHILDBEARING_AGE("womenOfChildbearingAge", Kind.RESIDENT, "s.valid_from",
            Residents::womenOfChildbearingAge),
    MARRIED_WOMEN_OF_CHILDBEARING_AGE("marriedWomenOfChildbearingAge", Kind.RESIDENT, "s.valid_from",
            Residents::marriedWomenOfChildbearingAge),
    CHECK_UP_ELIGIBLE("checkUpEligible", Kind.RESIDENT, "s.valid_from", CheckUpLedger::eligible),
    CHECK_UP_CHECKED("checkUpChecked", Kind.RESIDENT, "s.valid_from", CheckUpLedger::checked),
    CHECK_UP_NOT_CHECKED("checkUpNotChecked", Kind.RESIDENT, "s.valid_from", CheckUpLedger::notChecked),
    BENEFIT_RECIPIENTS("benefitRecipients", Kind.RECIPIENT, null, BenefitLedger::recipients),
    PAYMENTS("payments", Kind.PAYMENT, null, BenefitLedger::payments);

    /** What the records of a figure are, and so how its drill-down shows them. */
    enum Kind {
        /** Segments of the residence history: persons. */
        RESIDENT,
        /** Entries of the floating-population register. */
        FLOATING,
        HOUSEHOLD,
        RECIPIENT,
        PAYMENT;

        /** Counted in the dashboard's one pass over the residence history. */
        boolean segments() {
            return this == RESIDENT || this == FLOATING;
        }
    }

    private final String apiName;
    private final Kind kind;
    private final String date;
    private final Function<Report, Selection> selection;

    Figure(String apiName, Kind kind, String date, Function<Report, Selection> selection) {
        this.apiName = apiName;
        this.kind = kind;
        this.date = date;
        this.selection = selection;
    }

    String apiName() {
        return apiName;
    }

    Kind kind() {
        return kind;
    }

    /** For persons: the column of the day that puts a record in the figure (a birth, a death, a move, a stay). */
    String date() {
        return date;
    }

    Selection selection(Report report) {
        return selection.apply(report);
    }

    static Figure of(String name) {
        return Arrays.stream(values()).filter(figure -> figure.apiName.equals(name)).findFirst()
                     .orElseThrow(() -> RejectionException.notFound("figure", "FIGURE_NOT_FOUND",
                             "no figure '" + name + "'; the figures are " + Arrays.stream(values())
                                     .map(Figure::apiName).collect(Collectors.joining(", "))));
    }
}
