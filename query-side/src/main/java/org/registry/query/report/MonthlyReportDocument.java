package org.registry.query.report;

import org.registry.kernel.benefit.Programme;
import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.kernel.dashboard.PopulationBalanceMonth;
import org.registry.kernel.report.MonthlyReportView;
import org.registry.query.document.Labels;
import org.registry.query.document.Tabular;
import org.registry.query.document.Tabular.Line;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly report as the offices hand it over: the seeds' tables (population, births by sex and order, rates in
 * ‰ with numerator and denominator, floating residents, women and check-ups, benefits, the population balance), the
 * office, the period, who filed and who approved. One layout for XLSX and PDF; each line's key names the figure.
 */
final class MonthlyReportDocument {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MonthlyReportDocument() {
    }

    static Tabular of(MonthlyReportView report, Labels labels, ZoneId zone) {
        IndicatorsView figures = report.figures().indicators();
        PopulationBalanceMonth balance = report.figures().balance();
        String level = labels.get("report.level." + (report.areaCode().length() == 12 ? "COMMUNITY" : "TOWNSHIP"));
        List<Tabular.Pair> head = new ArrayList<>();
        head.add(new Tabular.Pair(labels.get("report.office"), level + " " + report.areaCode()));
        head.add(new Tabular.Pair(labels.get("report.period"), report.month().toString()));
        head.add(new Tabular.Pair(labels.get("report.status"), labels.get("report.status." + report.status())));
        head.add(new Tabular.Pair(labels.get("report.revision"), Integer.toString(report.revision())));
        head.add(new Tabular.Pair(labels.get("report.filedBy"), report.filedBy()));
        head.add(new Tabular.Pair(labels.get("report.filedOn"), report.filedOn().toString()));
        head.add(new Tabular.Pair(labels.get("report.dueOn"), report.dueOn().toString()));
        head.add(new Tabular.Pair(labels.get("report.late"), labels.get(report.late() ? "document.yes" : "document.no")));
        head.add(new Tabular.Pair(labels.get("report.approvedBy"),
                report.approvedBy() == null ? labels.get("document.none") : report.approvedBy()));
        head.add(new Tabular.Pair(labels.get("report.approvedOn"),
                report.approvedOn() == null ? labels.get("document.none") : report.approvedOn().toString()));
        head.add(new Tabular.Pair(labels.get("report.knownAt"), figures.knownAt() == null ? ""
                : INSTANT.format(figures.knownAt().atZone(zone))));

        List<Tabular.Section> sections = new ArrayList<>();
        sections.add(new Tabular.Section(labels.get("report.section.population"), List.of(
                line(labels, "report.populationStart", figures.population().start()),
                line(labels, "report.populationEnd", figures.population().end()),
                line(labels, "report.populationMean", figures.population().mean()),
                line(labels, "report.households", figures.households()))));
        IndicatorsView.Births births = figures.births();
        sections.add(new Tabular.Section(labels.get("report.section.births"), List.of(
                line(labels, "report.births", births.total()),
                line(labels, "report.maleBirths", births.male()),
                line(labels, "report.femaleBirths", births.female()),
                line(labels, "report.firstBirths", births.byOrder().first()),
                line(labels, "report.secondBirths", births.byOrder().second()),
                line(labels, "report.thirdOrLaterBirths", births.byOrder().thirdOrLater()),
                line(labels, "report.deaths", figures.deaths()))));
        sections.add(new Tabular.Section(labels.get("report.section.rates"), List.of(
                ratio(labels, "report.sexRatioAtBirth", figures.sexRatioAtBirth().value(),
                        figures.sexRatioAtBirth().male(), figures.sexRatioAtBirth().female()),
                ratio(labels, "report.birthRate", figures.birthRatePerMille().value(),
                        figures.birthRatePerMille().births(), figures.birthRatePerMille().meanPopulation()),
                ratio(labels, "report.deathRate", figures.deathRatePerMille().value(),
                        figures.deathRatePerMille().deaths(), figures.deathRatePerMille().meanPopulation()),
                ratio(labels, "report.naturalGrowthRate", figures.naturalGrowthRatePerMille().value(),
                        figures.naturalGrowthRatePerMille().births() - figures.naturalGrowthRatePerMille().deaths(),
                        figures.naturalGrowthRatePerMille().meanPopulation()),
                ratio(labels, "report.checkUpCoverage", figures.checkUpCoverage().value(),
                        figures.checkUpCoverage().checked(), figures.checkUpCoverage().eligible()))));
        sections.add(new Tabular.Section(labels.get("report.section.floating"), List.of(
                line(labels, "report.movedIn", figures.floating().movedIn()),
                line(labels, "report.movedOut", figures.floating().movedOut()),
                line(labels, "report.floatingInAtEnd", figures.floating().floatingInAtEnd()))));
        sections.add(new Tabular.Section(labels.get("report.section.women"), List.of(
                line(labels, "report.womenOfChildbearingAge", figures.womenOfChildbearingAge().total()),
                line(labels, "report.marriedWomen", figures.womenOfChildbearingAge().married()),
                line(labels, "report.checkUpEligible", figures.checkUpCoverage().eligible()),
                line(labels, "report.checkUpChecked", figures.checkUpCoverage().checked()))));
        List<Line> benefits = new ArrayList<>();
        benefits.add(line(labels, "report.benefitRecipients", figures.benefits().recipients()));
        benefits.add(line(labels, "report.amountPaid", figures.benefits().amountPaid()));
        for (Programme programme : Programme.values()) {
            IndicatorsView.ProgrammeBenefits of = figures.benefits().byProgramme().get(programme);
            if (of != null) {
                String name = labels.get("report.programme." + programme);
                benefits.add(new Line("report.benefitRecipients." + programme,
                        name + " · " + labels.get("report.benefitRecipients"), of.recipients(), null, null));
                benefits.add(new Line("report.amountPaid." + programme,
                        name + " · " + labels.get("report.amountPaid"), of.amountPaid(), null, null));
            }
        }
        sections.add(new Tabular.Section(labels.get("report.section.benefits"), benefits));
        sections.add(new Tabular.Section(labels.get("report.section.balance"), List.of(
                line(labels, "report.balance.opening", balance.opening()),
                line(labels, "report.balance.births", balance.births()),
                line(labels, "report.balance.movedIn", balance.movedIn()),
                line(labels, "report.balance.deaths", balance.deaths()),
                line(labels, "report.balance.movedOut", balance.movedOut()),
                line(labels, "report.balance.closing", balance.closing()))));
        List<String> columns = List.of(labels.get("report.column.item"), labels.get("report.column.value"),
                labels.get("report.column.numerator"), labels.get("report.column.denominator"));
        return new Tabular(labels.get("report.title"), head, columns, sections);
    }

    private static Line line(Labels labels, String key, Object value) {
        return Line.of(key, labels.get(key), value);
    }

    private static Line ratio(Labels labels, String key, Object value, Number numerator, Number denominator) {
        return new Line(key, labels.get(key), value, numerator, denominator);
    }
}
