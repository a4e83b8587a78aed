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
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payment run pays every granted claim of a programme in an area that is due for the period. Each claim is
 * paid by a command of its own, on the claim, which pays a period at most once: a run repeated, or two runs
 * racing (the later writer to a person's record retries and then finds the payment), pays nobody twice. With an
 * {@code Idempotency-Key}, a retry also gets the first run's answer.
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
    @Operation(summary = "Pay every due claim of a programme in an area for a period (YYYY-MM); nobody twice")
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
        boolean yearly = body.programme().frequency() == Programme.Frequency.YEARLY;
        LocalDate start = yearly ? Year.of(body.period().getYear()).atDay(1) : body.period().atDay(1);
        LocalDate end = yearly ? Year.of(body.period().getYear()).atMonth(12).atEndOfMonth()
                : body.period().atEndOfMonth();
        BigDecimal amount = settings.amount(body.programme());

        int paid = 0;
        int alreadyPaid = 0;
        int notDue = 0;
        List<CommandOutcome> payments = new ArrayList<>();
        for (RecordDirectory.PayableClaim claim : directory.payableClaims(body.programme(), area, start, end)) {
            CommandOutcome outcome = payClaim(new PayBenefit(claim.personId(), claim.claimId(), body.period(),
                    amount), body, request);
            // The outcome crosses Axon Server as its name; locally it is the enum itself.
            switch (PaymentOutcome.valueOf(String.valueOf(outcome.value()))) {
                case PAID -> {
                    paid++;
                    payments.add(outcome);
                }
                case ALREADY_PAID -> alreadyPaid++;
                case NOT_DUE -> notDue++;
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("programme", body.programme());
        answer.put("period", yearly ? Integer.toString(body.period().getYear()) : body.period().toString());
        answer.put("areaCode", area.value());
        answer.put("paid", paid);
        answer.put("alreadyPaid", alreadyPaid);
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
