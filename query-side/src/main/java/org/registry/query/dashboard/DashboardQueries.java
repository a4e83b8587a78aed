package org.registry.query.dashboard;

import jakarta.annotation.PreDestroy;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.kernel.dashboard.PopulationBalanceMonth;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.kernel.query.PageView;
import org.registry.kernel.report.MonthlyFiguresView;
import org.registry.query.api.Paging;
import org.registry.query.api.Rates;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.registry.query.ledger.benefit.BenefitQueries;
import org.registry.query.ledger.floating.Direction;
import org.registry.query.ledger.floating.FloatingRegister;
import org.registry.query.residence.Residents;
import org.registry.query.residence.Stocks;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The dashboard's figures, its drill-downs and the monthly population balance. Every count is the count of a
 * {@link Figure}'s selection, taken with the other figures of its {@link Figure.Pass} in one read of the rows the
 * pass implies (one conditional sum per figure, each with the figure's own predicate). The stocks (who lived in the
 * area on the first and last day, floating residents on the last, households) come from the monthly tally
 * ({@link Stocks}), which counts the same rows: a county of a million residents is answered well under a second.
 */
@Component
public class DashboardQueries {

    /** The longest balance answered in one request: ten years of months. */
    static final int MAX_MONTHS = 120;

    private static final Logger log = LoggerFactory.getLogger(DashboardQueries.class);

    /** How many of one dashboard's reads run side by side. */
    static final int READERS = 4;

    private final NamedParameterJdbcTemplate jdbc;
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "dashboard-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });
    private final Stocks stocks;
    private final FloatingRegister floating;
    private final BenefitQueries benefits;

    DashboardQueries(NamedParameterJdbcTemplate jdbc, Stocks stocks, FloatingRegister floating,
                     BenefitQueries benefits) {
        this.jdbc = jdbc;
        this.stocks = stocks;
        this.floating = floating;
        this.benefits = benefits;
    }

