package org.jingban.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bundled layers, read as the service guides read: one item in one region at a time. */
class BundledCatalogTest {

    private static final Catalog CATALOG = Catalog.load();

    private static final String TRANSFER = "622036003002";

    @Test
    void all_43_items_of_the_catalog_are_listed_once() {
        List<ItemDefinition> items = CATALOG.items();

        assertThat(items).hasSize(43); // 28 of 001 + 1 national-only + 14 local-only
        assertThat(items).extracting(ItemDefinition::code).doesNotHaveDuplicates()
                .contains("622036001001", "national:其他临时外出就医人员备案",
                        "local:songpan:参保人员电话号码新增和更改", "local:wuwei:普通门诊", "local:定点医药机构信息变更");
        assertThat(CATALOG.defaultRegion()).isEqualTo("620000");
    }

    @Test
    void every_item_has_a_service_a_name_a_chain_from_application_to_completion_and_a_limit() {
        assertThat(CATALOG.items()).allSatisfy(item -> {
            assertThat(item.name()).isNotBlank();
            assertThat(item.service()).endsWith("-service");
            assertThat(item.steps()).startsWith("申请").endsWith("办结");
            assertThat(item.timeLimit()).isNotNull();
            assertThat(item.kind()).isNotNull();
        });
    }

    @Test
    void items_are_homed_where_they_are_offered() {
        Map<String, String> homes = CATALOG.items().stream()
                .collect(java.util.stream.Collectors.toMap(ItemDefinition::code, ItemDefinition::regionCode));

        assertThat(homes).containsEntry(TRANSFER, "620000")
                .containsEntry("national:其他临时外出就医人员备案", "620000")
                .containsEntry("local:wuwei:普通门诊", "620600")
                .containsEntry("local:定点医药机构信息变更", "620600")
                .containsEntry("local:songpan:参保单位缴费基数申报", "513224");
    }

    @Test
    void a_transfer_in_wuwei_takes_twenty_working_days_on_gansu_stage_clocks_at_the_city_window() {
        ItemDefinition transfer = CATALOG.item(TRANSFER, "620600");

        // gansu 20 wins over the national 15 in Gansu regions; wuwei 法定20/承诺20 agrees
        assertThat(transfer.timeLimit().workingDays()).isEqualTo(20);
        assertThat(transfer.timeLimit().statutoryWorkingDays()).isEqualTo(20);
        assertThat(transfer.kind()).isEqualTo(CaseKind.PROMISED);
        // 联系函 5 + 信息表 10 + 办结 5 = 20
        assertThat(transfer.stageLimits()).extracting(StageLimit::workingDays).containsExactly(5, 10, 5);
        assertThat(transfer.stageLimits()).extracting(StageLimit::source).containsOnly("gansu");
        assertThat(transfer.stageLimits().get(0).stage()).isEqualTo("转入地生成并发出《联系函》");
        assertThat(transfer.office().name()).isEqualTo("武威市医疗保障局（市医保局窗口）");
        assertThat(transfer.office().consultPhoneFor(transfer.name())).isEqualTo("0935-2116031");
        assertThat(transfer.localCode()).isEqualTo("11620600MB1585792W3002036218000");
        assertThat(transfer.steps()).containsExactly("申请", "受理", "审核", "办结");
        assertThat(transfer.sources()).containsExactly("national", "gansu", "wuwei");
        assertThat(transfer.regionCode()).isEqualTo("620600");
        assertThat(transfer.template("completed")).get().extracting(MessageTemplate::text)
                .isEqualTo("【经办机构落款】尊敬的***,您于****年**月**日办理的转移接续已完成。如有疑问，请咨询******(电话)。");
        assertThat(transfer.template("failed")).get().extracting(MessageTemplate::text)
                .isEqualTo("【经办机构落款】尊敬的***,您于****年**月**日办理的转移接续未完成。原因为：***如有疑问，请咨询******(电话)。");
        assertThat(transfer.template("failed").orElseThrow().placeholders())
                .containsExactly("称呼", "日期", "原因", "咨询电话");
        assertThat(transfer.requiredFields()).hasSize(10).startsWith("姓名", "证件类型及号码");
    }

    @Test
    void a_transfer_in_songpan_takes_twenty_working_days_at_the_songpan_hall_without_gansu_clocks() {
        ItemDefinition transfer = CATALOG.item(TRANSFER, "513224");

        assertThat(transfer.timeLimit().workingDays()).isEqualTo(20);
        assertThat(transfer.timeLimit().text()).isEqualTo("不超过20个工作日");
        assertThat(transfer.office().id()).isEqualTo("songpan-hall");
        assertThat(transfer.office().name()).isEqualTo("松潘县政务中心政务服务大厅医保窗口");
        assertThat(transfer.office().consultPhoneFor(transfer.name())).isEqualTo("0837-7232652");
        // Sichuan does not inherit Gansu: the stage clocks are the national ones (转出地 10, 转入地 5)
        assertThat(transfer.stageLimits()).extracting(StageLimit::workingDays).containsExactly(10, 5);
        assertThat(transfer.stageLimits()).extracting(StageLimit::source).containsOnly("national");
        assertThat(transfer.sources()).containsExactly("national", "songpan");
    }

