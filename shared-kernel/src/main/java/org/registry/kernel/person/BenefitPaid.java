package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The claim was paid {@code amount} yuan for {@code period}: a month ({@code 2026-03}) for monthly programmes, a
 * year ({@code 2026}) for yearly ones. At most once per claim and period.
 */
@Revision("1")
public record BenefitPaid(PersonId personId,
                          ClaimId claimId,
                          String period,
                          BigDecimal amount,
                          LocalDate paidOn) implements PersonEvent, ClaimFact {
}
