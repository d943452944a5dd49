package org.jingban.designation.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jingban.designation.DesignationServiceTest;
import org.jingban.designation.Designations;
import org.jingban.designation.Designations.Staff;
import org.jingban.designation.TestClock;
import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The items after the agreement, each an event settlement-service consumes: 信息变更 (松潘 即时, 武威 2 working days;
 * 重大信息 reported late is still changed and recorded so), 暂停（终止）(松潘 即时), 恢复 (松潘 10 working days), 开通异地就医
 * 直接结算 (松潘 22 working days). A suspended, terminated or out-of-scope institution cannot settle.
 */
class AgreementItemsTest extends DesignationServiceTest {

    static final String SONGPAN = "513224";
    static final String WUWEI = "620600";



    String designatedHospital(String division, String region, String name) {
        String uscc = TestIdentities.randomUnitCode(division);
        String no = Designations.body(d.applyHospital(d.hospital(uscc, name, division)).expectStatus().isAccepted())
                .get("caseNumber").asString();
        return d.designate(no, region, List.of("门诊", "住院"));
    }

    boolean permitted(String code, String scope) {
        return d.get("/agreements/" + code + "/settlement-permission?scope=" + scope, TestTokens.system("settlement-service"))
                .get("permitted").asBoolean();
    }

    CloudEventRecord event(String type, String code) {
        return events.awaitEvent(e -> e.type().equals(type) && e.dataJson().contains(code), Duration.ofSeconds(30));
    }

    static AgreementEvents.Agreement agreementOf(CloudEventRecord event) {
        return org.jingban.platform.messaging.EventJson.read(event.dataJson(), AgreementEvents.Agreement.class);
    }

    /** 受理 → 审核 → 办结 of a case that is not instant, by three people. */
    void handle(String caseNumber, String region) {
        Staff s = Staff.of(region);
        d.ok("/cases/" + caseNumber + "/accept", s.clerk(), null);
        d.ok("/cases/" + caseNumber + "/advance", s.reviewer(), Map.of("stage", "审核", "remark", "符合条件"));
        d.ok("/cases/" + caseNumber + "/complete", s.director(), Map.of());
    }

