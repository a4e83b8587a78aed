package org.registry.kernel.person;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * A birth's order among its mother's children: 1 + her children born before it, or born the same day and registered
 * before it (twins by the order of registration). The one rule the mother's record, the as-of reader and, in SQL over
 * their own rows, the person index and the residence history apply.
 */
public final class BirthOrder {

    private BirthOrder() {
    }

    /**
     * One of a mother's children.
     *
     * @param child      the child's record
     * @param born       the child's birth date
     * @param registered where the child's registration stands among her children's: lower is earlier
     */
    public record Birth(PersonId child, LocalDate born, long registered) {

        public Birth {
            Objects.requireNonNull(child, "child");
            Objects.requireNonNull(born, "born");
        }

        /** Born before {@code other}, or the same day and registered before it. */
        boolean before(Birth other) {
            return born.isBefore(other.born) || (born.equals(other.born) && registered < other.registered);
        }
    }

    /** The order of {@code child} among {@code births}, the mother's children (the child among them or not). */
    public static int of(Birth child, Collection<Birth> births) {
        int order = 1;
        for (Birth other : births) {
            if (!other.child().equals(child.child()) && other.before(child)) {
                order++;
            }
        }
        return order;
    }
}
