package org.jingban.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 甘肃省就医费用报销“一件事” (seed 004) as the catalog gives it: data that drives the bundle in offsite-filing-service. */
class OneThingBundleTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final String CODE = "onething:就医费用报销一件事";

    @Test
    void the_bundle_is_offered_in_gansu_and_its_regions_with_its_own_limit_and_the_four_parts_of_seed_004() {
        BundleDefinition b = CATALOG.bundle(CODE, "620600").orElseThrow();

        assertThat(b.regionCode()).isEqualTo("620600");
        assertThat(b.kind()).isEqualTo(CaseKind.PROMISED); // 办件类型 承诺件
        assertThat(b.timeLimit().workingDays()).isEqualTo(2); // 承诺办结时限 2个工作日
        assertThat(b.timeLimit().statutoryWorkingDays()).isEqualTo(3); // 法定办结时限 3个工作日
        assertThat(b.steps()).containsExactly("申请", "受理", "办结"); // 一事联办 3个环节
        assertThat(b.onlineDepth()).isEqualTo("全程网办（Ⅳ级）");
        assertThat(b.parts()).extracting(BundleDefinition.Part::name).containsExactly("职工医保个人账户家庭共济办理",
                "基本医疗保险参保人员异地就医备案", "五种门诊慢特病费用跨省直接结算", "医疗费用报销直接结算");
        assertThat(b.appliedPartOf("offsite-filing-service").orElseThrow().items())
                .containsExactly("622036004001", "622036004002", "622036004003", "622036004004");
        BundleDefinition.Part family = b.appliedPartOf("enrollment-service").orElseThrow();
        // 适用对象说明：职工医保个人账户家庭共济办理仅支持在甘肃省内参保人员
        assertThat(family.insuredInProvince()).isEqualTo("620000");
        assertThat(family.openTo("620100")).isTrue();
        assertThat(family.openTo("513224")).isFalse();
        assertThat(b.partsOf("settlement-service")).allSatisfy(p -> assertThat(p.mode()).isEqualTo(BundleDefinition.Mode.ENABLED));
        assertThat(b.partsOf("settlement-service").get(0).diseases()).hasSize(5);
        assertThat(b.efficiency()).extracting(BundleDefinition.Efficiency::bundled)
                .containsExactly("2个工作日", "1次跑动", "3份材料", "3个环节");
    }

    @Test
    void the_bundle_is_the_case_kernels_item_but_not_one_of_the_checklists_items() {
        ItemDefinition item = CATALOG.item(CODE, "620100");

        assertThat(item.service()).isEqualTo("offsite-filing-service");
        assertThat(item.timeLimit().workingDays()).isEqualTo(2);
        assertThat(item.materials()).isEmpty();
        assertThat(CATALOG.items()).extracting(ItemDefinition::code).doesNotContain(CODE);
        assertThat(CATALOG.bundles("513224")).isEmpty(); // 四川 has none
    }
}
