package org.registry.query.ledger.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;
import org.registry.query.Facts;
import org.registry.query.ProjectionDatabase;
import org.registry.query.UnreadPayloads;
import org.springframework.dao.DuplicateKeyException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The benefit ledger's handlers, called as the event processor calls them, on the query side's own tables. */
class BenefitLedgerHandlersTest {

    private static final LocalDate BORN = LocalDate.of(1965, 3, 1);
    private static final Instant RECORDED = Instant.parse("2026-03-05T02:00:00Z");

    private ProjectionDatabase database;
    private BenefitLedger ledger;
    private final HouseholdId household = Facts.newHousehold();
    private final PersonId mother = Facts.newPerson();
    private final ClaimId claim = new ClaimId(UUID.randomUUID());
    private final BenefitPaid paid = new BenefitPaid(mother, claim, "2026-03", new BigDecimal("20.00"),
            LocalDate.of(2026, 3, 5));

    @BeforeEach
    void setUp() {
        database = ProjectionDatabase.create();
        ledger = new BenefitLedger(database.jdbc());
        ledger.on(Facts.householdRegistered(household, Facts.COMMUNITY));
        ledger.on(Facts.personRegistered(mother, household, "Li Na", Sex.FEMALE, BORN));
        ledger.on(new BenefitClaimFiled(mother, claim, Programme.ONLY_CHILD_PARENT_AWARD, null, "only child",
                LocalDate.of(2026, 1, 10)), RECORDED.minusSeconds(86400 * 50));
        ledger.on(new BenefitClaimGranted(mother, claim, LocalDate.of(2026, 2, 1)), RECORDED.minusSeconds(86400 * 30));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private Map<String, Object> person() {
        return database.jdbc().queryForMap("SELECT name, national_id, community_code FROM benefit_person "
                + "WHERE person_id = ?", mother.value());
    }

    private Map<String, Object> tally() {
        return database.jdbc().queryForMap("SELECT payments, amount FROM benefit_payment_tally "
                + "WHERE community_code = ? AND programme = 'ONLY_CHILD_PARENT_AWARD'", Facts.COMMUNITY.value());
    }

    private PersonDetailCorrected corrected(Correction correction) {
        return new PersonDetailCorrected(mother, correction, "typed from the wrong form");
    }

    @Test
    void aPaymentIsCountedInTheAreaOfTheRecipientsHousehold() {
        ledger.on(paid, RECORDED);

        assertThat(database.jdbc().queryForObject("SELECT community_code FROM benefit_payment WHERE claim_id = ?",
                String.class, claim.value())).isEqualTo(Facts.COMMUNITY.value());
        assertThat(((Number) tally().get("payments")).intValue()).isEqualTo(1);
        assertThat((BigDecimal) tally().get("amount")).isEqualByComparingTo("20.00");
    }

    /** The ledger holds at most one payment per claim and period: the same payment again is refused, not added. */
    @Test
    void theSamePaymentTwiceIsRefusedAndCountedOnce() {
        ledger.on(paid, RECORDED);
        var once = database.rows(ledger);

        assertThatThrownBy(() -> ledger.on(paid, RECORDED)).isInstanceOf(DuplicateKeyException.class);

        assertThat(database.rows(ledger)).isEqualTo(once);
    }

    /** A grant an import brought in is a granted claim of the ledger, shown as filed on the import day, and paid. */
    @Test
    void anImportedGrantIsAGrantedClaimWhosePaymentsAreCounted() {
        ClaimId imported = new ClaimId(UUID.randomUUID());
        ledger.on(new BenefitGrantImported(mother, imported, Programme.SPECIAL_SUPPORT, null, "import 1",
                LocalDate.of(2019, 5, 1), LocalDate.of(2026, 3, 2)), RECORDED);
        ledger.on(new BenefitPaid(mother, imported, "2026-03", new BigDecimal("30.00"), LocalDate.of(2026, 3, 5)),
                RECORDED);

        assertThat(database.jdbc().queryForMap("SELECT status, filed_on, granted_on FROM benefit_claim "
                + "WHERE claim_id = ?", imported.value())).containsEntry("status", "GRANTED")
                .containsEntry("filed_on", java.sql.Date.valueOf("2026-03-02"))
                .containsEntry("granted_on", java.sql.Date.valueOf("2019-05-01"));
        assertThat((BigDecimal) database.jdbc().queryForObject("SELECT amount FROM benefit_payment_tally "
                + "WHERE community_code = ? AND programme = 'SPECIAL_SUPPORT'", BigDecimal.class,
                Facts.COMMUNITY.value())).isEqualByComparingTo("30.00");
    }

    @Test
    void correctedNamesAndIdsAreShownAndOtherCorrectionsChangeNothing() {
        NationalId id = Facts.nationalId(BORN, Sex.FEMALE, 9);
        ledger.on(corrected(new Correction.OfName("Li Na", "Li Nan")));
        ledger.on(corrected(new Correction.OfNationalId(Facts.nationalId(BORN, Sex.FEMALE, 7), id)));
        var named = database.rows(ledger);

        ledger.on(corrected(new Correction.OfBirthDate(BORN, BORN.plusDays(1))));
        ledger.on(corrected(new Correction.OfSex(Sex.FEMALE, Sex.MALE)));
        ledger.on(corrected(new Correction.OfEthnicity("Han", "Hui")));

        assertThat(person()).containsEntry("name", "Li Nan").containsEntry("national_id", id.value());
        assertThat(database.rows(ledger)).isEqualTo(named);
    }

    @Test
    void theSameCorrectionTwiceChangesNothing() {
        database.assertHandledTwiceLikeOnce(ledger,
                () -> ledger.on(corrected(new Correction.OfName("Li Na", "Li Nan"))));
    }

    @Test
    void theSameRelocationTwiceChangesNothing() {
        HouseholdRelocated relocated = new HouseholdRelocated(household, Facts.COMMUNITY, Facts.ELSEWHERE,
                "8 Xixi Road", null, LocalDate.of(2026, 2, 15));
        database.assertHandledTwiceLikeOnce(ledger, () -> ledger.on(relocated));

        assertThat(person()).containsEntry("community_code", Facts.ELSEWHERE.value());
    }

    @Test
    void anEventTheLedgerDoesNotKeepChangesNothingAndIsTakenWithoutItsPayloadBeingRead() throws Exception {
        var before = database.rows(ledger);

        UnreadPayloads.handle(ledger, UnreadPayloads.event(7, Map.of()));

        assertThat(database.rows(ledger)).isEqualTo(before);
    }
}
