package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;

/**
 * A detail was recorded wrongly and is corrected: the old value stays in the record's history beside the new
 * one and the reason. A correction is a fact of its own, never an edit of an earlier fact.
 */
@Revision("1")
public record PersonDetailCorrected(PersonId personId,
                                    CorrectableField field,
                                    @PersonalData String oldValue,
                                    @PersonalData String newValue,
                                    @PersonalData String reason) implements PersonEvent {
}
