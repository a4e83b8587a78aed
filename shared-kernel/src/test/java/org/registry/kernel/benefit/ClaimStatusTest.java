package org.registry.kernel.benefit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The three-level approval as a chain of statuses: each stage's approval is what the next stage awaits. */
class ClaimStatusTest {

    @Test
    void aFiledClaimAwaitsTheVillage() {
        assertThat(ClaimStatus.awaiting(Stage.VILLAGE_ASSESSMENT)).isEqualTo(ClaimStatus.APPLIED);
    }

    @Test
    void eachApprovalLeavesTheClaimAwaitingTheNextStage() {
        Stage[] stages = Stage.values();
        for (int i = 0; i + 1 < stages.length; i++) {
            assertThat(ClaimStatus.afterApprovalAt(stages[i])).as("approved at " + stages[i])
                    .isEqualTo(ClaimStatus.awaiting(stages[i + 1]));
        }
    }

    @Test
    void theCountysApprovalPutsTheClaimOnPublicNotice() {
        assertThat(ClaimStatus.afterApprovalAt(Stage.COUNTY_APPROVAL)).isEqualTo(ClaimStatus.PUBLIC_NOTICE);
    }

    @Test
    void noApprovalClosesTheClaim() {
        for (Stage stage : Stage.values()) {
            assertThat(ClaimStatus.afterApprovalAt(stage).open()).as("approved at " + stage).isTrue();
            assertThat(ClaimStatus.afterApprovalAt(stage)).isNotEqualTo(ClaimStatus.awaiting(stage));
        }
    }
}
