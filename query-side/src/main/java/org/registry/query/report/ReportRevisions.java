package org.registry.query.report;

import org.registry.kernel.area.AreaCode;
import org.registry.kernel.audit.BusinessDates;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.kernel.report.MonthlyFiguresView;
import org.registry.kernel.report.MonthlyReportView;
import org.registry.kernel.report.ReportId;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.platform.eventstore.StoredEvents;
import org.registry.platform.eventstore.StoredEvents.StoredEvent;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Report;
import org.registry.query.dashboard.DashboardQueries;
import org.registry.query.dashboard.FigureChanges;
import org.registry.query.document.Labels;
import org.registry.query.report.ReportRevisionsView.Fact;
import org.registry.query.report.ReportRevisionsView.FigureRevision;
import org.registry.query.report.ReportRevisionsView.RevisedRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The revisions of a filed report since its filing (月月清), on the two clocks: its figures as filed (as known at the
 * filing instant) against the same figures as known now, and for each that differs, the records that entered or left
 * its drill-down list ({@link FigureChanges}) with the facts recorded on them since, from the event store as the audit
 * trail reads it (who recorded each, in which role, when and why).
 */
@Component
class ReportRevisions {

    /**
     * One figure of a report: its path in the report's figures, its label, its value, and the drill-down that lists
     * its records (null when it has none).
     */
    private record Item(String figure, String label, Function<MonthlyFiguresView, Object> value, String list,
                        boolean opening) {
    }

    private final ReportQueries reports;
    private final DashboardQueries dashboard;
    private final FigureChanges changes;
    private final ObjectProvider<StoredEvents> store;
    private final ZoneId zone;

    ReportRevisions(ReportQueries reports, DashboardQueries dashboard, FigureChanges changes,
                    ObjectProvider<StoredEvents> store, Clock clock) {
        this.reports = reports;
        this.dashboard = dashboard;
        this.changes = changes;
        this.store = store;
        this.zone = clock.getZone();
    }

    ReportRevisionsView revisions(ReportId id, Labels labels) {
        MonthlyReportView report = reports.report(id);
        StoredEvents events = store.getIfAvailable();
        if (events == null) {
            throw RejectionException.conflict("EVENT_STORE_NOT_IN_DATABASE", "the revisions of a report read the "
                    + "database event store for who recorded what; with Axon Server storing the events they are not "
                    + "available");
        }
        MonthlyFiguresView filed = report.figures();
        Instant knownAt = filed.indicators().knownAt() != null ? filed.indicators().knownAt() : report.filedAt();
        YearMonth month = report.month();
        Report then = new Report(AreaSql.of(new AreaCode(report.areaCode())), month.atDay(1), month.atEndOfMonth(),
                new KnownAt(knownAt));
        Report live = new Report(then.area(), then.from(), then.to(), KnownAt.LIVE);
        MonthlyFiguresView now = dashboard.monthlyFigures(live);

        Map<String, FigureChanges.Changes> listed = new HashMap<>();
        Map<String, List<StoredEvent>> streams = new HashMap<>();
        Instant since = then.knownAt().instant();
        List<FigureRevision> revised = new ArrayList<>();
        for (Item item : items(labels)) {
            Object before = item.value().apply(filed);
            Object after = item.value().apply(now);
            if (same(before, after)) {
                continue;
            }
            if (item.list() == null) {
                revised.add(new FigureRevision(item.figure(), item.label(), before, after, null, null));
                continue;
            }
            FigureChanges.Changes changed = listed.computeIfAbsent(item.list() + (item.opening() ? "@eve" : ""),
                    key -> changes.since(item.list(), item.opening()
                            ? then.over(then.from().minusDays(1), then.from().minusDays(1)) : then));
            revised.add(new FigureRevision(item.figure(), item.label(), before, after,
                    records(changed.entered(), since, events, streams),
                    records(changed.left(), since, events, streams)));
        }
        return new ReportRevisionsView(report.reportId(), report.revision(), report.filedAt(), knownAt, revised);
    }

    /** Each record with the facts recorded after the instant on its own stream and on its households'. */
    private List<RevisedRecord> records(List<FigureChanges.ChangedRecord> records, Instant since, StoredEvents events,
                                        Map<String, List<StoredEvent>> streams) {
        // the streams of every record listed and of their households, those not read for another figure in one read
        Set<String> unread = new LinkedHashSet<>();
        records.forEach(record -> streamsOf(record).filter(id -> !streams.containsKey(id)).forEach(unread::add));
        streams.putAll(events.ofRecords(unread));
        List<RevisedRecord> revised = new ArrayList<>();
        for (FigureChanges.ChangedRecord record : records) {
            Map<Long, StoredEvent> facts = new TreeMap<>();
            streamsOf(record).flatMap(id -> streams.get(id).stream())
                             .filter(event -> event.recordedAt().isAfter(since))
                             .forEach(event -> facts.put(event.position(), event));
            revised.add(new RevisedRecord(record.recordType(), record.recordId(), record.name(),
                    facts.values().stream().map(this::fact).toList()));
        }
        return revised;
    }

