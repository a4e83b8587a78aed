package org.registry.query.dashboard;

import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.kernel.dashboard.PopulationBalanceMonth;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.kernel.query.PageView;
import org.registry.query.api.Paging;
import org.registry.query.api.Rates;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.registry.query.ledger.benefit.BenefitQueries;
import org.registry.query.ledger.floating.Direction;
import org.registry.query.ledger.floating.FloatingRegister;
import org.registry.query.residence.Residents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The dashboard's figures, its drill-downs and the monthly population balance. Every count is the count of a
 * {@link Figure}'s selection; the counts over the residence history are taken in one pass over the area's
 * segments (one conditional sum per figure, each with the figure's own predicate), which is what keeps a county of
 * a million residents well under a second.
 */
@Component
class DashboardQueries {

    /** The longest balance answered in one request: ten years of months. */
    static final int MAX_MONTHS = 120;

    private static final Logger log = LoggerFactory.getLogger(DashboardQueries.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final FloatingRegister floating;
    private final BenefitQueries benefits;

    DashboardQueries(NamedParameterJdbcTemplate jdbc, FloatingRegister floating, BenefitQueries benefits) {
        this.jdbc = jdbc;
        this.floating = floating;
        this.benefits = benefits;
    }

    IndicatorsView indicators(Report report) {
        MapSqlParameterSource parameters = report.parameters();
        List<Figure> scanned = Arrays.stream(Figure.values()).filter(figure -> figure.kind().segments()).toList();
        Map<Figure, Long> counts = scan(report, scanned, parameters);
        long start = counts.get(Figure.POPULATION_START);
        long end = counts.get(Figure.POPULATION_END);
        long births = counts.get(Figure.BIRTHS);
        long male = counts.get(Figure.MALE_BIRTHS);
        long female = counts.get(Figure.FEMALE_BIRTHS);
        long deaths = counts.get(Figure.DEATHS);
        long eligible = counts.get(Figure.CHECK_UP_ELIGIBLE);
        long checked = counts.get(Figure.CHECK_UP_CHECKED);
        BigDecimal mean = Rates.mean(start, end);

        Map<Programme, Long> recipients = benefits.recipientsByProgramme(report);
        Map<Programme, BigDecimal> paid = benefits.amountPaid(report);
        Map<Programme, IndicatorsView.ProgrammeBenefits> byProgramme = new EnumMap<>(Programme.class);
        for (Programme programme : Programme.values()) {
            byProgramme.put(programme, new IndicatorsView.ProgrammeBenefits(recipients.get(programme),
                    paid.get(programme)));
        }
        return new IndicatorsView(report.area().code(), report.from(), report.to(), report.knownAt().instant(),
                new IndicatorsView.Population(start, end, mean),
                count(Figure.HOUSEHOLDS.selection(report), parameters),
                new IndicatorsView.Births(births, male, female, birthOrders(report, parameters)),
                deaths,
                new IndicatorsView.SexRatio(Rates.rate(male, female, 100), male, female),
                new IndicatorsView.BirthRate(Rates.perMille(births, mean), births, mean),
                new IndicatorsView.DeathRate(Rates.perMille(deaths, mean), deaths, mean),
                new IndicatorsView.NaturalGrowthRate(Rates.perMille(births - deaths, mean), births, deaths, mean),
                new IndicatorsView.Floating(counts.get(Figure.MOVED_IN), counts.get(Figure.MOVED_OUT),
                        counts.get(Figure.FLOATING_IN_AT_END)),
                new IndicatorsView.Women(counts.get(Figure.WOMEN_OF_CHILDBEARING_AGE),
                        counts.get(Figure.MARRIED_WOMEN_OF_CHILDBEARING_AGE)),
                new IndicatorsView.Coverage(Rates.percent(checked, eligible), checked, eligible),
                new IndicatorsView.Benefits(recipients.values().stream().mapToLong(Long::longValue).sum(),
                        BenefitQueries.money(paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)),
                        byProgramme));
    }

    /**
     * The population balance by month: each month's opening and closing are counted, not derived, and so are its
     * movements; that the identity holds is the residence history's doing (every stay begins with a birth or a move
     * in, or continues one inside the area, and ends likewise), and a month where it would not is logged.
     */
    List<PopulationBalanceMonth> balance(Report report) {
        List<LocalDate[]> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(report.from()); !month.atDay(1).isAfter(report.to());
             month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(report.from()) ? report.from() : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(report.to()) ? report.to() : month.atEndOfMonth();
            months.add(new LocalDate[] {first, last});
        }
        if (months.size() > MAX_MONTHS) {
            throw RejectionException.invalid("to", "VALIDATION_FAILED",
                    "a balance covers at most " + MAX_MONTHS + " months; ask for a shorter period");
        }
        MapSqlParameterSource parameters = report.parameters().addValue("eve", report.from().minusDays(1));
        Map<String, Function<Report, Selection>> columns = new LinkedHashMap<>();
        columns.put("opening", each -> Residents.populationOn(each, "eve"));
        columns.put("births", Residents::births);
        columns.put("moved_in", Residents::movedIn);
        columns.put("deaths", Residents::deaths);
        columns.put("moved_out", Residents::movedOut);
        columns.put("closing", each -> Residents.populationOn(each, "to"));
        List<String> sums = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            parameters.addValue("eve_" + i, months.get(i)[0].minusDays(1))
                      .addValue("from_" + i, months.get(i)[0])
                      .addValue("to_" + i, months.get(i)[1]);
            for (Map.Entry<String, Function<Report, Selection>> column : columns.entrySet()) {
                String predicate = renamed(column.getValue().apply(report).where(), i);
                sums.add("SUM(CASE WHEN " + predicate + " THEN 1 ELSE 0 END) AS " + column.getKey() + "_" + i);
            }
        }
        Selection any = Residents.segments(report, "1 = 1");
        String sql = "SELECT " + String.join(", ", sums) + " FROM " + any.from() + " WHERE " + report.area().rows("s")
                + " AND s.valid_from <= :to AND (s.valid_to IS NULL OR s.valid_to >= :eve)";
        Map<String, Object> row = jdbc.queryForMap(sql, parameters);
        List<PopulationBalanceMonth> balance = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            PopulationBalanceMonth month = new PopulationBalanceMonth(YearMonth.from(months.get(i)[0]),
                    number(row, "opening_" + i), number(row, "births_" + i), number(row, "moved_in_" + i),
                    number(row, "deaths_" + i), number(row, "moved_out_" + i), number(row, "closing_" + i));
            if (month.opening() + month.births() + month.movedIn() - month.deaths() - month.movedOut()
                    != month.closing()) {
                log.warn("The population balance of {} does not hold in {}: {}", report.area().code(),
                        month.month(), month);
            }
            balance.add(month);
        }
        return balance;
    }

    /** The records behind one figure, a page of them. */
    PageView<?> drillDown(Figure figure, Report report, Paging paging) {
        return switch (figure.kind()) {
            case RESIDENT -> residents(figure, report, paging);
            case FLOATING -> switch (figure) {
                case MOVED_IN -> floating.entries(report, Direction.IN, true, null,
                        FloatingRegister.DEFAULT_EXPIRY_WINDOW_DAYS, paging);
                case MOVED_OUT -> floating.entries(report, Direction.OUT, true, null,
                        FloatingRegister.DEFAULT_EXPIRY_WINDOW_DAYS, paging);
                case FLOATING_IN_AT_END -> floating.entries(report, Direction.IN, false, null,
                        FloatingRegister.DEFAULT_EXPIRY_WINDOW_DAYS, paging);
                default -> throw new IllegalStateException("no register for " + figure);
            };
            case HOUSEHOLD -> households(report, paging);
            case RECIPIENT -> benefits.recipients(report, paging);
            case PAYMENT -> benefits.paymentRows(report, paging);
        };
    }

    private PageView<ResidentRecord> residents(Figure figure, Report report, Paging paging) {
        Selection counted = figure.selection(report);
        Selection selection = new Selection(counted.from() + Residents.NAMES, counted.where());
        MapSqlParameterSource parameters = report.parameters()
                .addValue("limit", paging.size())
                .addValue("offset", paging.offset());
        String birthOrder = figure == Figure.BIRTHS || figure == Figure.MALE_BIRTHS || figure == Figure.FEMALE_BIRTHS
                ? Residents.birthOrder(report.knownAt()) : "CAST(NULL AS INTEGER)";
        List<ResidentRecord> items = jdbc.query(selection.page("""
                        s.person_id, n.name, n.national_id, s.sex, s.birth_date, s.residency, s.marital_status,
                        s.community_code, s.household_id, %s AS fact_date, %s AS birth_order""".formatted(
                        figure.date(), birthOrder), "s.community_code, fact_date, n.name, s.person_id, s.valid_from, s.id"),
                parameters, (rs, row) -> {
                    Number order = (Number) rs.getObject("birth_order");
                    return new ResidentRecord(rs.getObject("person_id", UUID.class), rs.getString("name"),
                            rs.getString("national_id"), Sex.valueOf(rs.getString("sex")),
                            rs.getObject("birth_date", LocalDate.class), Residency.valueOf(rs.getString("residency")),
                            MaritalStatus.valueOf(rs.getString("marital_status")), rs.getString("community_code"),
                            rs.getObject("household_id", UUID.class), rs.getObject("fact_date", LocalDate.class),
                            order == null ? null : order.intValue());
                });
        return new PageView<>(items, paging.page(), paging.size(), count(selection, parameters));
    }

    private PageView<HouseholdRecord> households(Report report, Paging paging) {
        Selection selection = Figure.HOUSEHOLDS.selection(report);
        MapSqlParameterSource parameters = report.parameters()
                .addValue("limit", paging.size())
                .addValue("offset", paging.offset());
        List<HouseholdRecord> items = jdbc.query(selection.page("""
                        h.household_id, h.community_code, h.address, h.kind, h.household_number, h.registered_on""",
                "h.community_code, h.registered_on, h.household_id"), parameters, (rs, row) -> new HouseholdRecord(
                rs.getObject("household_id", UUID.class), rs.getString("community_code"), rs.getString("address"),
                HouseholdKind.valueOf(rs.getString("kind")), rs.getString("household_number"),
                rs.getObject("registered_on", LocalDate.class)));
        return new PageView<>(items, paging.page(), paging.size(), count(selection, parameters));
    }

    /** The figures over the residence history in one pass: a conditional sum of each figure's own predicate. */
    private Map<Figure, Long> scan(Report report, List<Figure> figures, MapSqlParameterSource parameters) {
        String from = null;
        List<String> sums = new ArrayList<>();
        for (Figure figure : figures) {
            Selection selection = figure.selection(report);
            if (from != null && !from.equals(selection.from())) {
                throw new IllegalStateException(figure + " does not select from the residence history");
            }
            from = selection.from();
            sums.add("SUM(CASE WHEN " + selection.where() + " THEN 1 ELSE 0 END) AS " + figure.name());
        }
        // every figure's records began by `to` and ended no earlier than `from`: the pass reads no other row
        Map<String, Object> row = jdbc.queryForMap("SELECT " + String.join(", ", sums) + " FROM " + from
                + " WHERE " + report.area().rows("s")
                + " AND s.valid_from <= :to AND (s.valid_to IS NULL OR s.valid_to >= :from)", parameters);
        Map<Figure, Long> counts = new EnumMap<>(Figure.class);
        for (Figure figure : figures) {
            counts.put(figure, number(row, figure.name()));
        }
        return counts;
    }

    private IndicatorsView.ByOrder birthOrders(Report report, MapSqlParameterSource parameters) {
        Selection births = Figure.BIRTHS.selection(report);
        long[] byOrder = new long[4];
        jdbc.query("SELECT CASE WHEN o >= 3 THEN 3 ELSE o END AS bucket, COUNT(*) AS births FROM (SELECT "
                + Residents.birthOrder(report.knownAt()) + " AS o FROM " + births.from() + " WHERE " + births.where()
                + ") x GROUP BY CASE WHEN o >= 3 THEN 3 ELSE o END", parameters, rs -> {
            byOrder[rs.getInt("bucket")] = rs.getLong("births");
        });
        return new IndicatorsView.ByOrder(byOrder[1], byOrder[2], byOrder[3]);
    }

    private long count(Selection selection, MapSqlParameterSource parameters) {
        Long count = jdbc.queryForObject(selection.count(), parameters, Long.class);
        return count == null ? 0 : count;
    }

    /** A figure's predicate for month {@code i} of a balance: its period and day parameters are the month's. */
    static String renamed(String predicate, int i) {
        return predicate.replaceAll(":(from|to|eve)\\b", ":$1_" + i);
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            value = row.get(column.toLowerCase(java.util.Locale.ROOT));
        }
        if (value == null) {
            value = row.get(column.toUpperCase(java.util.Locale.ROOT));
        }
        return value == null ? 0 : ((Number) value).longValue();
    }
}
