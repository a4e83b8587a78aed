package org.registry.kernel.benefit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;

/**
 * An import of benefit recipients brings in a grant the office made before the register: granted since
 * {@code grantedOn}, on {@code basis} (the office's, naming the import).
 */
public record RecordImportedGrant(@TargetAggregateIdentifier PersonId personId, ClaimId claimId, Programme programme,
                                  LocalDate grantedOn, String basis) {

    public RecordImportedGrant {
        Require.present(personId, "personId");
        Require.present(claimId, "claimId");
        Require.present(programme, "programme");
        Require.date(grantedOn, "grantedOn");
        basis = Require.note(basis, "basis", TextLimits.NOTE);
    }
}
