package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * A benefit the office granted before the register kept its claims, brought in by an import of its recipients
 * (奖励扶助对象) on {@code importedOn}: the claim is granted from {@code grantedOn}, found eligible by the rules of a
 * claim on the import day. Nobody filed or decided it in the register; the import (its id, file and hash in the
 * metadata) is the basis.
 *
 * @param childId the only child the claim rests on (the award, special support), as the register knew it
 * @param basis   the basis as the office's ledger states it, naming the import
 */
@Revision("1")
public record BenefitGrantImported(PersonId personId,
                                   ClaimId claimId,
                                   Programme programme,
                                   PersonId childId,
                                   @PersonalData String basis,
                                   LocalDate grantedOn,
                                   LocalDate importedOn) implements PersonEvent, ClaimFact {
}
