package org.registry.command.imports;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.PostalCode;
import org.registry.kernel.household.RegisterHousehold;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.RegisterPerson;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A row of the persons ledger read into the commands it stands for: a household (used when the household is not yet
 * on the register) and the person's registration. Each value is read by the kernel's value objects and the commands'
 * own constructors, so a bad value is refused by the rule that refuses it over HTTP, with the same code; every
 * problem of the row is collected, each naming its column.
 */
final class PersonRow extends RowReader {

    /** Stands in for the ids chosen when the commands are sent, so the commands' constructors check the rest. */
    private static final HouseholdId SOME_HOUSEHOLD = new HouseholdId(new UUID(0, 1));
    private static final PersonId SOME_PERSON = new PersonId(new UUID(0, 1));
    static final Map<String, Sex> SEXES = labels(Sex.values(), "男", Sex.MALE, "女", Sex.FEMALE);
    private static final Map<String, HouseholdKind> KINDS = labels(HouseholdKind.values(),
            "户籍户", HouseholdKind.REGISTERED, "户籍", HouseholdKind.REGISTERED, "家庭户", HouseholdKind.REGISTERED,
            "流动人口户", HouseholdKind.FLOATING, "流动户", HouseholdKind.FLOATING, "流动", HouseholdKind.FLOATING,
            "空挂户", HouseholdKind.NOMINAL, "空挂", HouseholdKind.NOMINAL);
    static final Map<String, RelationToHead> RELATIONS = labels(RelationToHead.values(),
            "户主", RelationToHead.HEAD, "本人", RelationToHead.HEAD,
            "配偶", RelationToHead.SPOUSE, "妻", RelationToHead.SPOUSE, "妻子", RelationToHead.SPOUSE,
            "夫", RelationToHead.SPOUSE, "丈夫", RelationToHead.SPOUSE,
            "子女", RelationToHead.CHILD, "子", RelationToHead.CHILD, "女", RelationToHead.CHILD,
            "儿子", RelationToHead.CHILD, "女儿", RelationToHead.CHILD, "长子", RelationToHead.CHILD,
            "长女", RelationToHead.CHILD, "次子", RelationToHead.CHILD, "次女", RelationToHead.CHILD,
            "父母", RelationToHead.PARENT, "父亲", RelationToHead.PARENT, "母亲", RelationToHead.PARENT,
            "其他", RelationToHead.OTHER);
    private static final Map<String, MaritalStatus> MARITAL = labels(MaritalStatus.values(),
            "未婚", MaritalStatus.SINGLE, "已婚", MaritalStatus.MARRIED, "初婚", MaritalStatus.MARRIED,
            "再婚", MaritalStatus.MARRIED, "有配偶", MaritalStatus.MARRIED, "离婚", MaritalStatus.DIVORCED,
            "丧偶", MaritalStatus.WIDOWED);
    private static final Map<String, Residency> RESIDENCIES = labels(new Residency[]{Residency.PERMANENT,
            Residency.FLOATING_IN}, "常住", Residency.PERMANENT, "户籍", Residency.PERMANENT,
            "流入", Residency.FLOATING_IN, "流动", Residency.FLOATING_IN);
    private static final Map<String, MoveReason> MOVE_REASONS = labels(MoveReason.values(),
            "务工", MoveReason.WORK, "工作", MoveReason.WORK, "务工经商", MoveReason.WORK,
            "学习", MoveReason.STUDY, "上学", MoveReason.STUDY, "婚嫁", MoveReason.MARRIAGE,
            "婚姻", MoveReason.MARRIAGE, "投亲", MoveReason.FAMILY, "随迁", MoveReason.FAMILY,
            "家庭", MoveReason.FAMILY, "其他", MoveReason.OTHER);

    CommunityCode community;
    final String householdNumber;
    NationalId nationalId;
    RelationToHead relation;
    private RegisterHousehold household;
    private RegisterPerson person;

    /** A problem of a row: the column at fault (both headers; null for the row as a whole), a code, a sentence. */
    record Problem(String column, String code, String message) {

        static Problem of(RejectionException e, Column fallback) {
            Column column = Column.byField(e.rejection().field()).orElse(fallback);
            return new Problem(column == null ? null : column.label(), e.rejection().code(), e.getMessage());
        }