    /** The ids of a record's own stream and of its households'. */
    private static Stream<String> streamsOf(FigureChanges.ChangedRecord record) {
        return Stream.concat(Stream.of(record.recordId()), record.households().stream()).map(UUID::toString);
    }

    private Fact fact(StoredEvent event) {
        return new Fact(event.type(), BusinessDates.of(event.payload(), zone).orElse(null), event.recordedAt(),
                text(event, AuditMetaData.ACTOR), text(event, AuditMetaData.ROLE), text(event, AuditMetaData.REASON),
                event.aggregateType(), event.aggregateId());
    }

    private static String text(StoredEvent event, String key) {
        Object value = event.metaData().get(key);
        return value == null ? null : value.toString();
    }

    /** Equal values; decimals equal whatever their scale. */
    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Every figure of a report, in the order of its document, with the drill-down that lists its records. */
    private static List<Item> items(Labels labels) {
        String numerator = " · " + labels.get("report.column.numerator");
        String denominator = " · " + labels.get("report.column.denominator");
        List<Item> items = new ArrayList<>();
        items.add(item(labels, "indicators.population.start", "report.populationStart",
                f -> f.indicators().population().start(), "populationStart"));
        items.add(item(labels, "indicators.population.end", "report.populationEnd",
                f -> f.indicators().population().end(), "populationEnd"));
        items.add(item(labels, "indicators.population.mean", "report.populationMean",
                f -> f.indicators().population().mean(), null));
        items.add(item(labels, "indicators.households", "report.households",
                f -> f.indicators().households(), "households"));
        items.add(item(labels, "indicators.births.total", "report.births", f -> f.indicators().births().total(),
                "births"));
        items.add(item(labels, "indicators.births.male", "report.maleBirths", f -> f.indicators().births().male(),
                "maleBirths"));
        items.add(item(labels, "indicators.births.female", "report.femaleBirths",
                f -> f.indicators().births().female(), "femaleBirths"));
        items.add(item(labels, "indicators.births.byOrder.1", "report.firstBirths",
                f -> f.indicators().births().byOrder().first(), "firstBirths"));
        items.add(item(labels, "indicators.births.byOrder.2", "report.secondBirths",
                f -> f.indicators().births().byOrder().second(), "secondBirths"));
        items.add(item(labels, "indicators.births.byOrder.3+", "report.thirdOrLaterBirths",
                f -> f.indicators().births().byOrder().thirdOrLater(), "thirdOrLaterBirths"));
        items.add(item(labels, "indicators.deaths", "report.deaths", f -> f.indicators().deaths(), "deaths"));

        String sexRatio = labels.get("report.sexRatioAtBirth");
        items.add(new Item("indicators.sexRatioAtBirth.value", sexRatio,
                f -> f.indicators().sexRatioAtBirth().value(), null, false));
        items.add(new Item("indicators.sexRatioAtBirth.male", sexRatio + numerator,
                f -> f.indicators().sexRatioAtBirth().male(), "maleBirths", false));
        items.add(new Item("indicators.sexRatioAtBirth.female", sexRatio + denominator,
                f -> f.indicators().sexRatioAtBirth().female(), "femaleBirths", false));
        String birthRate = labels.get("report.birthRate");
        items.add(new Item("indicators.birthRatePerMille.value", birthRate,
                f -> f.indicators().birthRatePerMille().value(), null, false));
        items.add(new Item("indicators.birthRatePerMille.births", birthRate + numerator,
                f -> f.indicators().birthRatePerMille().births(), "births", false));
        items.add(new Item("indicators.birthRatePerMille.meanPopulation", birthRate + denominator,
                f -> f.indicators().birthRatePerMille().meanPopulation(), null, false));
        String deathRate = labels.get("report.deathRate");
        items.add(new Item("indicators.deathRatePerMille.value", deathRate,
                f -> f.indicators().deathRatePerMille().value(), null, false));
        items.add(new Item("indicators.deathRatePerMille.deaths", deathRate + numerator,
                f -> f.indicators().deathRatePerMille().deaths(), "deaths", false));
        items.add(new Item("indicators.deathRatePerMille.meanPopulation", deathRate + denominator,
                f -> f.indicators().deathRatePerMille().meanPopulation(), null, false));
        String growth = labels.get("report.naturalGrowthRate");
        items.add(new Item("indicators.naturalGrowthRatePerMille.value", growth,
                f -> f.indicators().naturalGrowthRatePerMille().value(), null, false));
        items.add(new Item("indicators.naturalGrowthRatePerMille.births", growth + " · " + labels.get("report.births"),
                f -> f.indicators().naturalGrowthRatePerMille().births(), "births", false));
        items.add(new Item("indicators.naturalGrowthRatePerMille.deaths", growth + " · " + labels.get("report.deaths"),
                f -> f.indicators().naturalGrowthRatePerMille().deaths(), "deaths", false));
        items.add(new Item("indicators.naturalGrowthRatePerMille.meanPopulation", growth + denominator,
                f -> f.indicators().naturalGrowthRatePerMille().meanPopulation(), null, false));

        items.add(item(labels, "indicators.floating.movedIn", "report.movedIn",
                f -> f.indicators().floating().movedIn(), "movedIn"));
        items.add(item(labels, "indicators.floating.movedOut", "report.movedOut",
                f -> f.indicators().floating().movedOut(), "movedOut"));
        items.add(item(labels, "indicators.floating.floatingInAtEnd", "report.floatingInAtEnd",
                f -> f.indicators().floating().floatingInAtEnd(), "floatingInAtEnd"));
        items.add(item(labels, "indicators.womenOfChildbearingAge.total", "report.womenOfChildbearingAge",
                f -> f.indicators().womenOfChildbearingAge().total(), "womenOfChildbearingAge"));
        items.add(item(labels, "indicators.womenOfChildbearingAge.married", "report.marriedWomen",
                f -> f.indicators().womenOfChildbearingAge().married(), "marriedWomenOfChildbearingAge"));
        String coverage = labels.get("report.checkUpCoverage");
        items.add(new Item("indicators.checkUpCoverage.value", coverage,
                f -> f.indicators().checkUpCoverage().value(), null, false));
        items.add(new Item("indicators.checkUpCoverage.checked", coverage + numerator,
                f -> f.indicators().checkUpCoverage().checked(), "checkUpChecked", false));
        items.add(new Item("indicators.checkUpCoverage.eligible", coverage + denominator,
                f -> f.indicators().checkUpCoverage().eligible(), "checkUpEligible", false));

        items.add(item(labels, "indicators.benefits.recipients", "report.benefitRecipients",
                f -> f.indicators().benefits().recipients(), "benefitRecipients"));
        items.add(item(labels, "indicators.benefits.amountPaid", "report.amountPaid",
                f -> f.indicators().benefits().amountPaid(), "payments"));
        for (Programme programme : Programme.values()) {
            String name = labels.get("report.programme." + programme) + " · ";
            String path = "indicators.benefits.byProgramme." + programme;
            items.add(new Item(path + ".recipients", name + labels.get("report.benefitRecipients"),
                    f -> byProgramme(f, programme) == null ? null : byProgramme(f, programme).recipients(), null,
                    false));
            items.add(new Item(path + ".amountPaid", name + labels.get("report.amountPaid"),
                    f -> byProgramme(f, programme) == null ? null : byProgramme(f, programme).amountPaid(), null,
                    false));
        }

        String balance = labels.get("report.section.balance") + " · ";
        items.add(new Item("balance.opening", balance + labels.get("report.balance.opening"),
                f -> f.balance().opening(), "populationStart", true));
        items.add(new Item("balance.births", balance + labels.get("report.balance.births"),
                f -> f.balance().births(), "births", false));
        items.add(new Item("balance.movedIn", balance + labels.get("report.balance.movedIn"),
                f -> f.balance().movedIn(), "populationMovedIn", false));
        items.add(new Item("balance.deaths", balance + labels.get("report.balance.deaths"),
                f -> f.balance().deaths(), "deaths", false));
        items.add(new Item("balance.movedOut", balance + labels.get("report.balance.movedOut"),
                f -> f.balance().movedOut(), "populationMovedOut", false));
        items.add(new Item("balance.closing", balance + labels.get("report.balance.closing"),
                f -> f.balance().closing(), "populationEnd", false));
        return items;
    }

    private static Item item(Labels labels, String figure, String label, Function<MonthlyFiguresView, Object> value,
                             String list) {
        return new Item(figure, labels.get(label), value, list, false);
    }

    private static IndicatorsView.ProgrammeBenefits byProgramme(MonthlyFiguresView figures, Programme programme) {
        return figures.indicators().benefits().byProgramme().get(programme);
    }
}
