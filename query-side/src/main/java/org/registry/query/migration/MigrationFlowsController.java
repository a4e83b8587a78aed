package org.registry.query.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.platform.security.AreaScope;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.web.Text;
import org.registry.query.api.AreaFilter;
import org.registry.query.api.ReadsFrom;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;

@RestController
@Tag(name = "Dashboards")
@ReadsFrom(MigrationFlows.NAME)
record MigrationFlowsController(MigrationFlows flows) {

    private static final YearMonth EARLIEST = YearMonth.of(1900, 1);
    private static final YearMonth LATEST = YearMonth.of(9999, 12);

    /**
     * @param origin    the origin's community code, or the place outside the register as written (masked for analysts)
     * @param direction {@code IN} into the area, {@code OUT} of it, {@code WITHIN} between two of its communities
     */
    record FlowView(String month, @Schema(type = "string") FlowEnd origin, String originCommunityCode,
                    @Schema(type = "string") FlowEnd destination, String destinationCommunityCode, String direction,
                    int persons, int households) {
    }

    /** Persons who moved in, out, and within the area in the period (households relocating count their members). */
    record Totals(int movedIn, int movedOut, int within) {
    }

    record MigrationFlowsView(String areaCode, YearMonth from, YearMonth to, List<FlowView> flows, Totals totals) {
    }

    @GetMapping("/api/dashboards/migration-flows")
    @Operation(summary = "Migration flows origin → destination per month, for an area (division code prefix) and a "
            + "period of months (YYYY-MM); a place inside the register is its community code")
    MigrationFlowsView migrationFlows(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                      @RequestParam(required = false) YearMonth from,
                                      @RequestParam(required = false) YearMonth to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw RejectionException.invalid("to", "VALIDATION_FAILED", "to lies before from");
        }
        AreaFilter filter = AreaFilter.forCaller(areaCode);
        Predicate<String> inArea = inArea(areaCode);
        List<FlowView> views = flows.flows(filter, from == null ? EARLIEST : from, to == null ? LATEST : to).stream()
                .map(flow -> {
                    boolean out = flow.originCommunityCode() != null && inArea.test(flow.originCommunityCode());
                    boolean in = flow.destinationCommunityCode() != null
                            && inArea.test(flow.destinationCommunityCode());
                    return new FlowView(flow.month(), FlowEnd.of(flow.origin(), flow.originCommunityCode()),
                            flow.originCommunityCode(), FlowEnd.of(flow.destination(), flow.destinationCommunityCode()),
                            flow.destinationCommunityCode(), in && out ? "WITHIN" : in ? "IN" : "OUT", flow.persons(),
                            flow.households());
                })
                .toList();
        return new MigrationFlowsView(areaCode, from, to, views, new Totals(
                sum(views, "IN"), sum(views, "OUT"), sum(views, "WITHIN")));
    }

    /** The area asked for, or without one everything the caller may see. */
    private static Predicate<String> inArea(String areaCode) {
        if (areaCode != null) {
            AreaCode area = new AreaCode(areaCode);
            return community -> area.contains(new CommunityCode(community));
        }
        AreaScope scope = CurrentUser.get().scope();
        return community -> scope.covers(new CommunityCode(community));
    }

    private static int sum(List<FlowView> flows, String direction) {
        return flows.stream().filter(flow -> flow.direction().equals(direction)).mapToInt(FlowView::persons).sum();
    }
}
