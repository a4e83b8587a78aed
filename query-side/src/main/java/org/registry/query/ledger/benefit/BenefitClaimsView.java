package org.registry.query.ledger.benefit;

import org.registry.kernel.benefit.ClaimStatus;

import java.util.List;
import java.util.Map;

/**
 * Claims by stage: one page of the claims asked for, and how many claims of the area (and programme) stand at each
 * stage.
 */
public record BenefitClaimsView(List<ClaimRow> items,
                                int page,
                                int size,
                                long total,
                                Map<ClaimStatus, Long> byStatus) {
}
