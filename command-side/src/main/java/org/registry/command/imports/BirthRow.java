package org.registry.command.imports;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.RegisterBirth;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A row of the births ledger read into the birth command: the mother (and father) by national ID, the child's name,
 * sex, birth date and (optional) national ID, and the household, the mother's unless the row names one an import
 * registered. The command's own constructor checks the values as over HTTP; the birth order is derived, as always,
 * when the birth is recorded on the mother's record.
 */
final class BirthRow extends RowReader {

    private static final PersonId SOME_PERSON = new PersonId(new UUID(0, 1));
    private static final HouseholdId SOME_HOUSEHOLD = new HouseholdId(new UUID(0, 1));

    final NationalId motherId;
    final NationalId fatherId;
    final NationalId nationalId;
    final CommunityCode community;
    final String householdNumber;
    private RegisterBirth birth;

    BirthRow(LedgerRow row) {
        super(row);
        requireColumns(Ledger.BIRTHS);
        motherId = read(Column.MOTHER_NATIONAL_ID, () -> NationalId.of(row.get(Column.MOTHER_NATIONAL_ID)));
        fatherId = read(Column.FATHER_NATIONAL_ID, () -> NationalId.of(row.get(Column.FATHER_NATIONAL_ID)));
        nationalId = read(Column.NATIONAL_ID, () -> NationalId.of(row.get(Column.NATIONAL_ID)));
        community = read(Column.COMMUNITY_CODE, () -> new CommunityCode(row.get(Column.COMMUNITY_CODE))
                .requireKnown());
        householdNumber = row.get(Column.HOUSEHOLD_NUMBER);
        if ((community == null) != (householdNumber == null) && problems.isEmpty()) {
            Column missing = householdNumber == null ? Column.HOUSEHOLD_NUMBER : Column.COMMUNITY_CODE;
            problems.add(new PersonRow.Problem(missing.label(), "VALIDATION_FAILED", "a household is named by its "
                    + Column.COMMUNITY_CODE.label() + " and " + Column.HOUSEHOLD_NUMBER.label() + " together"));
        }
        Sex sex = choice(Column.SEX, PersonRow.SEXES);
        LocalDate birthDate = date(Column.BIRTH_DATE);
        RelationToHead relation = choice(Column.RELATION_TO_HEAD, PersonRow.RELATIONS);
        if (!problems.isEmpty()) {
            return;
        }
        birth = read(null, () -> new RegisterBirth(SOME_PERSON, SOME_PERSON, null, row.get(Column.NAME), sex,
                birthDate, nationalId, row.get(Column.ETHNICITY), SOME_HOUSEHOLD, relation));
    }

    @Override
    Stream<NationalId> nationalIds() {
        return Stream.of(nationalId, motherId, fatherId).filter(Objects::nonNull);
    }

    /** Whether the row names its household (else it is the mother's). */
    boolean namesHousehold() {
        return householdNumber != null;
    }

    /** Where the rows of one household meet: its community and household number; null for the mother's. */
    String householdKey() {
        return community == null || householdNumber == null ? null : community.value() + "/" + householdNumber;
    }

    Sex sex() {
        return birth.sex();
    }

    LocalDate birthDate() {
        return birth.birthDate();
    }

    RegisterBirth birth(PersonId child, PersonId mother, PersonId father, HouseholdId household) {
        return new RegisterBirth(child, mother, father, birth.name(), birth.sex(), birth.birthDate(),
                birth.nationalId(), birth.ethnicity(), household, birth.relationToHead());
    }
}
