package org.registry.kernel.person;

import org.junit.jupiter.api.Test;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.ObjectionId;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.benefit.Stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A claim's life as its facts fold it, from the filing to its end. */
class ClaimStateTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private final PersonId person = new PersonId(UUID.randomUUID());
    private final ClaimId claim = new ClaimId(UUID.randomUUID());

    private ClaimState filed() {
        return ClaimState.filed(new BenefitClaimFiled(person, claim, Programme.ONLY_CHILD_PARENT_AWARD, null, "one child",
                DAY));
    }

    private BenefitClaimApproved approved(Stage stage) {
        return new BenefitClaimApproved(person, claim, stage, null, "clerk-" + stage, DAY);
    }

    private ClaimState onNotice() {
        return filed().when(approved(Stage.VILLAGE_ASSESSMENT)).when(approved(Stage.TOWNSHIP_REVIEW))
                      .when(approved(Stage.COUNTY_APPROVAL))
                      .when(new PublicNoticeStarted(person, claim, Instant.EPOCH, Instant.EPOCH.plusSeconds(60)));
    }

    @Test
    void eachApprovalMovesTheClaimOnAndTheCountysPutsItOnNotice() {
        ClaimState village = filed().when(approved(Stage.VILLAGE_ASSESSMENT));

        assertThat(filed().status()).isEqualTo(ClaimStatus.APPLIED);
        assertThat(village.status()).isEqualTo(ClaimStatus.VILLAGE_APPROVED);
        assertThat(village.when(approved(Stage.TOWNSHIP_REVIEW)).status()).isEqualTo(ClaimStatus.TOWNSHIP_APPROVED);
        assertThat(onNotice().status()).isEqualTo(ClaimStatus.PUBLIC_NOTICE);
        assertThat(onNotice().noticeEndsAt()).isEqualTo(Instant.EPOCH.plusSeconds(60));
    }

    @Test
    void objectionsHoldTheNoticeUntilTheLastIsDismissed() {
        ObjectionId first = new ObjectionId(UUID.randomUUID());
        ObjectionId second = new ObjectionId(UUID.randomUUID());
        ClaimState held = onNotice().when(new ObjectionRaised(person, claim, first, null, DAY))
                                    .when(new ObjectionRaised(person, claim, second, null, DAY));
        ClaimState oneDismissed = held.when(new ObjectionResolved(person, claim, first, false, null, "c", DAY));

        assertThat(held.status()).isEqualTo(ClaimStatus.OBJECTED);
        assertThat(held.openObjections()).isEqualTo(2);
        assertThat(oneDismissed.status()).isEqualTo(ClaimStatus.OBJECTED);
        assertThat(oneDismissed.when(new ObjectionResolved(person, claim, second, false, null, "c", DAY)).status())
                .isEqualTo(ClaimStatus.PUBLIC_NOTICE);
        assertThat(oneDismissed.when(new ObjectionResolved(person, claim, second, true, null, "c", DAY)).status())
                .as("upheld: the rejection that follows decides").isEqualTo(ClaimStatus.OBJECTED);
    }

    @Test
    void aGrantedClaimAddsUpItsPaymentsAndEnds() {
        ClaimState granted = onNotice().when(new BenefitClaimGranted(person, claim, DAY));
        ClaimState paid = granted.when(new BenefitPaid(person, claim, "2026-03", new BigDecimal("80.00"), DAY))
                                 .when(new BenefitPaid(person, claim, "2026-04", new BigDecimal("80.50"), DAY));
        ClaimState ended = paid.when(new BenefitClaimEnded(person, claim, EndReason.CHILD_DIED, DAY.plusMonths(2)));

        assertThat(granted.status()).isEqualTo(ClaimStatus.GRANTED);
        assertThat(granted.grantedOn()).isEqualTo(DAY);
        assertThat(paid.paidTotal()).isEqualByComparingTo("160.50");
        assertThat(ended.status()).isEqualTo(ClaimStatus.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.CHILD_DIED);
        assertThat(ended.paidTotal()).isEqualByComparingTo("160.50");
        assertThat(granted.paidTotal()).as("an earlier state is left as it was").isZero();
    }

    @Test
    void aRejectionClosesTheClaim() {
        ClaimState rejected = filed().when(new BenefitClaimRejected(person, claim, Stage.VILLAGE_ASSESSMENT, "no",
                "clerk", DAY));

        assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(rejected.status().open()).isFalse();
    }

    @Test
    void anImportedGrantIsGrantedFromItsDayShownFiledOnTheImportDayAndPaidAsAnyGrant() {
        ClaimState imported = ClaimState.imported(new BenefitGrantImported(person, claim,
                Programme.SPECIAL_SUPPORT, null, "import 1", LocalDate.of(2019, 5, 1), DAY));
        ClaimState paid = imported.when(new BenefitPaid(person, claim, "2026-03", new BigDecimal("20.00"), DAY));

        assertThat(imported.status()).isEqualTo(ClaimStatus.GRANTED);
        assertThat(imported.grantedOn()).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(imported.filedOn()).isEqualTo(DAY);
        assertThat(paid.paidTotal()).isEqualByComparingTo("20.00");
    }
}
