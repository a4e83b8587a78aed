package org.registry.query.ledger.checkup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.query.PageView;
import org.registry.platform.web.Text;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Paging;
import org.registry.query.api.ReadsFrom;
import org.registry.query.api.Report;
import org.registry.query.residence.Residents;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@Tag(name = "Ledgers")
class CheckUpLedgerController {

    private final CheckUpQueries queries;
    private final Clock clock;

    CheckUpLedgerController(CheckUpQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
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
