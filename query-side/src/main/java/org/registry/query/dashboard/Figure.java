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
    // counted from the monthly tally, which counts these very rows (Stocks)
    POPULATION_START("populationStart", Kind.RESIDENT, null, "s.valid_from",
            report -> Residents.populationOn(report, "from")),
    POPULATION_END("populationEnd", Kind.RESIDENT, null, "s.valid_from",
            report -> Residents.populationOn(report, "to")),
    HOUSEHOLDS("households", Kind.HOUSEHOLD, null, null, Residents::households),
    BIRTHS("births", Kind.RESIDENT, Pass.BEGAN, "s.valid_from", Residents::births),
    MALE_BIRTHS("maleBirths", Kind.RESIDENT, Pass.BEGAN, "s.valid_from",
            report -> Residents.births(report).and("s.sex = 'MALE'")),
    FEMALE_BIRTHS("femaleBirths", Kind.RESIDENT, Pass.BEGAN, "s.valid_from",
            report -> Residents.births(report).and("s.sex = 'FEMALE'")),
    FIRST_BIRTHS("firstBirths", Kind.RESIDENT, Pass.BEGAN, "s.valid_from",
            report -> Residents.births(report).and("s.birth_order = 1")),
    SECOND_BIRTHS("secondBirths", Kind.RESIDENT, Pass.BEGAN, "s.valid_from",
            report -> Residents.births(report).and("s.birth_order = 2")),
    THIRD_OR_LATER_BIRTHS("thirdOrLaterBirths", Kind.RESIDENT, Pass.BEGAN, "s.valid_from",
            report -> Residents.births(report).and("s.birth_order >= 3")),
    DEATHS("deaths", Kind.RESIDENT, Pass.ENDED, "s.valid_to", Residents::deaths),
    MOVED_IN("movedIn", Kind.FLOATING, Pass.BEGAN, null, FloatingRegister::inflow),
    MOVED_OUT("movedOut", Kind.FLOATING, Pass.BEGAN, null, FloatingRegister::outflow),
    FLOATING_IN_AT_END("floatingInAtEnd", Kind.FLOATING, null, null, FloatingRegister::floatingOn),
    POPULATION_MOVED_IN("populationMovedIn", Kind.RESIDENT, Pass.BEGAN, "s.valid_from", Residents::movedIn),
    POPULATION_MOVED_OUT("populationMovedOut", Kind.RESIDENT, Pass.ENDED, "s.valid_to", Residents::movedOut),
    WOMEN_OF_CHILDBEARING_AGE("womenOfChildbearingAge", Kind.RESIDENT, Pass.WOMEN, "s.valid_from",
            Residents::womenOfChildbearingAge),
    MARRIED_WOMEN_OF_CHILDBEARING_AGE("marriedWomenOfChildbearingAge", Kind.RESIDENT, Pass.WOMEN, "s.valid_from",
            Residents::marriedWomenOfChildbearingAge),
    CHECK_UP_ELIGIBLE("checkUpEligible", Kind.RESIDENT, Pass.WOMEN, "s.valid_from", CheckUpLedger::eligible),
    // counted on their own: a semi-join with the check-ups, which the database plans once for all the women
    CHECK_UP_CHECKED("checkUpChecked", Kind.RESIDENT, null, "s.valid_from", CheckUpLedger::checked),
    CHECK_UP_NOT_CHECKED("checkUpNotChecked", Kind.RESIDENT, null, "s.valid_from", CheckUpLedger::notChecked),
    BENEFIT_RECIPIENTS("benefitRecipients", Kind.RECIPIENT, null, null, BenefitLedger::recipients),
    PAYMENTS("payments", Kind.PAYMENT, null, null, BenefitLedger::payments);

    /**
     * The rows of the residence history a figure of persons is counted from, in one read with the other figures of
     * the pass. Each pass's condition is implied by the predicate of every figure in it, so the pass changes which
     * rows are read (through an index of the area and that condition), never what is counted.
     */
    enum Pass {
        /** Segments that began in the period: births, moves in. */
        BEGAN("s.valid_from BETWEEN :from AND :to"),
        /** Segments that ended in the period: deaths, moves out. */
        ENDED("s.valid_to BETWEEN :from AND :to"),
        /** Women of an age to be of childbearing age on the last day. */
        WOMEN("s.sex = 'FEMALE' AND s.birth_date <= :bornBy AND s.birth_date > :bornAfter");

        private final String condition;

        Pass(String condition) {
            this.condition = condition;
        }

        String condition() {
            return condition;
        }
    }

    /** What the records of a figure are, and so how its drill-down shows them. */
    enum Kind {
        /** Segments of the residence history: persons. */
        RESIDENT,
        /** Entries of the floating-population register. */
        FLOATING,
        HOUSEHOLD,
        RECIPIENT,
        PAYMENT;

    }

    private final String apiName;
    private final Kind kind;
    private final Pass pass;
    private final String date;
    private final Function<Report, Selection> selection;

    Figure(String apiName, Kind kind, Pass pass, String date, Function<Report, Selection> selection) {
        this.apiName = apiName;
        this.kind = kind;
        this.pass = pass;
        this.date = date;
        this.selection = selection;
    }

    /** The pass over the residence history that counts it; null for figures counted on their own or tallied. */
    Pass pass() {
        return pass;
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