    public IndicatorsView indicators(Report report) {
        // the reads are independent of each other: run side by side, on connections of their own
        List<CompletableFuture<Map<Figure, Long>>> passes = new ArrayList<>();
        for (Figure.Pass pass : Figure.Pass.values()) {
            passes.add(read(() -> pass == Figure.Pass.WOMEN ? women(report)
                    : pass(report, pass, report.parameters())));
        }
        CompletableFuture<Long> checkedCount = read(() -> count(Figure.CHECK_UP_CHECKED.selection(report),
                report.parameters()));
        CompletableFuture<List<Stocks.Stock>> stock = read(() -> stocks.on(report.area(),
                List.of(report.from(), report.to()), report.knownAt()));
        CompletableFuture<Map<Programme, Long>> recipientCounts = read(() -> benefits.recipientsByProgramme(report));
        CompletableFuture<Map<Programme, BigDecimal>> amounts = read(() -> benefits.amountPaid(report));

        Map<Figure, Long> counts = new EnumMap<>(Figure.class);
        passes.forEach(pass -> counts.putAll(join(pass)));
        counts.put(Figure.CHECK_UP_CHECKED, join(checkedCount));
        List<Stocks.Stock> days = join(stock);
        counts.put(Figure.POPULATION_START, days.get(0).living());
        counts.put(Figure.POPULATION_END, days.get(1).living());
        counts.put(Figure.FLOATING_IN_AT_END, days.get(1).floating());
        long households = days.get(1).households();
        long start = counts.get(Figure.POPULATION_START);
        long end = counts.get(Figure.POPULATION_END);
        long births = counts.get(Figure.BIRTHS);
        long male = counts.get(Figure.MALE_BIRTHS);
        long female = counts.get(Figure.FEMALE_BIRTHS);
        long deaths = counts.get(Figure.DEATHS);
        long eligible = counts.get(Figure.CHECK_UP_ELIGIBLE);
        long checked = counts.get(Figure.CHECK_UP_CHECKED);
        BigDecimal mean = Rates.mean(start, end);

        Map<Programme, Long> recipients = join(recipientCounts);
        Map<Programme, BigDecimal> paid = join(amounts);
        Map<Programme, IndicatorsView.ProgrammeBenefits> byProgramme = new EnumMap<>(Programme.class);
        for (Programme programme : Programme.values()) {
            byProgramme.put(programme, new IndicatorsView.ProgrammeBenefits(recipients.get(programme),
                    paid.get(programme)));
        }
        return new IndicatorsView(report.area().code(), report.from(), report.to(), report.knownAt().instant(),
                new IndicatorsView.Population(start, end, mean),
                households,
                new IndicatorsView.Births(births, male, female, new IndicatorsView.ByOrder(
                        counts.get(Figure.FIRST_BIRTHS), counts.get(Figure.SECOND_BIRTHS),
                        counts.get(Figure.THIRD_OR_LATER_BIRTHS))),
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

    /** A monthly report's figures: the indicators and the population balance of its one month. */
    public MonthlyFiguresView monthlyFigures(Report month) {
        return new MonthlyFiguresView(indicators(month), balance(month).get(0));
    }

    /**
     * The population balance by month. Each month's opening and closing are counted (from the tally), and so are
     * its births, deaths and moves (from the segments that began or ended in it): that the identity holds is the
     * residence history's doing (every stay begins with a birth or a move in, or continues one inside the area, and
     * ends likewise), and a month where it would not is logged.
     */
    public List<PopulationBalanceMonth> balance(Report report) {
        List<LocalDate[]> months = months(report);
        // the opening of the period, then the closing of each month
        List<LocalDate> days = new ArrayList<>();
        days.add(report.from().minusDays(1));
        months.forEach(month -> days.add(month[1]));
        List<Long> population = populationOn(report, days);

        MapSqlParameterSource parameters = monthParameters(report, months);
        Map<String, Object> began = monthly(report, Figure.Pass.BEGAN, Map.of("births", Residents::births,
                "moved_in", Residents::movedIn), months.size(), parameters);
        Map<String, Object> ended = monthly(report, Figure.Pass.ENDED, Map.of("deaths", Residents::deaths,
                "moved_out", Residents::movedOut), months.size(), parameters);
        List<PopulationBalanceMonth> balance = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            PopulationBalanceMonth month = new PopulationBalanceMonth(YearMonth.from(months.get(i)[0]),
                    population.get(i), number(began, "births_" + i), number(began, "moved_in_" + i),
                    number(ended, "deaths_" + i), number(ended, "moved_out_" + i), population.get(i + 1));
            if (month.opening() + month.births() + month.movedIn() - month.deaths() - month.movedOut()
                    != month.closing()) {
                log.warn("The population balance of {} does not hold in {}: {}", report.area().code(),
                        month.month(), month);
            }
            balance.add(month);
        }
        return balance;
    }

    /**
     * Births month by month, by sex and by birth order: the figures {@code births}, {@code maleBirths},
     * {@code femaleBirths}, {@code firstBirths}, {@code secondBirths} and {@code thirdOrLaterBirths} counted for each
     * month's days in the period, so a month's figure is the total of that figure's drill-down over those days.
     */
    public List<BirthsMonth> birthsByMonth(Report report) {
        List<LocalDate[]> months = months(report);
        Map<String, Function<Report, Selection>> figures = new java.util.LinkedHashMap<>();
        for (Figure figure : List.of(Figure.BIRTHS, Figure.MALE_BIRTHS, Figure.FEMALE_BIRTHS, Figure.FIRST_BIRTHS,
                Figure.SECOND_BIRTHS, Figure.THIRD_OR_LATER_BIRTHS)) {
            figures.put(figure.name().toLowerCase(java.util.Locale.ROOT), figure::selection);
        }
        Map<String, Object> counts = monthly(report, Figure.Pass.BEGAN, figures, months.size(),
                monthParameters(report, months));
        List<BirthsMonth> births = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            births.add(new BirthsMonth(YearMonth.from(months.get(i)[0]), months.get(i)[0], months.get(i)[1],
                    number(counts, "births_" + i), number(counts, "male_births_" + i),
                    number(counts, "female_births_" + i), new IndicatorsView.ByOrder(
                    number(counts, "first_births_" + i), number(counts, "second_births_" + i),
                    number(counts, "third_or_later_births_" + i))));
        }
        return births;
    }

