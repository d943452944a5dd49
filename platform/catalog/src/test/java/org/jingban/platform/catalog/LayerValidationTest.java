package org.jingban.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Broken layer trees under src/test/resources/fixtures fail at load, listing every problem at once. */
class LayerValidationTest {

    private static final ClassLoader LOADER = LayerValidationTest.class.getClassLoader();

    @Test
    void a_broken_tree_reports_every_problem_naming_file_item_and_field() {
        CatalogException failure = catchThrowableOfType(CatalogException.class,
                () -> Catalog.load(LOADER, "fixtures/broken"));

        assertThat(failure.problems()).contains(
                "catalog: national.yaml item X001 field service: billing-service is not a known service",
                "catalog: national.yaml item X002 field steps: [申请, 受理] does not start with 申请 and end with 办结",
                "catalog: national.yaml item X003 field timeLimit.workingDays: -1 is not a number of working days",
                "catalog: national.yaml item X004 field templates.completed: template has no 【经办机构落款】",
                "catalog: national.yaml item X005 field riskLevel: 特高风险 is not a known risk label",
                "catalog: national.yaml item X001 field code: duplicate item code in this layer",
                "catalog: provinces/130000.yaml item X999 field code: overlay for an unknown item code (no lower layer defines it)",
                "catalog: provinces/130000.yaml field office: office nowhere is not defined in this layer or below",
                "catalog: provinces/130000.yaml item X404 field mainItems.M1.subItems: main item lists an item that does not exist",
                "catalog: regions/130100.yaml item X000 field timeLimit.workingDays: -1 is not a number of working days");
        assertThat(failure.getMessage()).startsWith(failure.problems().size() + " catalog problems:");
    }

    @Test
    void a_missing_tree_fails_with_the_path_it_looked_for() {
        CatalogException failure = catchThrowableOfType(CatalogException.class,
                () -> Catalog.load(LOADER, "fixtures/nothing-here"));

        assertThat(failure.getMessage()).isEqualTo("catalog: fixtures/nothing-here/layers.yaml: not found on the class path");
    }

    @Test
    void another_province_deploys_by_overlay_files_alone() {
        Catalog hebei = Catalog.load(LOADER, "fixtures/hebei");

        ItemDefinition transfer = hebei.item("T1", "130100");
        assertThat(transfer.timeLimit().workingDays()).isEqualTo(12); // province 12 over national 15
        assertThat(transfer.localCode()).isEqualTo("SJZ-T1");
        assertThat(transfer.office().name()).isEqualTo("石家庄市医疗保障局");
        assertThat(transfer.office().consultPhoneFor("转移接续")).isEqualTo("0311-2222222");
        assertThat(transfer.office().consultPhoneFor("参保登记")).isEqualTo("0311-1111111");
        assertThat(transfer.mainItemName()).isEqualTo("关系转移接续");
        assertThat(transfer.sources()).containsExactly("national", "hebei", "shijiazhuang");
        assertThat(hebei.item("T1", "130200").office().id()).isEqualTo("hebei-province");
        assertThat(hebei.items("130100")).extracting(ItemDefinition::code).containsExactly("T1", "E1", "local:sjz:电话变更");
        assertThat(hebei.find("local:sjz:电话变更", "130200")).isEmpty();
        assertThat(hebei.items()).hasSize(3);
        assertThat(hebei.withDefaultRegion("130100").items()).extracting(ItemDefinition::regionCode).containsOnly("130100");
    }
}
