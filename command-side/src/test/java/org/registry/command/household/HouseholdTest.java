package org.registry.command.household;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.RegisterHousehold;
import org.registry.kernel.household.RelocateHousehold;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.registry.command.Rejections.rejectedWith;

class HouseholdTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final CommunityCode WENSAN = new CommunityCode("330106001001");
    static final CommunityCode XIXI = new CommunityCode("330106002003");

    private final HouseholdId id = new HouseholdId(UUID.randomUUID());
    private AggregateTestFixture<Household> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai")));
    }

    private HouseholdRegistered registered(LocalDate on) {
        return new HouseholdRegistered(id, WENSAN, "1 Wensan Road", HouseholdKind.REGISTERED, "H-17", on);
    }

    @Test
    void givenNothing_whenRegisterHousehold_thenRegistered() {
        fixture.givenNoPriorActivity()
               .when(new RegisterHousehold(id, WENSAN, " 1 Wensan Road ", HouseholdKind.REGISTERED, "H-17", TODAY))
               .expectSuccessfulHandlerExecution()
               .expectEvents(registered(TODAY));
    }

    @Test
    void givenNothing_whenRegisterHouseholdDatedTomorrow_thenRejected() {
        fixture.givenNoPriorActivity()
               .when(new RegisterHousehold(id, WENSAN, "1 Wensan Road", HouseholdKind.REGISTERED, null,
                       TODAY.plusDays(1)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_IN_FUTURE", "date"));
    }

    @Test
    void givenHousehold_whenRelocateToAnotherCommunity_thenRelocatedFromTheOldOne() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, XIXI, "8 Xixi Road", TODAY.minusDays(2)))
               .expectEvents(new HouseholdRelocated(id, WENSAN, XIXI, "8 Xixi Road", TODAY.minusDays(2)));
    }

    @Test
    void givenHousehold_whenRelocateWithinItsCommunity_thenRelocated() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, WENSAN, "2 Wensan Road", TODAY))
               .expectEvents(new HouseholdRelocated(id, WENSAN, WENSAN, "2 Wensan Road", TODAY));
    }

    @Test
    void givenHousehold_whenRelocateToWhereItIs_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, WENSAN, "1 Wensan Road", TODAY))
               .expectNoEvents()
               .expectException(rejectedWith("NOTHING_CHANGES"));
    }

    @Test
    void givenHousehold_whenRelocateInTheFuture_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, XIXI, "8 Xixi Road", TODAY.plusDays(1)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_IN_FUTURE", "date"));
    }

    @Test
    void givenHousehold_whenRelocateBeforeItWasRegistered_thenRejected() {
        fixture.given(registered(TODAY.minusYears(1)))
               .when(new RelocateHousehold(id, XIXI, "8 Xixi Road", TODAY.minusYears(2)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_BEFORE_LAST_MOVE", "date"));
    }

    @Test
    void givenRelocatedHousehold_whenRelocateDatedBeforeTheLastMove_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)),
                      new HouseholdRelocated(id, WENSAN, XIXI, "8 Xixi Road", TODAY.minusMonths(1)))
               .when(new RelocateHousehold(id, WENSAN, "9 Wensan Road", TODAY.minusMonths(2)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_BEFORE_LAST_MOVE"));
    }
}
