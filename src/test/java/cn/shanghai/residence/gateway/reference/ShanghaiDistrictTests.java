package cn.shanghai.residence.gateway.reference;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sixteen districts, found by their Chinese name and carrying their GB/T 2260 code. */
class ShanghaiDistrictTests {

    @Test
    void shouldFindADistrictByItsChineseName() {
        assertThat(ShanghaiDistrict.byChineseName("浦东新区")).contains(ShanghaiDistrict.PUDONG);
        assertThat(ShanghaiDistrict.byChineseName("崇明区")).contains(ShanghaiDistrict.CHONGMING);
    }

    @Test
    void shouldIgnoreSurroundingWhiteSpaceInTheName() {
        assertThat(ShanghaiDistrict.byChineseName("  徐汇区\t")).contains(ShanghaiDistrict.XUHUI);
    }

    @Test
    void shouldFindNoDistrictForAShortNameOrAPlaceOutsideShanghai() {
        assertThat(ShanghaiDistrict.byChineseName("浦东")).isEmpty();
        assertThat(ShanghaiDistrict.byChineseName("西湖区")).isEmpty();
        assertThat(ShanghaiDistrict.byChineseName("")).isEmpty();
    }

    @Test
    void shouldCarryEachDistrictsCodeAndName() {
        assertThat(ShanghaiDistrict.PUDONG.code()).isEqualTo("310115");
        assertThat(ShanghaiDistrict.PUDONG.chineseName()).isEqualTo("浦东新区");
        assertThat(ShanghaiDistrict.HUANGPU.code()).isEqualTo("310101");
        assertThat(Arrays.stream(ShanghaiDistrict.values()).map(ShanghaiDistrict::code))
                .hasSize(16).doesNotHaveDuplicates().allSatisfy(code -> assertThat(code).startsWith("3101"));
    }

    @Test
    void shouldListAllSixteenNamesForErrorMessages() {
        assertThat(ShanghaiDistrict.ALL_NAMES.split("、")).hasSize(16).startsWith("黄浦区").endsWith("崇明区")
                .contains("浦东新区");
    }
}
