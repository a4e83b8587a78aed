package org.registry.kernel.benefit;

/** The family benefit programmes (奖励扶助) and how often each pays. */
public enum Programme {
    /** 独生子女父母奖励: a parent of exactly one child, monthly until the child turns 14. */
    ONLY_CHILD_PARENT_AWARD(Frequency.MONTHLY),
    /** 农村计划生育家庭奖励扶助: rural parents of one child or two daughters, from age 60, yearly. */
    RURAL_REWARD_SUPPORT(Frequency.YEARLY),
    /** 计划生育特别扶助: parents aged 49 or more whose only child died or is severely disabled, monthly. */
    SPECIAL_SUPPORT(Frequency.MONTHLY);

    public enum Frequency { MONTHLY, YEARLY }

    private final Frequency frequency;

    Programme(Frequency frequency) {
        this.frequency = frequency;
    }

    public Frequency frequency() {
        return frequency;
    }
}
