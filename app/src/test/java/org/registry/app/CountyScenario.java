package org.registry.app;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the tests of registers, ledgers and dashboards share: a running registry, a county of the test's own (so
 * figures are not disturbed by other tests' records), and a {@link Registry} to record its population with.
 */
@RegistryTest
abstract class CountyScenario {

    /** Each figure of the console's dashboard ({@code data-figure}) and where the API's indicators answer it. */
    static final Map<String, String> DASHBOARD_FIGURES = new LinkedHashMap<>();

    static {
        DASHBOARD_FIGURES.put("populationStart", "/population/start");
        DASHBOARD_FIGURES.put("populationEnd", "/population/end");
        DASHBOARD_FIGURES.put("households", "/households");
        DASHBOARD_FIGURES.put("births", "/births/total");
        DASHBOARD_FIGURES.put("maleBirths", "/births/male");
        DASHBOARD_FIGURES.put("femaleBirths", "/births/female");
        DASHBOARD_FIGURES.put("firstBirths", "/births/byOrder/1");
        DASHBOARD_FIGURES.put("secondBirths", "/births/byOrder/2");
        DASHBOARD_FIGURES.put("thirdOrLaterBirths", "/births/byOrder/3+");
        DASHBOARD_FIGURES.put("deaths", "/deaths");
        DASHBOARD_FIGURES.put("movedIn", "/floating/movedIn");
        DASHBOARD_FIGURES.put("movedOut", "/floating/movedOut");
        DASHBOARD_FIGURES.put("floatingInAtEnd", "/floating/floatingInAtEnd");
        DASHBOARD_FIGURES.put("checkUpEligible", "/checkUpCoverage/eligible");
        DASHBOARD_FIGURES.put("checkUpChecked", "/checkUpCoverage/checked");
        DASHBOARD_FIGURES.put("benefitRecipients", "/benefits/recipients");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    Api clerk;
    Registry registry;
    String county;
    /** Villages 001 and 002 of township 001 of the county ({@code a}, {@code b}), and village 001 of township 002. */
    String a;
    String b;
    String c;

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @BeforeEach
    void startTheCounty() {
        clerk = Api.at(port).as("clerk");
        registry = new Registry(clerk, eventStore, jdbc);
        county = Registry.freshCounty();
        a = community("001", "001");
        b = community("001", "002");
        c = community("002", "001");
    }

    /** A community of the county: {@code community("001", "002")} is village 002 of township 001. */
    String community(String township, String village) {
        return county + township + village;
    }
}
