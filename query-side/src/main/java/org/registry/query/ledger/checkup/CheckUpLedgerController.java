package org.registry.query.ledger.checkup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.query.PageView;
import org.registry.platform.web.Text;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Paging;
import org.registry.query.api.ReadsFrom;
import org.registry.query.api.Report;
import org.registry.query.document.LedgerExports;
import org.registry.query.ledger.LedgerColumns;
import org.registry.query.residence.Residents;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

@RestController
@Tag(name = "Ledgers")
record CheckUpLedgerController(CheckUpQueries queries, Clock clock, LedgerExports exports) {

    /** The columns of the outreach list as a download: label key, and where the value is in an entry's JSON. */
    static final Map<String, String> OUTREACH_COLUMNS = LedgerColumns.fields("personId", "name", "nationalId",
            "birthDate", "age", "communityCode", "householdId", "lastCheckUpOn").map();

    @GetMapping("/api/ledgers/check-ups/outreach")
    @ReadsFrom({Residents.PROJECTION, CheckUpLedger.PROJECTION})
    @Operation(summary = "The check-up outreach list (未检对象名单) of an area and period as a download: every eligible "
            + "woman not checked, as notChecked of /api/ledgers/check-ups (all pages, areaCode required): format csv "
            + "(UTF-8 with a BOM, or charset GBK) or xlsx, streamed; masked per role as the JSON")
    ResponseEntity<StreamingResponseBody> outreach(@RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                   String areaCode,
                                                   @RequestParam(required = false)
                                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                   @RequestParam(required = false)
                                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                   @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                   String format,
                                                   @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                   String charset,
                                                   HttpServletRequest request) {
        Report report = new Report(AreaSql.forCaller(LedgerExports.requiredArea(areaCode)), from, to, KnownAt.LIVE);
        return exports.export("check-up-outreach", OUTREACH_COLUMNS, format, charset, request,
                row -> queries.eachNotChecked(report, row::accept), null);
    }

    @GetMapping("/api/ledgers/check-ups")
    @ReadsFrom({Residents.PROJECTION, CheckUpLedger.PROJECTION})
    @Operation(summary = "The check-up ledger of an area and period: eligible women (married, aged 15-49 on `to`, "
            + "living in the area on `to`), those checked in [from, to], the coverage rate, and the page of those "
            + "not checked (the outreach list)")
    CheckUpLedgerView ledger(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate to,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        return queries.ledger(new Report(AreaSql.forCaller(areaCode), from, to, KnownAt.LIVE), Paging.of(page, size));
    }

    @GetMapping("/api/ledgers/check-ups/follow-ups")
    @ReadsFrom({Residents.PROJECTION, CheckUpLedger.PROJECTION})
    @Operation(summary = "High-risk follow-ups due: high-risk pre-pregnancy check-ups of persons living in the area "
            + "on asOf (default today) that no later check-up has followed up; dueBy limits them to those due by "
            + "that day. Soonest due first, paged from 0")
    PageView<FollowUpDue> followUps(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate asOf,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate dueBy,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return queries.followUps(AreaSql.forCaller(areaCode), asOf != null ? asOf : LocalDate.now(clock), dueBy,
                Paging.of(page, size));
    }
}