    @Test
    void songpan_changes_opens_off_site_settlement_suspends_resumes_and_terminates_and_settlement_follows() {
        clock.on("2026-03-02");
        String code = designatedHospital(SONGPAN, SONGPAN, "松潘县川主寺医院");
        assertThat(code).matches("H513224\\d{5}");
        String inst = TestTokens.institution(code);
        event(AgreementEvents.SIGNED, code);

        // 信息变更 (松潘 即时办结): a 重大信息 reported 30 working days after its approval is changed and recorded as late
        Map<String, Object> change = Map.of("机构名称", "松潘县川主寺中心医院", "批准变更日期", "2026-01-05",
                "申请材料", d.materials(AgreementItems.CHANGE, SONGPAN));
        JsonNode changed = Designations.body(d.post("/agreements/" + code + "/changes", inst, change).expectStatus().isCreated());
        assertThat(changed.get("result").get("name").asString()).isEqualTo("松潘县川主寺中心医院");
        assertThat(changed.get("result").get("history").toString()).contains("重大信息变更逾期报告");
        assertThat(event(AgreementEvents.CHANGED, code).dataJson()).contains("松潘县川主寺中心医院");
        // nothing to change: told at once, nothing stored
        assertThat(Designations.body(d.post("/agreements/" + code + "/changes", inst, Map.of("联系人手机号", "123"))
                .expectStatus().isBadRequest()).findValuesAsString("field")).contains("联系人手机号");

        // 开通异地就医直接结算业务 (22 working days): not in scope until the case completes
        assertThat(permitted(code, AgreementEvents.OFFSITE_SETTLEMENT)).isFalse();
        String offsite = Designations.body(d.post("/agreements/" + code + "/offsite-settlement", inst, Map.of(
                "开通范围", List.of("省内异地", "跨省异地"), "申请材料", d.materials(AgreementItems.OFFSITE, SONGPAN)))
                .expectStatus().isAccepted()).get("caseNumber").asString();
        handle(offsite, SONGPAN);
        assertThat(event(AgreementEvents.SCOPE_CHANGED, code).dataJson()).contains("OFFSITE_SETTLEMENT", "跨省异地");
        Eventually.until(Duration.ofSeconds(30), () -> permitted(code, AgreementEvents.OFFSITE_SETTLEMENT) ? true : null);

        // 暂停 (即时办结) with reason and period: no settlement while suspended
        Map<String, Object> suspend = Map.of("类型", "暂停", "原因", "院内信息系统升级改造", "暂停开始日期", "2026-06-01",
                "暂停结束日期", "2026-06-30", "申请材料", d.materials(AgreementItems.SUSPENSION, SONGPAN));
        JsonNode suspended = Designations.body(d.post("/agreements/" + code + "/suspension", inst, suspend)
                .expectStatus().isCreated());
        assertThat(suspended.get("result").get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(event(AgreementEvents.SUSPENDED, code).dataJson()).contains("\"suspendedUntil\":\"2026-06-30\"",
                "院内信息系统升级改造");
        assertThat(permitted(code, AgreementEvents.INPATIENT)).isFalse();
        assertThat(Designations.body(d.post("/agreements/" + code + "/suspension", inst, suspend).expectStatus()
                .isEqualTo(422)).findValuesAsString("code")).contains("wrong-status");

        // 恢复协议管理 (10 working days)
        String resume = Designations.body(d.post("/agreements/" + code + "/resumption", inst, Map.of("说明", "改造完成",
                "申请材料", d.materials(AgreementItems.RESUMPTION, SONGPAN))).expectStatus().isAccepted())
                .get("caseNumber").asString();
        handle(resume, SONGPAN);
        event(AgreementEvents.RESUMED, code);
        Eventually.until(Duration.ofSeconds(30), () -> permitted(code, AgreementEvents.INPATIENT) ? true : null);

        // 终止: for good
        JsonNode terminated = Designations.body(d.post("/agreements/" + code + "/suspension", inst, Map.of("类型", "终止",
                "原因", "机构停业", "申请材料", d.materials(AgreementItems.SUSPENSION, SONGPAN))).expectStatus().isCreated());
        assertThat(terminated.get("result").get("status").asString()).isEqualTo("TERMINATED");
        event(AgreementEvents.TERMINATED, code);
        assertThat(permitted(code, AgreementEvents.OUTPATIENT)).isFalse();
        assertThat(d.get("/agreements/" + code + "/settlement-permission?scope=OUTPATIENT",
                TestTokens.system("settlement-service")).get("reason").asString()).contains("终止");
    }

    @Test
    void wuwei_changes_in_2_working_days_and_offers_no_suspension_item_and_others_see_nothing() {
        clock.on("2026-03-02");
        String code = designatedHospital("620602", WUWEI, "凉州惠民医院");
        String inst = TestTokens.institution(code);
        // the agreement event carries the institution's 联系人手机号 of 表14 (notification-service texts it there)
        assertThat(agreementOf(event(AgreementEvents.SIGNED, code)).contactPhone()).isEqualTo("13809351234");
        // Wuwei: 2 working days, 承诺件 (the 甘肃省基本医疗保险定点医药机构变更申请表 as material)
        JsonNode submitted = Designations.body(d.post("/agreements/" + code + "/changes", inst, Map.of(
                "联系人姓名", "新联系人", "联系人手机号", "13609351111",
                "申请材料", d.materials(AgreementItems.CHANGE, WUWEI))).expectStatus().isAccepted());
        assertThat(submitted.get("itemCode").asString()).isEqualTo(AgreementItems.CHANGE);
        handle(submitted.get("caseNumber").asString(), WUWEI);
        // the changed 联系人手机号 is in the changed agreement's event
        assertThat(agreementOf(event(AgreementEvents.CHANGED, code)).contactPhone()).isEqualTo("13609351111");
        Eventually.until(Duration.ofSeconds(30), () -> "新联系人".equals(d.get("/agreements/" + code, inst)
                .get("contactName").asString()) ? true : null);

        // the suspension item is Songpan's only
        d.post("/agreements/" + code + "/suspension", inst, Map.of("类型", "暂停", "原因", "整改", "暂停开始日期", "2026-04-01"))
                .expectStatus().isEqualTo(422);
        // another institution, and staff of another region, do not see it at all
        d.post("/agreements/" + code + "/changes", TestTokens.institution("H62060200999"), Map.of("联系人姓名", "冒名"))
                .expectStatus().isNotFound();
        http.get().uri(Designations.BASE + "/agreements/" + code)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("clerk-sp", SONGPAN))).exchange().expectStatus().isNotFound();
    }

    @Test
    void a_malformed_institution_code_in_the_path_is_a_400_naming_it_not_a_404() {
        // issue "Input hygiene": every identifier is validated where it enters, the path included
        for (String path : new String[] {"/agreements/H6206X", "/agreements/H62060200001X/document",
                "/agreements/机构/settlement-permission?scope=OUTPATIENT"}) {
            http.get().uri(Designations.BASE + path)
                    .headers(h -> h.setBearerAuth(TestTokens.clerk("clerk-ww", "620600"))).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.violations[0].field").isEqualTo("institutionCode")
                    .jsonPath("$.violations[0].code").isEqualTo("invalid-institution-code");
        }
    }
}
