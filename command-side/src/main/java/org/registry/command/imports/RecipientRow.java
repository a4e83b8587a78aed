package org.registry.command.imports;

import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.benefit.RecordImportedGrant;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A row of the benefit recipients ledger read into the command that brings in a grant made before the register: the
 * person by national ID, the programme (by name or as the office calls it), the day the grant runs from, and the
 * office's basis and notes, which the event keeps with the import's name.
 */
final class RecipientRow extends RowReader {

    private static final Map<String, Programme> PROGRAMMES = labels(Programme.values(),
            "独生子女父母奖励", Programme.ONLY_CHILD_PARENT_AWARD, "独生子女父母奖励费", Programme.ONLY_CHILD_PARENT_AWARD,
            "农村计划生育家庭奖励扶助", Programme.RURAL_REWARD_SUPPORT, "农村部分计划生育家庭奖励扶助",
            Programme.RURAL_REWARD_SUPPORT, "计划生育特别扶助", Programme.SPECIAL_SUPPORT,
            "计划生育家庭特别扶助", Programme.SPECIAL_SUPPORT);

    final NationalId nationalId;
    final Programme programme;
    private final LocalDate grantedOn;
    /** The office's basis and notes, as the row gives them; null when it gives none. */
    private final String basis;

    /** @param today the day of the import: a grant runs from a day before it */
    RecipientRow(LedgerRow row, LocalDate today) {
        super(row);
        requireColumns(Ledger.RECIPIENTS);
        nationalId = read(Column.NATIONAL_ID, () -> NationalId.of(row.get(Column.NATIONAL_ID)));
        programme = choice(Column.PROGRAMME, PROGRAMMES);
        grantedOn = date(Column.GRANTED_ON);
        if (grantedOn != null && grantedOn.isAfter(today)) {
            problems.add(new PersonRow.Problem(Column.GRANTED_ON.label(), "DATE_IN_FUTURE", Column.GRANTED_ON.label()
                    + " " + grantedOn + " lies in the future: the ledger holds grants made already"));
        }
        // the office's text leaves room in the event's basis for the import's name
        basis = read(null, () -> Require.optionalNote(Stream.of(row.get(Column.BASIS), row.get(Column.NOTES))
                .filter(Objects::nonNull).collect(Collectors.joining("；")), "basis", TextLimits.REASON));
    }

    @Override
    Stream<NationalId> nationalIds() {
        return Stream.ofNullable(nationalId);
    }

    /** Where this row's recipient meets the same recipient on another row: the person and the programme. */
    String key() {
        return nationalId.value() + "/" + programme;
    }

    /** @param importName the import the grant comes in by, as its basis names it */
    RecordImportedGrant grant(PersonId person, ClaimId claim, String importName) {
        return new RecordImportedGrant(person, claim, programme, grantedOn,
                basis == null ? importName : importName + "：" + basis);
    }
}
