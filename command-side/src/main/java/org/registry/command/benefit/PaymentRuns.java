package org.registry.command.benefit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.ConcurrencyException;
import org.registry.command.api.CommandOutcome;
import org.registry.command.api.CommandRequest;
import org.registry.command.api.Commands;
import org.registry.command.directory.RecordDirectory;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.benefit.PayBenefit;
import org.registry.kernel.benefit.PaymentOutcome;
import org.registry.kernel.benefit.PaymentPeriod;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.platform.eventstore.LockConflicts;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.web.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payment run pays every granted claim of a programme in an area that is due for the period, and accounts for
 * every claim of the programme in the area in exactly one of paid, already paid, and not due with the reason. Each
 * claim the directory's grant and end days do not rule out is asked by a command of its own, on the claim, which
 * pays a period at most once: a run repeated, or two runs racing (the later writer to a person's record retries
 * and then finds the payment), pays nobody twice. With an {@code Idempotency-Key}, a retry also gets the first
 * run's answer.
 */
@RestController
@Tag(name = "Benefits")
class PaymentRuns {

    private static final int ATTEMPTS = 3;

    private final Commands commands;
    private final RecordDirectory directory;
    private final BenefitSettings settings;
    private final Clock clock;

    PaymentRuns(Commands commands, RecordDirectory directory, BenefitSettings settings, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    record PaymentRunRequest(@NotNull Programme programme, @NotNull YearMonth period,
                             @NotBlank @Text(max = TextLimits.TOKEN) String areaCode,
                             @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/api/benefit-payment-runs")
    @Operation(summary = "Pay every due claim of a programme in an area for a period (YYYY-MM; a yearly programme "
            + "pays the month's year); nobody twice. Every claim of the programme in the area is counted once: paid, "
            + "alreadyPaid, or notDue by reason (UNDER_REVIEW, REJECTED, GRANTED_AFTER_PERIOD, ENDED, NOT_RECERTIFIED, "
            + "BEFORE_REGISTER)")
    ResponseEntity<Map<String, Object>> run(@Valid @RequestBody PaymentRunRequest body, HttpServletRequest request) {
        return commands.once(body, request, () -> pay(body, request));
    }

    private ResponseEntity<Map<String, Object>> pay(PaymentRunRequest body, HttpServletRequest request) {
        AreaCode area = new AreaCode(body.areaCode());
        CurrentUser.requireScope(area);
        if (body.period().isAfter(YearMonth.now(clock))) {
            throw RejectionException.invalid("period", "VALIDATION_FAILED",
                    "a payment run pays a period that has begun, not " + body.period());
        }
        Require.date(body.period().atDay(1), "period");
        PaymentPeriod period = PaymentPeriod.of(body.programme(), body.period());
        BigDecimal amount = settings.amount(body.programme());

        Map<PaymentOutcome, Integer> counts = new EnumMap<>(PaymentOutcome.class);
        for (PaymentOutcome outcome : PaymentOutcome.values()) {
            counts.put(outcome, 0);
        }
        List<CommandOutcome> payments = new ArrayList<>();
        List<RecordDirectory.ClaimOfArea> claims = directory.claims(body.programme(), area);
        for (RecordDirectory.ClaimOfArea claim : claims) {
            PaymentOutcome outcome = period.ruledOutBy(claim.grantedOn(), claim.endedOn()).orElse(null);
            if (outcome == null) {
                CommandOutcome paying = payClaim(new PayBenefit(claim.personId(), claim.claimId(), body.period(),
                        amount), body, request);
                // The outcome crosses Axon Server as its name; locally it is the enum itself.
                outcome = PaymentOutcome.valueOf(String.valueOf(paying.value()));
                if (outcome == PaymentOutcome.PAID) {
                    payments.add(paying);
                }
            }
            counts.merge(outcome, 1, Integer::sum);
        }
        Map<String, Integer> byReason = new LinkedHashMap<>();
        counts.forEach((outcome, count) -> {
            if (outcome.notDue()) {
                byReason.put(outcome.name(), count);
            }
        });
        int paid = counts.get(PaymentOutcome.PAID);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("programme", body.programme());
        answer.put("period", period.label());
        answer.put("areaCode", area.value());
        answer.put("claims", claims.size());
        answer.put("paid", paid);
        answer.put("alreadyPaid", counts.get(PaymentOutcome.ALREADY_PAID));
        Map<String, Object> notDue = new LinkedHashMap<>();
        notDue.put("total", byReason.values().stream().mapToInt(Integer::intValue).sum());
        notDue.put("byReason", byReason);
        answer.put("notDue", notDue);
        answer.put("amount", amount.multiply(BigDecimal.valueOf(paid)).toPlainString());
        return ResponseEntity.ok().header(Commands.EVENT_POSITION, Long.toString(commands.positionOf(payments)))
                             .body(answer);
    }

    /** Another run paying the same person at the same moment wins the write; this one retries and sees it. */
    private CommandOutcome payClaim(PayBenefit command, CommandRequest body, HttpServletRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendWithAudit(command, body, request);
            } catch (RuntimeException e) {
                boolean raced = e instanceof ConcurrencyException || LockConflicts.isLockConflict(e);
                if (!raced || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
