package org.registry.command.benefit;

import org.registry.kernel.benefit.Programme;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code registry.benefits.*}: what the programmes pay and how long a public notice runs. Amounts are
 * configuration, not code: {@code registry.benefits.amounts.ONLY_CHILD_PARENT_AWARD=20.00}.
 *
 * @param publicNoticePeriod how long a claim approved by the county stays on public notice (ISO-8601, P7D)
 * @param amounts            per programme, in yuan: a month's payment for monthly programmes, a year's for yearly
 */
@ConfigurationProperties("registry.benefits")
public record BenefitSettings(@DefaultValue("P7D") Duration publicNoticePeriod, Map<Programme, BigDecimal> amounts) {

    /** The seeds' figures (the award: 20 yuan a month) where configuration names none. */
    private static final Map<Programme, BigDecimal> DEFAULT_AMOUNTS = Map.of(
            Programme.ONLY_CHILD_PARENT_AWARD, new BigDecimal("20.00"),
            Programme.RURAL_REWARD_SUPPORT, new BigDecimal("960.00"),
            Programme.SPECIAL_SUPPORT, new BigDecimal("500.00"));

    public BenefitSettings {
        Map<Programme, BigDecimal> merged = new EnumMap<>(DEFAULT_AMOUNTS);
        if (amounts != null) {
            merged.putAll(amounts);
        }
        merged.replaceAll((programme, amount) -> amount.setScale(2, java.math.RoundingMode.UNNECESSARY));
        amounts = Map.copyOf(merged);
        if (publicNoticePeriod.isNegative() || publicNoticePeriod.isZero()) {
            throw new IllegalArgumentException("registry.benefits.public-notice-period must be positive");
        }
    }

    public BigDecimal amount(Programme programme) {
        return amounts.get(programme);
    }
}