        /** A refusal of a command, naming its column among the ledger's. */
        static Problem among(RejectionException e, Ledger ledger) {
            return new Problem(Column.byField(e.rejection().field(), ledger).map(Column::label).orElse(null),
                    e.rejection().code(), e.getMessage());
        }
    }

    PersonRow(LedgerRow row) {
        this(row, Ledger.PERSONS);
    }

    /**
     * @param ledger persons, or floating residents: whose residency is {@code FLOATING_IN} and household kind
     *               {@code FLOATING} when the row leaves them blank
     */
    PersonRow(LedgerRow row, Ledger ledger) {
        super(row);
        this.householdNumber = row.get(Column.HOUSEHOLD_NUMBER);
        boolean floating = ledger == Ledger.FLOATING;
        requireColumns(ledger);
        community = read(Column.COMMUNITY_CODE, () -> new CommunityCode(row.get(Column.COMMUNITY_CODE))
                .requireKnown());
        nationalId = read(Column.NATIONAL_ID, () -> NationalId.of(row.get(Column.NATIONAL_ID)));
        Sex sex = choice(Column.SEX, SEXES);
        LocalDate birthDate = date(Column.BIRTH_DATE);
        relation = choice(Column.RELATION_TO_HEAD, RELATIONS);
        HouseholdKind kind = choice(Column.KIND, KINDS);
        MaritalStatus marital = choice(Column.MARITAL_STATUS, MARITAL);
        Residency residency = choice(Column.RESIDENCY, RESIDENCIES);
        residency = residency != null ? residency : floating ? Residency.FLOATING_IN : Residency.PERMANENT;
        MoveReason moveReason = choice(Column.MOVE_REASON, MOVE_REASONS);
        LocalDate residentSince = date(Column.RESIDENT_SINCE);
        LocalDate registeredOn = date(Column.REGISTERED_ON);
        LocalDate certificateExpiry = date(Column.CERTIFICATE_EXPIRY);
        PostalCode postalCode = read(Column.POSTAL_CODE, () -> PostalCode.optional(row.get(Column.POSTAL_CODE)));
        FloatingCertificate certificate = read(Column.CERTIFICATE_NUMBER,
                () -> FloatingCertificate.of(row.get(Column.CERTIFICATE_NUMBER), certificateExpiry));
        if (residentSince == null && residency == Residency.FLOATING_IN && row.get(Column.RESIDENT_SINCE) == null) {
            problems.add(new Problem(Column.RESIDENT_SINCE.label(), "VALIDATION_FAILED",
                    "a floating resident's row names the day the stay here began"));
        }
        if (!problems.isEmpty()) {
            return;
        }
        LocalDate since = residentSince != null ? residentSince : birthDate;
        household = read(null, () -> new RegisterHousehold(SOME_HOUSEHOLD, community, row.get(Column.ADDRESS),
                postalCode, kind != null ? kind : floating ? HouseholdKind.FLOATING : HouseholdKind.REGISTERED,
                householdNumber,
                registeredOn != null ? registeredOn : since));
        Residency lives = residency;
        person = read(null, () -> new RegisterPerson(SOME_PERSON, nationalId, row.get(Column.NAME), sex, birthDate,
                row.get(Column.ETHNICITY), marital, SOME_HOUSEHOLD, relation, lives, since,
                row.get(Column.ORIGIN), moveReason, certificate));
    }

    @Override
    Stream<NationalId> nationalIds() {
        return Stream.ofNullable(nationalId);
    }

    /** Where the rows of one household meet: its community and household number. */
    String householdKey() {
        return community == null || householdNumber == null ? null : community.value() + "/" + householdNumber;
    }

    boolean valid() {
        return problems.isEmpty();
    }

    /** The person's sex and birth date as the row has them (a valid row's). */
    Sex sex() {
        return person.sex();
    }

    LocalDate birthDate() {
        return person.birthDate();
    }

    RegisterHousehold household(HouseholdId id) {
        return new RegisterHousehold(id, household.communityCode(), household.address(), household.postalCode(),
                household.kind(), household.householdNumber(), household.registeredOn());
    }

    RegisterPerson person(PersonId id, HouseholdId householdId) {
        return new RegisterPerson(id, person.nationalId(), person.name(), person.sex(), person.birthDate(),
                person.ethnicity(), person.maritalStatus(), householdId, person.relationToHead(), person.residency(),
                person.residentSince(), person.origin(), person.moveReason(), person.certificate());
    }
}
