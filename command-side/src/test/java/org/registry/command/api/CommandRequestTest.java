package org.registry.command.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRequestTest {

    record Plain(String reason) implements CommandRequest {
    }

    record WithNote(String note, String reason) implements CommandRequest.Noted {
    }

    @Test
    void theAuditTrailKeepsTheReasonGiven_orForANotedBodyWithoutOneItsNote() {
        assertThat(new Plain("why").auditReason()).isEqualTo("why");
        assertThat(new Plain(null).auditReason()).isNull();
        assertThat(new WithNote("checked", "why").auditReason()).isEqualTo("why");
        assertThat(new WithNote("checked", null).auditReason()).isEqualTo("checked");
        assertThat(new WithNote("checked", "").auditReason()).isEmpty();
        assertThat(new WithNote("checked", null).reason()).isNull();
    }
}
