package org.jingban.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 城乡居民 中止 / 终止 through 城乡居民参保信息变更登记 (622036001006, 表6). Seed 002 §六(二) 事项描述: "城乡居民基本医疗保险
 * 参保人员的证件号码、户籍所在地址、居住地址等个人信息发生改变或办理中止、终止参保关系时，应向医疗保障经办机构申请办理城乡居民参保信息
 * 变更登记" — a 表6 row with 变更项目 参保状态. After a 中止 the person may enrol in another pool (§三(五) counts only
 * active coverage as "已参加") and transfer the record.
 */
class ResidentCoverageEndTest extends EnrollmentTest {

    @Autowired
    InsuredPersons persons;

    private static Map<String, Object> statusChange(String id, String before, String after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("姓名", "居民");
        change.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        change.put("联系电话", "13709351234");
        change.put("关键信息标识", "非关键信息");
        change.put("变更明细", List.of(Map.of("变更项目", "参保状态", "变更前信息", before, "变更后信息", after)));
        change.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《基本医疗保险城乡居民参保信息变更登记表》"));
        return change;
    }

    @Test
    void a_resident_stops_coverage_in_wuwei_with_form_6_and_can_then_enrol_in_lanzhou() {
        String id = resident(WUWEI);
        String token = TestTokens.insuredPerson(id);

        // an ending that is not 中止 or 终止 is a form problem (400)
        web.post().uri("/api/v1/enrollment/residents/changes").headers(h -> h.setBearerAuth(token))
                .bodyValue(statusChange(id, "参保缴费", "暂停")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("变更明细[1].变更后信息")
                .jsonPath("$.violations[0].code").isEqualTo("unknown-option");

        web.post().uri("/api/v1/enrollment/residents/changes").headers(h -> h.setBearerAuth(token))
                .bodyValue(statusChange(id, "参保缴费", "中止参保")).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.itemCode").isEqualTo("622036001006")
                .jsonPath("$.result.insurances[0].status").isEqualTo("SUSPENDED")
                .jsonPath("$.result.insurances[0].periods[0].to").exists()
                .jsonPath("$.result.changes[?(@.field == '参保状态')].after").isEqualTo("中止参保");

        // already stopped: the 变更前信息 no longer matches the register
        web.post().uri("/api/v1/enrollment/residents/changes").headers(h -> h.setBearerAuth(token))
                .bodyValue(statusChange(id, "参保缴费", "终止参保")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("before-mismatch");

        // no longer 已参加 anywhere: the resident registers in Lanzhou
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", "居民");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        form.put("出生日期", "1995-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "甘肃省兰州市城关区");
        form.put("申请人身份", "无业成年人");
        form.put("参保地区", LANZHOU);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(token)).bodyValue(form).exchange()
                .expectStatus().isCreated();
        InsuredPerson person = persons.findByIdNumber(id).block(TIMEOUT);
        assertThat(person.insurance(Insurance.RESIDENT_INSURANCE, WUWEI)).get()
                .extracting(Insurance::getStatus).isEqualTo(Insurance.Status.SUSPENDED);
        assertThat(person.activeInsurance(Insurance.RESIDENT_INSURANCE, LANZHOU)).isPresent();

        // a later 表6 change concerns the active coverage (Lanzhou), so 终止 there ends that one
        web.post().uri("/api/v1/enrollment/residents/changes").headers(h -> h.setBearerAuth(token))
                .bodyValue(statusChange(id, "参保缴费", "终止参保")).exchange().expectStatus().isCreated();
        assertThat(persons.findByIdNumber(id).block(TIMEOUT).insurance(Insurance.RESIDENT_INSURANCE, LANZHOU)).get()
                .extracting(Insurance::getStatus).isEqualTo(Insurance.Status.TERMINATED);
    }
}
