package org.registry.command.imports;

import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RecordCheckUp;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A row of the check-ups ledger read into the check-up command ({@code POST /api/persons/{personId}/check-ups}): the
 * person by national ID, and the check-up's type, date, facility, result, risk level, notes and follow-up day. The
 * command's own constructor checks the values as over HTTP.
 */
final class CheckUpRow extends RowReader {

    private static final PersonId SOME_PERSON = new PersonId(new UUID(0, 1));
    private static final CheckUpId SOME_CHECK_UP = new CheckUpId(new UUID(0, 1));
    private static final Map<String, CheckUpType> TYPES = labels(CheckUpType.values(),
            "生殖健康检查", CheckUpType.REPRODUCTIVE_HEALTH, "生殖健康", CheckUpType.REPRODUCTIVE_HEALTH,
            "孕前优生健康检查", CheckUpType.PRE_PREGNANCY, "孕前检查", CheckUpType.PRE_PREGNANCY,
            "孕前优生", CheckUpType.PRE_PREGNANCY, "孕期随访", CheckUpType.PREGNANCY_FOLLOW_UP,
            "产后访视", CheckUpType.POSTNATAL);
    private static final Map<String, CheckUpResult> RESULTS = labels(CheckUpResult.values(),
            "正常", CheckUpResult.NORMAL, "需治疗", CheckUpResult.NEEDS_TREATMENT, "需要治疗", CheckUpResult.NEEDS_TREATMENT,
            "高风险", CheckUpResult.HIGH_RISK, "高危", CheckUpResult.HIGH_RISK);
    private static final Map<String, RiskLevel> RISKS = labels(RiskLevel.values(),
            "低风险", RiskLevel.LOW, "低", RiskLevel.LOW, "高风险", RiskLevel.HIGH, "高", RiskLevel.HIGH);

    final NationalId nationalId;
    private RecordCheckUp checkUp;

    /** @param today the day of the import: its year is the year whose check-ups the ledger holds */
    CheckUpRow(LedgerRow row, LocalDate today) {
        super(row);
        requireColumns(Ledger.CHECK_UPS);
        nationalId = read(Column.NATIONAL_ID, () -> NationalId.of(row.get(Column.NATIONAL_ID)));
        CheckUpType type = choice(Column.CHECK_UP_TYPE, TYPES);
        LocalDate date = date(Column.CHECK_UP_DATE);
        CheckUpResult result = choice(Column.RESULT, RESULTS);
        RiskLevel risk = choice(Column.RISK_LEVEL, RISKS);
        LocalDate followUpDue = date(Column.FOLLOW_UP_DUE);
        if (date != null && date.getYear() != today.getYear()) {
            problems.add(new PersonRow.Problem(Column.CHECK_UP_DATE.label(), "CHECK_UP_NOT_THIS_YEAR",
                    "a check-ups ledger holds this year's (" + today.getYear() + ") check-ups, not one of " + date));
        }
        if (!problems.isEmpty()) {
            return;
        }
        try {
            checkUp = new RecordCheckUp(SOME_PERSON, SOME_CHECK_UP, type, date, row.get(Column.FACILITY), result,
                    risk, row.get(Column.NOTES), followUpDue);
        } catch (RejectionException e) {
            problems.add(problem(e));
        }
    }

    /** A refusal of the command, naming its column among this ledger's. */
    static PersonRow.Problem problem(RejectionException e) {
        return PersonRow.Problem.among(e, Ledger.CHECK_UPS);
    }

    @Override
    Stream<NationalId> nationalIds() {
        return Stream.ofNullable(nationalId);
    }

    /** Where this row's check-up meets the same check-up on another row: the person, its type and day. */
    String key() {
        return nationalId.value() + "/" + checkUp.type() + "/" + checkUp.date();
    }

    CheckUpType type() {
        return checkUp.type();
    }

    LocalDate date() {
        return checkUp.date();
    }

    RecordCheckUp checkUp(PersonId person, CheckUpId id) {
        return new RecordCheckUp(person, id, checkUp.type(), checkUp.date(), checkUp.facility(), checkUp.result(),
                checkUp.riskLevel(), checkUp.notes(), checkUp.followUpDue());
    }
}
