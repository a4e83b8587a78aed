package org.registry.command.person;

import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionException;

import java.util.List;
import java.util.Optional;

/**
 * One named rule of the person's record: given the facts a decision rests on, the rejection they earn, or nothing
 * when the rule allows them. {@link Person} decides a command by checking a list of such rules in order, the first
 * rejection winning, and then applies its event; the rules themselves are small values, testable on plain facts.
 *
 * @param <F> the facts the rule reads
 */
@FunctionalInterface
interface Policy<F> {

    Optional<Rejection> check(F facts);

    /** What a rule returns when the facts pass it. */
    static Optional<Rejection> allowed() {
        return Optional.empty();
    }

    /** Throws the first rejection of {@code policies}, checked in their order; returns when all allow the facts. */
    static <F> void requireAll(List<? extends Policy<F>> policies, F facts) {
        for (Policy<F> policy : policies) {
            Optional<Rejection> rejection = policy.check(facts);
            if (rejection.isPresent()) {
                throw new RejectionException(rejection.get());
            }
        }
    }
}