    /** The months of the report's period, each as its first and last day in the period. */
    private static List<LocalDate[]> months(Report report) {
        List<LocalDate[]> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(report.from()); !month.atDay(1).isAfter(report.to());
             month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(report.from()) ? report.from() : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(report.to()) ? report.to() : month.atEndOfMonth();
            months.add(new LocalDate[] {first, last});
            if (months.size() > MAX_MONTHS) {
                throw RejectionException.invalid("to", "VALIDATION_FAILED",
                        "a period by month covers at most " + MAX_MONTHS + " months; ask for a shorter period");
            }
        }
        return months;
    }

    /** The report's parameters, and each month's first and last day as {@code from_<i>} and {@code to_<i>}. */
    private static MapSqlParameterSource monthParameters(Report report, List<LocalDate[]> months) {
        MapSqlParameterSource parameters = report.parameters();
        for (int i = 0; i < months.size(); i++) {
            parameters.addValue("from_" + i, months.get(i)[0]).addValue("to_" + i, months.get(i)[1]);
        }
        return parameters;
    }

    /** Who lived in the area on each day (as known at the report's instant). */
    private List<Long> populationOn(Report report, List<LocalDate> days) {
        return stocks.on(report.area(), days, report.knownAt()).stream().map(Stocks.Stock::living).toList();
    }

    /** Figures of one pass, month by month: each figure's predicate with the month's period for the report's. */
    private Map<String, Object> monthly(Report report, Figure.Pass pass, Map<String, Function<Report, Selection>> figures,
                                        int months, MapSqlParameterSource parameters) {
        List<String> sums = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            for (Map.Entry<String, Function<Report, Selection>> figure : figures.entrySet()) {
                sums.add("SUM(CASE WHEN " + renamed(figure.getValue().apply(report).where(), i) + " THEN 1 ELSE 0 END)"
                        + " AS " + figure.getKey() + "_" + i);
            }
        }
        return jdbc.queryForMap("SELECT " + String.join(", ", sums) + " FROM " + Residents.segments(report.knownAt())
                + " WHERE " + report.area().rows("s") + " AND " + pass.condition(), parameters);
    }

    /** The records behind the figure of this name (as the API names it), a page of them. */
    public PageView<?> drillDown(String figure, Report report, PersonFilter filter, Paging paging) {
        return drillDown(Figure.of(figure), report, filter, paging);
    }

    /**
     * Who lived in the area on {@code to} by sex and age on that day, in five-year bands ({@link Pyramid}): the
     * records of {@code populationEnd}, counted by birth date, so the bands add up to that figure.
     */
    public Pyramid pyramid(Report report) {
        Selection living = Figure.POPULATION_END.selection(report);
        List<Pyramid.Count> counts = jdbc.query("SELECT s.sex, s.birth_date, COUNT(*) AS n FROM " + living.from()
                        + " WHERE " + living.where() + " GROUP BY s.sex, s.birth_date", report.parameters(),
                (rs, row) -> new Pyramid.Count(Sex.valueOf(rs.getString("sex")),
                        rs.getObject("birth_date", LocalDate.class), rs.getLong("n")));
        return Pyramid.of(report.to(), counts);
    }

    /**
     * Check-up coverage community by community: the records of {@code checkUpEligible} and {@code checkUpChecked}
     * counted by community, so each community's pair adds up to the area's figures.
     */
    public Map<String, IndicatorsView.Coverage> coverageByCommunity(Report report) {
        Map<String, Long> eligible = byCommunity(Figure.CHECK_UP_ELIGIBLE.selection(report), report);
        Map<String, Long> checked = byCommunity(Figure.CHECK_UP_CHECKED.selection(report), report);
        Map<String, IndicatorsView.Coverage> coverage = new java.util.TreeMap<>();
        eligible.forEach((community, count) -> {
            long done = checked.getOrDefault(community, 0L);
            coverage.put(community, new IndicatorsView.Coverage(Rates.percent(done, count), done, count));
        });
        return coverage;
    }

    private Map<String, Long> byCommunity(Selection selection, Report report) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.query("SELECT s.community_code, COUNT(*) AS n FROM " + selection.from() + " WHERE " + selection.where()
                + " GROUP BY s.community_code", report.parameters(),
                rs -> {
                    counts.put(rs.getString("community_code"), rs.getLong("n"));
                });
        return counts;
    }

    /** The records behind one figure, a page of them. */
    PageView<?> drillDown(Figure figure, Report report, PersonFilter filter, Paging paging) {
        if (figure.kind() != Figure.Kind.RESIDENT && !filter.none()) {
            throw RejectionException.invalid("sex", "VALIDATION_FAILED", "sex, ageFrom and ageTo narrow figures of "
                    + "residents; '" + figure.apiName() + "' lists " + figure.kind().name().toLowerCase(
                    java.util.Locale.ROOT) + " records");
        }
        return switch (figure.kind()) {
            case RESIDENT -> residents(figure, report, filter, paging);
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

    private PageView<ResidentRecord> residents(Figure figure, Report report, PersonFilter filter, Paging paging) {
        MapSqlParameterSource parameters = report.parameters()
                .addValue("limit", paging.size())
                .addValue("offset", paging.offset());
        Selection counted = filter.narrow(figure.selection(report), report, parameters);
        Selection selection = new Selection(counted.from() + Residents.NAMES, counted.where());
        // the birth order belongs to a birth; for another figure it would say nothing about the record
        String birthOrder = figure.name().endsWith("BIRTHS") ? "s.birth_order" : "CAST(NULL AS INTEGER)";
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

    /**
     * The women of childbearing age, the married among them and so the eligible for check-ups: of a county as known
     * now from its tally ({@link Stocks#women}), which counts the same segments; otherwise their pass.
     */
    private Map<Figure, Long> women(Report report) {
        Optional<Stocks.Women> tallied = report.knownAt().live()
                ? stocks.women(report.area(), report.to(), report.bornAfter(), report.bornBy()) : Optional.empty();
        return tallied.map(women -> Map.of(Figure.WOMEN_OF_CHILDBEARING_AGE, women.all(),
                        Figure.MARRIED_WOMEN_OF_CHILDBEARING_AGE, women.married(),
                        Figure.CHECK_UP_ELIGIBLE, women.married()))
                .orElseGet(() -> pass(report, Figure.Pass.WOMEN, report.parameters()));
    }

    /** The figures of one pass in one read: a conditional sum of each figure's own predicate. */
    private Map<Figure, Long> pass(Report report, Figure.Pass pass, MapSqlParameterSource parameters) {
        List<Figure> figures = Arrays.stream(Figure.values()).filter(figure -> figure.pass() == pass).toList();
        String from = Residents.segments(report.knownAt());
        List<String> sums = new ArrayList<>();
        for (Figure figure : figures) {
            Selection selection = figure.selection(report);
            if (!from.equals(selection.from())) {
                throw new IllegalStateException(figure + " does not select from the residence history");
            }
            sums.add("SUM(CASE WHEN " + selection.where() + " THEN 1 ELSE 0 END) AS " + figure.name());
        }
        Map<String, Object> row = jdbc.queryForMap("SELECT " + String.join(", ", sums) + " FROM " + from
                + " WHERE " + report.area().rows("s") + " AND " + pass.condition(), parameters);
        Map<Figure, Long> counts = new EnumMap<>(Figure.class);
        for (Figure figure : figures) {
            counts.put(figure, number(row, figure.name()));
        }
        return counts;
    }

    @PreDestroy
    void close() {
        readers.shutdownNow();
    }

    private <T> CompletableFuture<T> read(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, readers);
    }

    /** The result of a read, or what it threw (a refusal, a database failure), as if it had run here. */
    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
