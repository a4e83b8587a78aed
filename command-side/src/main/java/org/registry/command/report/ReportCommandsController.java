package org.registry.command.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.registry.command.api.CommandRequest;
import org.registry.command.api.CommandTarget;
import org.registry.command.api.Commands;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.report.ApproveMonthlyReport;
import org.registry.kernel.report.FileMonthlyReport;
import org.registry.kernel.report.GetMonthlyFigures;
import org.registry.kernel.report.MonthlyFiguresView;
import org.registry.kernel.report.ReportId;
import org.registry.kernel.report.ReturnMonthlyReport;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.web.StrictParameters;
import org.registry.platform.web.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Filing a monthly report, and its approval or return by the level above. The figures are read by the query side
 * (a {@link GetMonthlyFigures} query) at the instant of filing and recorded in the filing event.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class ReportCommandsController {

    private final Commands commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final int dueDay;

    ReportCommandsController(Commands commands, QueryGateway queries, Clock clock,
                             @Value("${registry.reports.due-day:2}") int dueDay) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.dueDay = dueDay;
    }

    /** @param month the month reported, YYYY-MM */
    record FileReportRequest(@NotBlank @Text(max = TextLimits.TOKEN) String areaCode,
                             @NotBlank @Text(max = TextLimits.TOKEN) String month,
                             @Text(max = TextLimits.REASON, note = true) String reason) implements CommandRequest {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File the monthly report of a community or township (again, once returned: a new "
            + "revision), with the month's figures as known now")
    ResponseEntity<Map<String, Object>> file(@Valid @RequestBody FileReportRequest body, HttpServletRequest request) {
        ReportId id = new ReportId(new AreaCode(body.areaCode()), StrictParameters.month(body.month(), "month"));
        CurrentUser.requireScope(id.areaCode());
        MonthlyFiguresView figures = figures(id);
        return commands.send(new Commands.Call(target(id), new FileMonthlyReport(id, figures, id.dueOn(dueDay)), body,
                HttpStatus.CREATED, URI.create("/api/reports/" + id), revision -> Map.of()), request);
    }

    /** @param note why the report is returned (required); kept on the report */
    record ReturnRequest(@NotBlank @Text(max = TextLimits.REASON, note = true) String note,
                         @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest.Noted {
    }

    @PostMapping("/{reportId}/return")
    @Operation(summary = "Return a filed report to be filed again, with the reason (the level above; not the clerk "
            + "who filed it)")
    ResponseEntity<Map<String, Object>> returnReport(@PathVariable String reportId,
                                                     @Valid @RequestBody ReturnRequest body,
                                                     HttpServletRequest request) {
        ReportId id = decidable(reportId);
        return commands.update(target(id), new ReturnMonthlyReport(id, body.note()), body, request);
    }

    record ApproveRequest(@Text(max = TextLimits.REASON, note = true) String reason) implements CommandRequest {
    }

    @PostMapping("/{reportId}/approval")
    @Operation(summary = "Approve a filed report (the level above: the township for a community, the county for a "
            + "township; not the clerk who filed it)")
    ResponseEntity<Map<String, Object>> approve(@PathVariable String reportId,
                                                @Valid @RequestBody ApproveRequest body,
                                                HttpServletRequest request) {
        ReportId id = decidable(reportId);
        return commands.update(target(id), new ApproveMonthlyReport(id), body, request);
    }

    /** The figures of the report, as the query side reads them now; its refusal is the caller's answer. */
    private MonthlyFiguresView figures(ReportId id) {
        try {
            return queries.query(new GetMonthlyFigures(id.areaCode(), id.month(), clock.instant()),
                    ResponseTypes.instanceOf(MonthlyFiguresView.class)).join();
        } catch (java.util.concurrent.CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.registry.kernel.common.RejectionException rejection) {
                    throw rejection;
                }
            }
            throw e;
        }
    }

    /** A report the caller may decide on: the caller's areas cover the level above the report's area. */
    private static ReportId decidable(String text) {
        ReportId id = ReportId.of(text);
        CurrentUser.requireScope(id.approvingArea());
        return id;
    }

    private static CommandTarget target(ReportId id) {
        return new CommandTarget("reportId", id.toString(), id.toString(), "REPORT_NOT_FOUND");
    }
}
