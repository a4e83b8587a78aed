package org.registry.query.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdView;
import org.registry.kernel.query.PageView;
import org.registry.platform.web.Text;
import org.registry.query.api.AreaFilter;
import org.registry.query.api.Paging;
import org.registry.query.api.ReadsFrom;
import org.registry.query.api.RecordReads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/households")
@Tag(name = "Households")
@ReadsFrom(HouseholdRegister.NAME)
record HouseholdQueriesController(HouseholdRegister register) {

    @GetMapping("/{householdId}")
    @Operation(summary = "A household, with its members; ETag is its version")
    ResponseEntity<HouseholdView> household(@PathVariable String householdId) {
        return RecordReads.answer(register.find(HouseholdId.of(householdId)),
                () -> RejectionException.notFound("HOUSEHOLD_NOT_FOUND", "no household with id " + householdId),
                HouseholdView::communityCode, HouseholdView::version);
    }

    @GetMapping
    @Operation(summary = "Households in an area (division code prefix of 6, 9 or 12 digits), by kind; paged from 0")
    PageView<HouseholdView> households(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                       @RequestParam(required = false) HouseholdKind kind,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return register.list(AreaFilter.forCaller(areaCode), kind, Paging.of(page, size));
    }
}
