package org.registry.command.report;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.kernel.dashboard.PopulationBalanceMonth;
import org.registry.kernel.report.ApproveMonthlyReport;
import org.registry.kernel.report.FileMonthlyReport;
import org.registry.kernel.report.MonthlyFiguresView;
import org.registry.kernel.report.MonthlyReportApproved;
import org.registry.kernel.report.MonthlyReportFiled;
import org.registry.kernel.report.MonthlyReportReturned;
import org.registry.kernel.report.ReportId;
import org.registry.kernel.report.ReturnMonthlyReport;
import org.registry.platform.eventstore.AuditMetaData;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.registry.command.Rejections.rejectedWith;

class MonthlyReportTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final ReportId WENSAN_OCTOBER = new ReportId(new AreaCode("330106001001"), OCTOBER);
    static final LocalDate DUE = LocalDate.of(2026, 11, 2);

    private AggregateTestFixture<MonthlyReport> fixture;

    private void today(LocalDate day) {
        fixture = new AggregateTestFixture<>(MonthlyReport.class);
        fixture.registerInjectableResource(Clock.fixed(day.atTime(10, 0).atZone(ZONE).toInstant(), ZONE));
    }

    @BeforeEach
    void setUp() {
        today(LocalDate.of(2026, 11, 2));
    }

    static MonthlyFiguresView figures(long births) {
        IndicatorsView indicators = new IndicatorsView("330106001001", OCTOBER.atDay(1), OCTOBER.atEndOfMonth(),
                null, new IndicatorsView.Population(100, 100 + births, new BigDecimal("100.5")), 40,
                new IndicatorsView.Births(births, births, 0, new IndicatorsView.ByOrder(births, 0, 0)), 0,
                new IndicatorsView.SexRatio(null, births, 0), null, null, null,
                new IndicatorsView.Floating(0, 0, 0), new IndicatorsView.Women(0, 0),
                new IndicatorsView.Coverage(null, 0, 0), new IndicatorsView.Benefits(0, BigDecimal.ZERO, Map.of()));
        return new MonthlyFiguresView(indicators,
                new PopulationBalanceMonth(OCTOBER, 100, births, 0, 0, 0, 100 + births));
    }

    static Map<String, Object> by(String actor) {
        return Map.of(AuditMetaData.ACTOR, actor);
    }

    private MonthlyReportFiled filed(int revision, String by, LocalDate on) {
        return new MonthlyReportFiled(WENSAN_OCTOBER, revision, figures(1), by, on, DUE, on.isAfter(DUE));
    }

    @Test
    void givenNothing_whenFileAfterTheMonth_thenRevisionOneFiledOnTime() {
        fixture.givenNoPriorActivity()
               .when(new FileMonthlyReport(WENSAN_OCTOBER, figures(1), DUE), by("clerk"))
               .expectEvents(filed(1, "clerk", LocalDate.of(2026, 11, 2)));
    }

    @Test
    void givenNothing_whenFileAfterTheDueDay_thenFiledLate() {
        today(LocalDate.of(2026, 11, 3));
        fixture.givenNoPriorActivity()
               .when(new FileMonthlyReport(WENSAN_OCTOBER, figures(1), DUE), by("clerk"))
               .expectEvents(new MonthlyReportFiled(WENSAN_OCTOBER, 1, figures(1), "clerk",
                       LocalDate.of(2026, 11, 3), DUE, true));
    }

    @Test
    void givenNothing_whenFileBeforeTheMonthIsOver_thenRejected() {
        today(LocalDate.of(2026, 10, 31));
        fixture.givenNoPriorActivity()
               .when(new FileMonthlyReport(WENSAN_OCTOBER, figures(1), DUE), by("clerk"))
               .expectNoEvents()
               .expectException(rejectedWith("MONTH_NOT_OVER", "month"));
    }

    @Test
    void givenFiled_whenFileAgain_thenRejected() {
        fixture.given(filed(1, "clerk", DUE))
               .when(new FileMonthlyReport(WENSAN_OCTOBER, figures(2), DUE), by("clerk"))
               .expectNoEvents()
               .expectException(rejectedWith("REPORT_ALREADY_FILED"));
    }

    @Test
    void givenApproved_whenFileAgain_thenRejected() {
        fixture.given(filed(1, "clerk", DUE), new MonthlyReportApproved(WENSAN_OCTOBER, 1, "township", DUE))
               .when(new FileMonthlyReport(WENSAN_OCTOBER, figures(2), DUE), by("clerk"))
               .expectNoEvents()
               .expectException(rejectedWith("REPORT_ALREADY_FILED"));
    }

    @Test
    void givenFiled_whenAnotherClerkReturnsIt_thenReturnedWithTheReason() {
        fixture.given(filed(1, "clerk", DUE))
               .when(new ReturnMonthlyReport(WENSAN_OCTOBER, "births do not match the birth register"),
                       by("township"))
               .expectEvents(new MonthlyReportReturned(WENSAN_OCTOBER, 1, "births do not match the birth register",
                       "township", DUE));
    }

    @Test
    void givenFiled_whenTheFilerReturnsIt_thenRejectedFourEyes() {
        fixture.given(filed(1, "clerk", DUE))
               .when(new ReturnMonthlyReport(WENSAN_OCTOBER, "my own mistake"), by("clerk"))
               .expectNoEvents()
               .expectException(rejectedWith("FOUR_EYES_VIOLATION"));
    }

    @Test
    void givenReturned_whenFiledAgain_thenRevisionTwo() {
        today(LocalDate.of(2026, 11, 4));
        fixture.given(filed(1, "clerk", DUE), new MonthlyReportReturned(WENSAN_OCTOBER, 1, "wrong", "township", DUE))
               .when(new FileMonthlyReport(WENSAN_OCTOBER, figures(2), DUE), by("clerk2"))
               .expectEvents(new MonthlyReportFiled(WENSAN_OCTOBER, 2, figures(2), "clerk2",
                       LocalDate.of(2026, 11, 4), DUE, true));
    }

    @Test
    void givenReturned_whenApproved_thenRejected() {
        fixture.given(filed(1, "clerk", DUE), new MonthlyReportReturned(WENSAN_OCTOBER, 1, "wrong", "township", DUE))
               .when(new ApproveMonthlyReport(WENSAN_OCTOBER), by("township"))
               .expectNoEvents()
               .expectException(rejectedWith("INVALID_STATE"));
    }

    @Test
    void givenFiled_whenAnotherClerkApproves_thenApproved() {
        fixture.given(filed(1, "clerk", DUE))
               .when(new ApproveMonthlyReport(WENSAN_OCTOBER), by("township"))
               .expectEvents(new MonthlyReportApproved(WENSAN_OCTOBER, 1, "township", DUE));
    }

    @Test
    void givenRefiledByAnother_whenTheFirstFilerApproves_thenApprovedFourEyesIsAboutTheRevision() {
        fixture.given(filed(1, "clerk", DUE), new MonthlyReportReturned(WENSAN_OCTOBER, 1, "wrong", "township", DUE),
                       filed(2, "clerk2", DUE))
               .when(new ApproveMonthlyReport(WENSAN_OCTOBER), by("township"))
               .expectEvents(new MonthlyReportApproved(WENSAN_OCTOBER, 2, "township", DUE));
    }

    @Test
    void givenFiled_whenTheFilerApproves_thenRejectedFourEyes() {
        fixture.given(filed(1, "clerk", DUE))
               .when(new ApproveMonthlyReport(WENSAN_OCTOBER), by("clerk"))
               .expectNoEvents()
               .expectException(rejectedWith("FOUR_EYES_VIOLATION"));
    }

    @Test
    void givenApproved_whenApprovedAgain_thenRejected() {
        fixture.given(filed(1, "clerk", DUE), new MonthlyReportApproved(WENSAN_OCTOBER, 1, "township", DUE))
               .when(new ApproveMonthlyReport(WENSAN_OCTOBER), by("county"))
               .expectNoEvents()
               .expectException(rejectedWith("INVALID_STATE"));
    }

    @Test
    void aReturnGivesItsReason() {
        assertThatThrownBy(() -> new ReturnMonthlyReport(WENSAN_OCTOBER, " "))
                .isInstanceOf(RejectionException.class);
    }

    @Test
    void reportsAreOfCommunitiesAndTownships_dueOnTheConfiguredDayOfTheNextMonth() {
        assertThat(ReportId.of("330106001-2026-10").approvingArea()).isEqualTo(new AreaCode("330106"));
        assertThat(WENSAN_OCTOBER.approvingArea()).isEqualTo(new AreaCode("330106001"));
        assertThat(ReportId.of(WENSAN_OCTOBER.toString())).isEqualTo(WENSAN_OCTOBER);
        assertThat(WENSAN_OCTOBER.dueOn(2)).isEqualTo(DUE);
        assertThat(new ReportId(new AreaCode("330106001"), YearMonth.of(2027, 1)).dueOn(31))
                .isEqualTo(LocalDate.of(2027, 2, 28));
        assertThatThrownBy(() -> ReportId.of("330106-2026-10")).isInstanceOf(RejectionException.class);
        assertThatThrownBy(() -> ReportId.of("330106001001-2026-13")).isInstanceOf(RejectionException.class);
    }
}
