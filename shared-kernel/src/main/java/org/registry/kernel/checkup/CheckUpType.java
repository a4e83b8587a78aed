package org.registry.kernel.checkup;

/** The health services of the offices (健康检查). */
public enum CheckUpType {
    /** 生殖健康检查: offered to married women of childbearing age, twice a year. */
    REPRODUCTIVE_HEALTH,
    /** 免费孕前优生健康检查: with a risk assessment; high risk needs a follow-up. */
    PRE_PREGNANCY,
    PREGNANCY_FOLLOW_UP,
    POSTNATAL;

    /** Services of pregnancy and its aftermath, given to women only. */
    public boolean forWomenOnly() {
        return this == PREGNANCY_FOLLOW_UP || this == POSTNATAL;
    }
}
