package org.registry.kernel.area;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.registry.kernel.common.RejectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AreaCodeTest {

    @Test
    void aCommunityCodeHasTwelveDigitsAndKnowsItsTownshipAndCounty() {
        CommunityCode community = new CommunityCode("330106001001");
        assertThat(community.township()).isEqualTo(new AreaCode("330106001"));
        assertThat(community.county()).isEqualTo(new AreaCode("330106"));
        assertThat(community).hasToString("330106001001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "33010600100", "3301060010011", "33010600100A", " 330106001001"})
    void aCommunityCodeOfAnotherShapeIsRefusedNamingTheField(String code) {
        assertThatThrownBy(() -> new CommunityCode(code))
                .isInstanceOfSatisfying(RejectionException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo("COMMUNITY_CODE_INVALID");
                    assertThat(e.rejection().field()).isEqualTo("communityCode");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000000000", "990106001001", "330106001000", "330106000001", "330006001001"})
    void aCodeNoCommunityCanHaveIsRefusedAsNewInputButStillReadFromStoredEvents(String code) {
        CommunityCode stored = new CommunityCode(code);
        assertThatThrownBy(stored::requireKnown)
                .isInstanceOfSatisfying(RejectionException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo("COMMUNITY_CODE_INVALID");
                    assertThat(e.rejection().field()).isEqualTo("communityCode");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"33", "3301", "330106", "330106001", "330106001001"})
    void anAreaIsADivisionCodePrefixOfAnyLevel(String code) {
        assertThat(new AreaCode(code).contains(new CommunityCode("330106001001"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "33010", "3301060011", "x30106", "99", "3300", "330100"})
    void anAreaOfNoLevelIsRefused(String code) {
        assertThatThrownBy(() -> new AreaCode(code)).isInstanceOf(RejectionException.class);
    }

    @Test
    void anAreaContainsOnlyTheCommunitiesUnderIt() {
        assertThat(new AreaCode("330106").contains(new CommunityCode("330107001001"))).isFalse();
        assertThat(new AreaCode("330106").contains(new AreaCode("330106001"))).isTrue();
        assertThat(new AreaCode("330106001").contains(new AreaCode("330106"))).isFalse();
    }
}