    @Test
    void a_transfer_in_lanzhou_has_no_city_layer_and_uses_gansu_limits_at_the_province_office() {
        ItemDefinition transfer = CATALOG.item(TRANSFER, "620100");

        assertThat(transfer.timeLimit().workingDays()).isEqualTo(20);
        assertThat(transfer.stageLimits()).extracting(StageLimit::workingDays).containsExactly(5, 10, 5);
        assertThat(transfer.office().id()).isEqualTo("gansu-province");
        assertThat(transfer.office().name()).isEqualTo("甘肃省医疗保障局");
        assertThat(transfer.localCode()).isNull();
        assertThat(CATALOG.office("620100")).get().extracting(Office::id).isEqualTo("gansu-province");
    }

    @Test
    void a_region_in_a_province_without_any_layer_gets_the_national_template_only() {
        ItemDefinition transfer = CATALOG.item(TRANSFER, "110000");

        assertThat(transfer.timeLimit().workingDays()).isEqualTo(15);
        assertThat(transfer.office()).isNull();
        assertThat(CATALOG.office("110105")).isEmpty();
        assertThat(CATALOG.items("110105")).hasSize(29);
        assertThat(CATALOG.mainItems("110105")).isEmpty();
    }

    @Test
    void wuwei_promises_one_working_day_for_unit_registration_against_five_by_law() {
        ItemDefinition registration = CATALOG.item("622036001001", "620600");

        assertThat(registration.timeLimit().workingDays()).isEqualTo(1);
        assertThat(registration.timeLimit().statutoryWorkingDays()).isEqualTo(5);
        assertThat(registration.kind()).isEqualTo(CaseKind.INSTANT); // 武威 prints 即办件
        assertThat(CATALOG.item("622036001001", "620000").timeLimit().workingDays()).isEqualTo(5);
        assertThat(CATALOG.item("622036001001", "513224").timeLimit().workingDays()).isEqualTo(3);
    }

    @Test
    void employee_registration_is_instant_for_flexible_workers_and_five_days_for_employees() {
        TimeLimit limit = CATALOG.item("622036001002", "620000").timeLimit();

        assertThat(limit.byGroup()).containsEntry("在职职工", 5).containsEntry("灵活就业人员", 0);
        assertThat(limit.workingDaysFor("在职职工")).isEqualTo(5);
        assertThat(limit.instantFor("灵活就业人员")).isTrue();
        assertThat(limit.instantFor("在职职工")).isFalse();
        assertThat(limit.workingDaysFor(null)).isEqualTo(5);
        // 武威's promise of 1 caps the employees; flexible workers stay instant
        TimeLimit wuwei = CATALOG.item("622036001002", "620600").timeLimit();
        assertThat(wuwei.workingDaysFor("在职职工")).isEqualTo(1);
        assertThat(wuwei.instantFor("灵活就业人员")).isTrue();
    }

    @Test
    void a_one_time_account_withdrawal_is_riskier_and_needs_separate_hands_and_a_payment_step() {
        ItemDefinition withdrawal = CATALOG.item("622036002003", "620000");

        assertThat(withdrawal.riskLevel()).isEqualTo(RiskLevel.HIGHER);
        assertThat(withdrawal.riskLevel().label()).isEqualTo("较高风险");
        assertThat(withdrawal.requiresSeparationOfDuties()).isTrue();
        assertThat(withdrawal.steps()).containsExactly("申请", "受理", "审核", "拨付", "办结");
        assertThat(withdrawal.timeLimit().workingDays()).isEqualTo(15);
        assertThat(withdrawal.forms()).containsExactly(7, 17);
        assertThat(CATALOG.item("622036001001", "620000").requiresSeparationOfDuties()).isFalse();
    }

    @Test
    void designation_is_counted_in_months_in_gansu_and_in_working_days_in_wuwei() {
        TimeLimit gansu = CATALOG.item("622036009001", "620000").timeLimit();
        TimeLimit wuwei = CATALOG.item("622036009001", "620600").timeLimit();

        assertThat(gansu.naturalMonths()).isEqualTo(3);
        assertThat(gansu.hasWorkingDays()).isFalse();
        assertThatThrownBy(() -> gansu.workingDaysFor(null)).isInstanceOf(IllegalStateException.class);
        assertThat(wuwei.workingDays()).isEqualTo(25);
        assertThat(wuwei.statutoryWorkingDays()).isEqualTo(30);
        assertThat(wuwei.naturalMonths()).isNull();
    }

