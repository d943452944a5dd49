package org.jingban.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionsTest {

    @Test
    void county_city_and_province_codes_are_known_by_name() {
        assertThat(Divisions.name("513224")).hasValue("松潘县");
        assertThat(Divisions.name("620600")).hasValue("武威市");
        assertThat(Divisions.name("620000")).hasValue("甘肃省");
    }

    @Test
    void a_county_code_leads_to_its_city_and_province() {
        assertThat(Divisions.provinceCode("513224")).hasValue("510000");
        assertThat(Divisions.provinceName("513224")).hasValue("四川省");
        assertThat(Divisions.cityCode("513224")).hasValue("513200");
        assertThat(Divisions.cityName("513224")).hasValue("阿坝藏族羌族自治州");
        assertThat(Divisions.provinceCode("620600")).hasValue("620000");
        assertThat(Divisions.cityCode("620600")).hasValue("620600");
        assertThat(Divisions.cityCode("620000")).isEmpty();
    }

    @Test
    void unknown_and_malformed_codes_are_not_known() {
        assertThat(Divisions.isKnownRegionCode("629900")).isFalse();
        assertThat(Divisions.isKnownRegionCode("990000")).isFalse();
        assertThat(Divisions.isKnownRegionCode("6206")).isFalse();
        assertThat(Divisions.isKnownRegionCode(null)).isFalse();
        assertThat(Divisions.name("629900")).isEmpty();
        assertThat(Divisions.provinceCode("abc")).isEmpty();
    }
}
