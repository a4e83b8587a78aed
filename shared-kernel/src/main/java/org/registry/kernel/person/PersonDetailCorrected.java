package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;

/**
 * A detail was recorded wrongly and is corrected: the old value stays in the record's history beside the new
 * one and the reason. A correction is a fact of its own, never an edit of an earlier fact.
 *
 * <p>Revision 2: the field and its old and new values are one typed {@link Correction}
 * ({@code {"field": "birthDate", "oldValue": "2026-01-10", "newValue": "2026-01-09"}}). Revision 1 had them as
 * three properties of the event, the values as text; {@code platform.upcasting.TypedCorrection} upcasts them.
 */
@Revision("2")
public record PersonDetailCorrected(PersonId personId,
                                    Correction correction,
                                    @PersonalData String reason) implements PersonEvent {
}
