package org.registry.query.dashboard;

import org.flywaydb.core.Flyway;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.platform.test.TestDatabase;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Report;
import org.registry.query.ledger.benefit.BenefitQueries;
import org.registry.query.ledger.floating.FloatingRegister;
import org.registry.query.residence.Stocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How fast the dashboard answers for a county of a million residents. Not a test (it takes minutes and needs
 * PostgreSQL): run it with
 *
 * <pre>./mvnw -q -B -pl query-side -am -Pbenchmark test -DskipTests</pre>
 *
 * <p>It creates a schema of its own on the test PostgreSQL ({@code REGISTRY_TEST_DATABASE_URL}), migrates the read
 * model into it, fills it with SQL ({@code generate_series}): 1,000,000 persons in 350,000 households of 300
 * communities in 20 townships of county 330106, with births, deaths, moves away and arrivals in 2026, marriages,
 * check-ups and a year of monthly benefit payments; then times the dashboard for 2026 (median and 95th percentile
 * of repeated runs, after warming up) for the county, a township and a community (the baseline), as known at an
 * instant, and the naive way (one COUNT query per figure), and drops the schema.
 */
public final class DashboardBenchmark {

    static final String COUNTY = "330106";
    static final int PERSONS = 1_000_000;
    static final int HOUSEHOLDS = 350_000;
    static final int RUNS = 25;
    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-12-31");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("the benchmark needs PostgreSQL (REGISTRY_TEST_DATABASE_URL)");
        }
        // -Dbenchmark.schema=<name> times a schema kept by an earlier run (-Dbenchmark.keep=true) again
        String reused = System.getProperty("benchmark.schema");
        TestDatabase.Schema schema = reused == null ? TestDatabase.newSchema() : existing(reused);
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(schema.url(), schema.user(),
                    schema.password());
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            if (reused == null) {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/query")
                      .table("flyway_history_query").load().migrate();
                long started = System.nanoTime();
                generate(jdbc);
                System.out.printf(Locale.ROOT, "generated the read model in %.1f s%n",
                        (System.nanoTime() - started) / 1e9);
            }
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(new JdbcTemplate(timed(dataSource)));
            DashboardQueries queries = new DashboardQueries(named, new Stocks(named), new FloatingRegister(named),
                    new BenefitQueries(named));
            if (!Boolean.getBoolean("benchmark.generateOnly")) {
                run(queries, named, jdbc);
            }
        } finally {
            if (Boolean.getBoolean("benchmark.keep") || reused != null) {
                System.out.println("kept schema " + schema.name() + " (-Dbenchmark.keep=true)");
            } else {
                schema.drop();
            }
        }
    }

    /** A schema an earlier run kept, on the database {@link TestDatabase} uses. */
    static TestDatabase.Schema existing(String name) {
        String url = System.getenv().getOrDefault("REGISTRY_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        return new TestDatabase.Schema(name, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name,
                System.getenv().getOrDefault("REGISTRY_TEST_DATABASE_USER", "postgres"),
                System.getenv().getOrDefault("REGISTRY_TEST_DATABASE_PASSWORD", ""));
    }

    static void generate(JdbcTemplate jdbc) {
        String community = "'" + COUNTY + "' || lpad(((%1$s %% 20) + 1)::text, 3, '0') || lpad((((%1$s / 20) %% 15) + 1)::text, 3, '0')";
        jdbc.execute("""
                INSERT INTO residence_place (household_id, community_code, township_code, county_code, address, kind,
                    registered_on, valid_from, valid_to, recorded_at)
                SELECT md5('h' || h)::uuid, c, substr(c, 1, 9), substr(c, 1, 6), 'Road ' || h, 'REGISTERED',
                       DATE '2000-01-01', DATE '2000-01-01', NULL, TIMESTAMPTZ '2025-01-01 00:00:00+00'
                FROM (SELECT h, %s AS c FROM generate_series(1, %d) h) x""".formatted(community.formatted("h"),
                HOUSEHOLDS));
        // person g lives in household g % HOUSEHOLDS: its community is the household's
        jdbc.execute("""
                INSERT INTO residence_segment (person_id, household_id, community_code, township_code, county_code,
                    residency, marital_status, sex, birth_date, mother_id, registered_position, birth_order,
                    valid_from, valid_to, entry_kind, exit_kind, arrived_on, place, certificate_number,
                    certificate_expiry, recorded_at)
                SELECT md5('p' || g)::uuid, md5('h' || h)::uuid, c, substr(c, 1, 9), substr(c, 1, 6),
                       CASE WHEN g %% 10 = 0 THEN 'FLOATING_IN' ELSE 'PERMANENT' END,
                       CASE WHEN born < DATE '2004-01-01' AND g %% 3 <> 0 THEN 'MARRIED' ELSE 'SINGLE' END,
                       CASE WHEN g %% 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
                       born,
                       CASE WHEN g %% 113 = 0 THEN md5('p' || (g + 1))::uuid END,
                       g,
                       CASE WHEN g %% 113 = 0 THEN 1 + (g %% 3) END,
                       since,
                       CASE WHEN g %% 97 = 0 OR g %% 89 = 0 THEN GREATEST(since, DATE '2026-01-01' + (g %% 365)) END,
                       CASE WHEN g %% 113 = 0 THEN 'BIRTH' WHEN g %% 71 = 0 OR g %% 10 = 0 THEN 'ARRIVAL'
                            ELSE 'REGISTRATION' END,
                       CASE WHEN g %% 97 = 0 THEN 'DEATH' WHEN g %% 89 = 0 THEN 'DEPARTURE' END,
                       since,
                       CASE WHEN g %% 10 = 0 THEN 'Henan' END,
                       CASE WHEN g %% 10 = 0 THEN 'LD-' || g END,
                       CASE WHEN g %% 10 = 0 THEN DATE '2026-01-01' + (g %% 700) END,
                       TIMESTAMPTZ '2025-06-01 00:00:00+00' + (g %% 500) * INTERVAL '1 day'
                FROM (SELECT g, h, %s AS c, born,
                             CASE WHEN g %% 113 = 0 THEN born
                                  WHEN g %% 71 = 0 THEN DATE '2026-01-01' + (g %% 365)
                                  ELSE GREATEST(born, DATE '2000-01-01' + (g %% 9000)) END AS since
                      FROM (SELECT g, g %% %d + 1 AS h,
                                   CASE WHEN g %% 113 = 0 THEN DATE '2026-01-01' + (g %% 365)
                                        ELSE DATE '1935-01-01' + ((g::bigint * 7919) %% 32000)::int END AS born
                            FROM generate_series(1, %d) g) p) x""".formatted(community.formatted("h"), HOUSEHOLDS,
                PERSONS));
        // residents who moved away in 2026 are away in their household from that day
        jdbc.execute("""
                INSERT INTO residence_segment (person_id, household_id, community_code, township_code, county_code,
                    residency, marital_status, sex, birth_date, registered_position, valid_from, valid_to, entry_kind,
                    arrived_on, place, recorded_at)
                SELECT person_id, household_id, community_code, township_code, county_code, 'MOVED_OUT',
                       marital_status, sex, birth_date, registered_position, valid_to, NULL, 'DEPARTURE', valid_to,
                       'Shenzhen', recorded_at
                FROM residence_segment WHERE exit_kind = 'DEPARTURE' AND residency = 'PERMANENT'""");
        // corrections and late registrations leave superseded rows behind: one in fifty, recorded earlier
        jdbc.execute("""
                INSERT INTO residence_segment_history
                SELECT id + 10000000, person_id, household_id, community_code, township_code, county_code, residency,
                       marital_status, sex, birth_date - 1, mother_id, registered_position, birth_order, valid_from,
                       valid_to,
                       entry_kind, entry_from_community, exit_kind, exit_to_community, arrived_on, place, move_reason,
                       certificate_number, certificate_expiry, exit_place, recorded_at - INTERVAL '30 days',
                       recorded_at
                FROM residence_segment WHERE registered_position %% 50 = 0""".formatted());
        jdbc.execute("""
                INSERT INTO residence_person (person_id, name, national_id, sex, birth_date, mother_id,
                    registered_position, marital_status)
                SELECT DISTINCT ON (person_id) person_id, 'Person ' || registered_position, NULL, sex, birth_date,
                       mother_id, registered_position, 'SINGLE'
                FROM residence_segment ORDER BY person_id""");
        // reproductive-health check-ups: two in three married women, once in 2026
        jdbc.execute("""
                INSERT INTO checkup_record (checkup_id, person_id, type, check_date, facility, result, recorded_at)
                SELECT md5('c' || registered_position)::uuid, person_id, 'REPRODUCTIVE_HEALTH',
                       DATE '2026-01-01' + (registered_position %% 365)::int, 'Township clinic', 'NORMAL',
                       TIMESTAMPTZ '2026-01-01 00:00:00+00' + (registered_position %% 365) * INTERVAL '1 day'
                FROM residence_segment
                WHERE sex = 'FEMALE' AND marital_status = 'MARRIED' AND residency <> 'MOVED_OUT'
                  AND registered_position %% 3 <> 1""".formatted());
        // 20,000 granted awards, paid every month of 2026
        jdbc.execute("""
                INSERT INTO benefit_claim (claim_id, person_id, programme, status, filed_on, open_objections,
                    granted_on, granted_recorded_at, recorded_at)
                SELECT md5('b' || registered_position)::uuid, person_id, 'ONLY_CHILD_PARENT_AWARD', 'GRANTED',
                       DATE '2025-01-01', 0, DATE '2025-02-01', TIMESTAMPTZ '2025-02-01 00:00:00+00',
                       TIMESTAMPTZ '2025-01-01 00:00:00+00'
                FROM residence_segment
                WHERE registered_position %% 50 = 7 AND residency = 'PERMANENT' AND valid_to IS NULL""".formatted());
        jdbc.execute("""
                INSERT INTO benefit_payment (claim_id, period, person_id, programme, amount, period_start, paid_on,
                    recorded_at, community_code, township_code, county_code)
                SELECT b.claim_id, to_char(m, 'YYYY-MM'), b.person_id, b.programme, 20.00, m::date,
                       (m + INTERVAL '14 days')::date, m + INTERVAL '14 days', s.community_code, s.township_code,
                       s.county_code
                FROM benefit_claim b
                JOIN residence_segment s ON s.person_id = b.person_id AND s.valid_to IS NULL,
                     generate_series(TIMESTAMPTZ '2026-01-01', TIMESTAMPTZ '2026-12-01', INTERVAL '1 month') m""");
        // what the benefit ledger keeps beside its payments
        jdbc.execute("""
                INSERT INTO benefit_payment_tally (community_code, township_code, county_code, programme, period_start,
                    payments, amount)
                SELECT community_code, MIN(township_code), MIN(county_code), programme, period_start, COUNT(*),
                       SUM(amount)
                FROM benefit_payment GROUP BY community_code, programme, period_start""");
        // the monthly tally the residence history keeps beside its segments and places
        jdbc.execute("""
                INSERT INTO residence_tally (community_code, township_code, county_code, subject, month_start, change)
                SELECT community_code, MIN(township_code), MIN(county_code), subject, month_start, SUM(change)
                FROM (SELECT community_code, township_code, county_code, residency AS subject,
                             date_trunc('month', valid_from)::date AS month_start, 1 AS change
                      FROM residence_segment WHERE residency IN ('PERMANENT', 'FLOATING_IN')
                      UNION ALL
                      SELECT community_code, township_code, county_code, residency, date_trunc('month', valid_to)::date,
                             -1
                      FROM residence_segment WHERE residency IN ('PERMANENT', 'FLOATING_IN') AND valid_to IS NOT NULL
                      UNION ALL
                      SELECT community_code, township_code, county_code, 'HOUSEHOLD',
                             date_trunc('month', valid_from)::date, 1
                      FROM residence_place) changes
                GROUP BY community_code, subject, month_start""");
        jdbc.execute("VACUUM ANALYZE");
    }

    static void run(DashboardQueries queries, NamedParameterJdbcTemplate named, JdbcTemplate jdbc) {
        AreaCode county = new AreaCode(COUNTY);
        AreaCode township = new AreaCode(COUNTY + "007");
        AreaCode community = new AreaCode(COUNTY + "007003");
        // a report filed early in October, reproduced later: what was recorded since is a few weeks of facts
        Instant knownAt = Instant.parse("2026-10-01T00:00:00Z");
        System.out.printf(Locale.ROOT, "rows: %,d segments (%,d superseded), %,d households, %,d tally rows, "
                        + "%,d check-ups, %,d claims, %,d payments%n", count(jdbc, "residence_segment"),
                count(jdbc, "residence_segment_history"), count(jdbc, "residence_place"),
                count(jdbc, "residence_tally"), count(jdbc, "checkup_record"), count(jdbc, "benefit_claim"),
                count(jdbc, "benefit_payment"));

        IndicatorsView figures = queries.indicators(report(county, KnownAt.LIVE));
        System.out.printf(Locale.ROOT, "county %s, 2026: population %,d -> %,d, births %,d, deaths %,d, floating in "
                        + "%,d, women 15-49 %,d, check-up coverage %s%% (%,d of %,d), recipients %,d, paid %s%n",
                COUNTY, figures.population().start(), figures.population().end(), figures.births().total(),
                figures.deaths(), figures.floating().floatingInAtEnd(), figures.womenOfChildbearingAge().total(),
                figures.checkUpCoverage().value(), figures.checkUpCoverage().checked(),
                figures.checkUpCoverage().eligible(), figures.benefits().recipients(), figures.benefits().amountPaid());

        Timing baseline = time("dashboard, one community (baseline)",
                () -> queries.indicators(report(community, KnownAt.LIVE)));
        Timing ofTownship = time("dashboard, one township", () -> queries.indicators(report(township, KnownAt.LIVE)));
        Timing ofCounty = time("dashboard, the county", () -> queries.indicators(report(county, KnownAt.LIVE)));
        Timing asKnown = time("dashboard, the county as known at " + knownAt,
                () -> queries.indicators(report(county, new KnownAt(knownAt))));
        Timing naive = time("the county, one COUNT per figure (naive)", () -> {
            Report report = report(county, KnownAt.LIVE);
            for (Figure figure : Figure.values()) {
                named.queryForObject(figure.selection(report).count(), report.parameters(), Long.class);
            }
            return null;
        });
        Timing balance = time("population balance, the county, 12 months",
                () -> queries.balance(report(county, KnownAt.LIVE)));
        breakdown("the county's dashboard", () -> queries.indicators(report(county, KnownAt.LIVE)));
        breakdown("a community's dashboard", () -> queries.indicators(report(community, KnownAt.LIVE)));
        breakdown("the county's dashboard as known at " + knownAt,
                () -> queries.indicators(report(county, new KnownAt(knownAt))));
        System.out.printf(Locale.ROOT, "%nratios (median): county / community %.1f, county / township %.1f, "
                        + "naive / one pass %.1f, as known / live %.1f%n",
                ofCounty.median() / baseline.median(), ofCounty.median() / ofTownship.median(),
                naive.median() / ofCounty.median(), asKnown.median() / ofCounty.median());
        System.out.printf(Locale.ROOT, "verdict: the county's dashboard answers in %.0f ms (median), %.0f ms (p95): "
                + "%s%n", ofCounty.median(), ofCounty.p95(), ofCounty.p95() < 1000 ? "under a second" : "TOO SLOW");
        if (balance.median() < 0) {
            throw new IllegalStateException();
        }
    }

    /** Statement times of the last {@link #breakdown} run: what each query of the dashboard costs. */
    static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());
    static volatile boolean recording;

    /** A data source whose prepared statements note how long they ran, while {@link #recording}. */
    static javax.sql.DataSource timed(javax.sql.DataSource dataSource) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(DashboardBenchmark.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(dataSource, args);
                    if (!(result instanceof java.sql.Connection connection)) {
                        return result;
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(DashboardBenchmark.class.getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class}, (c, m, a) -> {
                                Object made = m.invoke(connection, a);
                                if (!(made instanceof java.sql.PreparedStatement statement)) {
                                    return made;
                                }
                                String sql = ((String) a[0]).replaceAll("\\s+", " ");
                                return java.lang.reflect.Proxy.newProxyInstance(
                                        DashboardBenchmark.class.getClassLoader(),
                                        new Class<?>[] {java.sql.PreparedStatement.class}, (st, sm, sa) -> {
                                            long start = System.nanoTime();
                                            Object out = sm.invoke(statement, sa);
                                            if (recording && sm.getName().startsWith("execute")) {
                                                STATEMENTS.add(String.format(Locale.ROOT, "%7.1f ms  %s",
                                                        (System.nanoTime() - start) / 1e6,
                                                        sql.substring(0, Math.min(150, sql.length()))));
                                            }
                                            return out;
                                        });
                            });
                });
    }

    static void breakdown(String what, Supplier<?> run) {
        STATEMENTS.clear();
        recording = true;
        run.get();
        recording = false;
        System.out.println("  statements of " + what + ":");
        STATEMENTS.forEach(statement -> System.out.println("    " + statement));
    }

    static Report report(AreaCode area, KnownAt knownAt) {
        return new Report(AreaSql.of(area), FROM, TO, knownAt);
    }

    record Timing(double median, double p95) {
    }

    static Timing time(String what, Supplier<?> run) {
        for (int i = 0; i < 3; i++) {
            run.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        Timing timing = new Timing(millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1));
        System.out.printf(Locale.ROOT, "%-62s median %7.1f ms   p95 %7.1f ms%n", what, timing.median(), timing.p95());
        return timing;
    }

    static long count(JdbcTemplate jdbc, String table) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }
}