    @Test
    void songpan_local_items_are_offered_in_songpan_only() {
        String phone = "local:songpan:参保人员电话号码新增和更改";

        assertThat(CATALOG.find(phone, "513224")).isPresent();
        assertThat(CATALOG.find(phone, "620600")).isEmpty();
        assertThat(CATALOG.find(phone, "620000")).isEmpty();
        assertThat(CATALOG.find(phone, "510000")).isEmpty();
        assertThat(CATALOG.items("513224")).extracting(ItemDefinition::code)
                .filteredOn(code -> code.startsWith("local:songpan:")).hasSize(10); // 14 local-only = 10 songpan + 3 wuwei + 1 shared
        assertThat(CATALOG.items("620600")).extracting(ItemDefinition::code)
                .noneMatch(code -> code.startsWith("local:songpan:"));
    }

    @Test
    void a_songpan_item_handled_upstairs_names_the_bureau_office() {
        ItemDefinition filing = CATALOG.item("local:songpan:异地急诊、抢救住院登记备案", "513224");

        assertThat(filing.office().id()).isEqualTo("songpan-bureau-3-2");
        assertThat(filing.office().consultPhoneFor(filing.name())).isEqualTo("0837-7232575");
        assertThat(filing.steps()).containsExactly("申请", "受理", "审核", "办结");
        assertThat(filing.kind()).isEqualTo(CaseKind.INSTANT);
        assertThat(filing.mainItemName()).isEqualTo("基本医疗保险参保人员异地就医备案");
    }

    @Test
    void the_catalogs_50_notification_templates_are_all_present_and_signed() {
        List<MessageTemplate> templates = CATALOG.items().stream().flatMap(item -> item.templates().stream()).toList();

        assertThat(templates).hasSize(50); // 23 completed + 23 failed + 2 evaluation-passed + 2 evaluation-failed
        assertThat(templates).allSatisfy(t -> assertThat(t.text()).startsWith("【经办机构落款】"));
        assertThat(templates).extracting(MessageTemplate::event).filteredOn("evaluation-passed"::equals).hasSize(2);
    }

    @Test
    void gansu_lists_ten_main_items_over_its_28_items() {
        List<MainItem> mainItems = CATALOG.mainItems("620600");

        assertThat(mainItems).hasSize(10);
        assertThat(mainItems.get(0)).extracting(MainItem::code, MainItem::name, MainItem::seq)
                .containsExactly("62203600100Y", "基本医疗保险参保和变更登记", 1);
        assertThat(mainItems.stream().mapToInt(m -> m.subItems().size()).sum()).isEqualTo(28);
        assertThat(CATALOG.item(TRANSFER, "620600").mainItemName()).isEqualTo("基本医疗保险关系转移接续");
    }

    @Test
    void an_item_not_offered_in_the_region_is_refused_in_chinese() {
        assertThatThrownBy(() -> CATALOG.item("local:wuwei:普通门诊", "513224"))
                .isInstanceOf(UnknownItemException.class)
                .hasMessageContaining("事项清单中没有事项").hasMessageContaining("513224");
        assertThatThrownBy(() -> CATALOG.items("62"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("医保区划");
    }

    /**
     * Seed 001 (甘肃省医疗保障经办政务服务事项清单) row 2, 622036001002's 申请材料 note: "委托办理的，应提供委托人及代理人身份证件原件
     * 及委托人授权委托书（下同）" — the material belongs to that item and every item after it on the checklist, in Gansu's
     * regions (also where a region replaces an item's materials), not before it and not in Sichuan.
     */
    @Test
    void the_delegation_material_stated_once_with_xiatong_applies_to_every_following_gansu_item() {
        String agentMaterial = "委托人及代理人身份证件原件及委托人授权委托书";
        java.util.function.BiFunction<String, String, List<Material>> delegation = (code, region) -> CATALOG
                .item(code, region).materials().stream().filter(m -> "委托办理的".equals(m.condition())).toList();

        assertThat(delegation.apply("622036001001", "620600")).isEmpty();
        assertThat(delegation.apply("622036001002", "620600")).extracting(Material::name).containsExactly(agentMaterial);
        for (String code : List.of(TRANSFER, "622036002003", "622036004001", "622036006001", "622036010001")) {
            for (String region : List.of("620600", "620100")) {
                assertThat(delegation.apply(code, region)).as(code + " in " + region)
                        .extracting(Material::name).containsExactly(agentMaterial);
            }
        }
        // Songpan (四川) follows its own guide, which states no "下同": Gansu's rule does not reach its items
        assertThat(delegation.apply(TRANSFER, "513224")).isEmpty();
        assertThat(delegation.apply("622036002003", "513224")).isEmpty();
    }
}
