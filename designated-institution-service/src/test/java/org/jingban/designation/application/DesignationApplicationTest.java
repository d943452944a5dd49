package org.jingban.designation.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jingban.designation.DesignationServiceTest;
import org.jingban.designation.Designations;
import org.jingban.designation.Designations.Staff;
import org.jingban.designation.TestClock;
import org.jingban.designation.agreement.InstitutionCodes;
import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
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
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * 622036009001 / 622036009002 on the real broker and store, with a clock the test moves over the official 2026
 * calendar: 申请 → 受理 → 评估 → 公示 (+异议) → 协商谈判 → 签订 with the agreement and its event; the failed evaluation and
 * its 3- and 12-month bars; the lapse of an application not supplemented within 5 working days; form problems at once;
 * institution codes under concurrency. Rules cite seed 002 §二十五 (医疗机构) / §二十六 (零售药店) and 表23.
 */
class DesignationApplicationTest extends DesignationServiceTest {

    static final String WUWEI = "620600";
    static final String LIANGZHOU = "620602";

    @Autowired
    SupplementLapse lapse;
    @Autowired
    InstitutionCodes codes;

    Staff wuwei = Staff.of(WUWEI);

    String uscc() {
        return TestIdentities.randomUnitCode(WUWEI);
    }

    @Test
    void a_hospital_goes_from_application_to_agreement_and_settlement_hears_of_it() {
        clock.on("2026-04-27"); // a Monday; 劳动节 2026-05-01..05 lies ahead
        String uscc = uscc();
        JsonNode submitted = Designations.body(d.applyHospital(d.hospital(uscc, "凉州仁和医院", LIANGZHOU))
                .expectStatus().isAccepted());
        String no = submitted.get("caseNumber").asString();
        assertThat(submitted.get("currentStage").asString()).isEqualTo("受理");

        // seed 002 §二十五 业务受理②: 受理 (表19, 表20) by the clerk; the same clerk may not evaluate (较高风险)
        d.ok("/cases/" + no + "/accept", wuwei.clerk(), null);
        String clerkAndReviewer = TestTokens.as(org.jingban.platform.security.Role.CLERK,
                org.jingban.platform.security.Role.REVIEWER).subject("clerk-" + WUWEI).regions(WUWEI).token();
        assertThat(Designations.body(d.post("/applications/" + no + "/evaluation", clerkAndReviewer, Map.of("结果", "合格",
                "评估方式", "评估小组", "评估意见", "符合")).expectStatus().isEqualTo(422)).findValuesAsString("code"))
                .contains("separation-of-duties");
        // the institution itself cannot evaluate (403), another region's reviewer does not see it (404)
        d.post("/applications/" + no + "/evaluation", TestTokens.institution(uscc), Map.of()).expectStatus().isForbidden();
        d.post("/applications/" + no + "/evaluation", TestTokens.reviewer("rv-lz", "620100"), Map.of("结果", "合格"))
                .expectStatus().isNotFound();

        // the shared case endpoint cannot pass the evaluation without its findings: it names the operation to use
        assertThat(Designations.body(d.post("/cases/" + no + "/advance", wuwei.reviewer(), Map.of("stage", "评估"))
                .expectStatus().isEqualTo(422)).findValuesAsString("code")).contains("owned-stage");
        d.post("/cases/" + no + "/complete", wuwei.director(), Map.of()).expectStatus().isEqualTo(422);

        // seed 002 §二十五 组织评估①: findings recorded (and filed with the 行政部门)
        JsonNode evaluated = d.ok("/applications/" + no + "/evaluation", wuwei.reviewer(), Map.of("结果", "合格",
                "评估方式", "第三方机构", "评估机构", "甘肃某评估咨询有限公司", "评估意见", "书面、现场评估符合定点条件",
                "报行政部门备案日期", "2026-04-27"));
        assertThat(evaluated.get("currentStage").asString()).isEqualTo("公示");
        assertThat(evaluated.get("evaluation").get("result").asString()).isEqualTo("合格");
        // the evaluation-passed message: notification-service answers a stage-completed of 评估
        events.awaitEvent(e -> e.type().equals(CaseEvents.STAGE_COMPLETED) && e.dataJson().contains(no)
                && e.dataJson().contains("\"stage\":\"评估\""), Duration.ofSeconds(30));

        // seed 002 §二十五 组织评估②: 公示期不少于5个工作日 — from Tue 04-28: 04-28, 04-29, 04-30, (劳动节 05-01..05), 05-06, 05-07
        clock.on("2026-04-28");
        JsonNode publicised = d.ok("/applications/" + no + "/publicity", wuwei.clerk(), Map.of());
        assertThat(publicised.get("publicity").get("endsOn").asString()).isEqualTo("2026-05-07");
        clock.on("2026-04-29");
        d.ok("/applications/" + no + "/objections", wuwei.clerk(), Map.of("异议人", "群众来信", "异议内容", "该院停车场占用消防通道"));
        // the institution sees the objection's content, never the objector
        JsonNode seen = d.get("/applications/" + no, TestTokens.institution(uscc));
        assertThat(seen.get("objections").get(0).has("objector")).isFalse();

        clock.on("2026-05-07"); // the last day of the 公示: not yet
        assertThat(Designations.body(d.post("/applications/" + no + "/publicity/conclusion", wuwei.director(), null)
                .expectStatus().isEqualTo(422)).findValuesAsString("code")).contains("publicity.running", "objection.open");
        clock.on("2026-05-08");
        d.ok("/applications/" + no + "/objections/1/resolution", wuwei.director(), Map.of("结论", "不成立",
                "处理意见", "经核实，消防通道畅通"));
        // 评估 and 公示 decisions are separated by person
        assertThat(Designations.body(d.post("/applications/" + no + "/publicity/conclusion", wuwei.reviewer(), null)
                .expectStatus().isEqualTo(422)).findValuesAsString("code")).containsExactly("separation-of-duties");
        assertThat(d.ok("/applications/" + no + "/publicity/conclusion", wuwei.director(), null)
                .get("currentStage").asString()).isEqualTo("协商谈判");

        // seed 002 §二十五 业务办结: 协商谈判, then the agreement within 5 working days (Sat 05-09 is a 调休 working day)
        JsonNode negotiated = d.ok("/applications/" + no + "/negotiation", wuwei.reviewer(), Map.of("结果", "达成一致",
                "协议范围", List.of("门诊", "住院", "门诊慢特病"), "说明", "按协议文本达成一致"));
        assertThat(negotiated.get("negotiation").get("signBy").asString()).isEqualTo("2026-05-14");
        d.post("/applications/" + no + "/agreement", wuwei.reviewer(), null).expectStatus().isForbidden();
        JsonNode signed = d.ok("/applications/" + no + "/agreement", wuwei.director(), null);
        assertThat(signed.get("status").asString()).isEqualTo("COMPLETED");
        String code = signed.get("institutionCode").asString();
        assertThat(code).matches("H620602\\d{5}");

        CloudEventRecord event = events.awaitEvent(e -> e.type().equals(AgreementEvents.SIGNED)
                && e.dataJson().contains(code), Duration.ofSeconds(30));
        assertThat(event.dataJson()).contains("\"kind\":\"MEDICAL_INSTITUTION\"", "\"level\":\"二级\"",
                "\"validFrom\":\"2026-05-08\"", "\"validUntil\":\"2029-05-07\"", "\"status\":\"ACTIVE\"", "INPATIENT");
        events.awaitEvent(e -> e.type().equals(CaseEvents.COMPLETED) && e.dataJson().contains(no)
                && e.dataJson().contains(code), Duration.ofSeconds(30));

        // the institution with its new code sees its agreement, personal data masked; settlement's question
        JsonNode agreement = d.get("/agreements/" + code, TestTokens.institution(code));
        assertThat(agreement.get("scopeLabels").toString()).contains("门诊", "住院", "门诊慢特病");
        assertThat(agreement.get("legalRepresentative").get("身份证号").asString()).contains("*");
        assertThat(agreement.get("bankAccount").get("账号").asString()).contains("*");
        String settlement = TestTokens.system("settlement-service");
        assertThat(d.get("/agreements/" + code + "/settlement-permission?scope=INPATIENT", settlement)
                .get("permitted").asBoolean()).isTrue();
        assertThat(d.get("/agreements/" + code + "/settlement-permission?scope=MATERNITY", settlement)
                .get("permitted").asBoolean()).isFalse();

        // already designated: a second application is refused (不予受理, 表22)
        assertThat(Designations.body(d.applyHospital(d.hospital(uscc, "凉州仁和医院", LIANGZHOU)).expectStatus()
                .isEqualTo(422)).findValuesAsString("code")).contains("already-designated");
    }

    @Test
    void a_failed_evaluation_bars_a_new_application_for_3_months_from_the_notice_delivery_and_a_repeated_failure_for_12() {
        clock.on("2026-03-02");
        String uscc = uscc();
        String inst = TestTokens.institution(uscc);
        String first = Designations.body(d.applyPharmacy(d.pharmacy(uscc, "凉州百姓大药房", LIANGZHOU)).expectStatus()
                .isAccepted()).get("caseNumber").asString();
        d.ok("/cases/" + first + "/accept", wuwei.clerk(), null);
        // a failure needs its reasons and 整改建议 (表23): every missing one at once
        assertThat(Designations.body(d.post("/applications/" + first + "/evaluation", wuwei.reviewer(), Map.of("结果", "不合格",
                "评估方式", "评估小组", "评估意见", "现场评估")).expectStatus().isBadRequest()).findValuesAsString("field"))
                .containsExactlyInAnyOrder("不合格理由", "整改建议");
        JsonNode failed = d.ok("/applications/" + first + "/evaluation", wuwei.reviewer(), Map.of("结果", "不合格",
                "评估方式", "评估小组", "评估意见", "现场评估", "不合格理由", List.of("未设立医保/非医保专区"),
                "整改建议", List.of("设立医保专区并明确标示")));
        assertThat(failed.get("status").asString()).isEqualTo("REFUSED");
        assertThat(failed.get("evaluation").get("round").asString()).isEqualTo("初次评估");
        assertThat(failed.get("noticeDelivery").get("delivered").asBoolean()).isFalse();
        // the evaluation-failed message names the reason: the refused event carries it
        events.awaitEvent(e -> e.type().equals(CaseEvents.REFUSED) && e.dataJson().contains(first)
                && e.dataJson().contains("未设立医保/非医保专区"), Duration.ofSeconds(30));

        // seed 002 §二十六 组织评估③ "自结果告知送达之日起，整改3个月后可再次申请评估": until the notice is delivered the
        // 3 months have not begun — months after the evaluation, a new application is still refused, saying why
        clock.on("2026-03-05");
        JsonNode early = Designations.body(d.applyPharmacy(d.pharmacy(uscc, "凉州百姓大药房", LIANGZHOU)).expectStatus()
                .isEqualTo(422));
        assertThat(early.findValuesAsString("code")).containsExactly("barred-3-months");
        assertThat(early.findValuesAsString("message").get(0)).contains("尚未送达", "自告知书送达之日起");

        // 表23 签收: the clerk records the 邮寄送达 by the postal receipt's date (03-04); never before the notice, never
        // tomorrow, and only by the 送达方式 the office uses
        Map<String, Object> byPost = new java.util.HashMap<>(Map.of("送达方式", "邮寄送达", "签收人", "郑店长",
                "签收人联系电话", "13709359876", "签收日期", "2026-03-01"));
        assertThat(Designations.body(d.post("/applications/" + first + "/documents/23/delivery", wuwei.clerk(), byPost)
                .expectStatus().isEqualTo(422)).findValuesAsString("code")).containsExactly("before-notice");
        byPost.put("签收日期", "2026-03-06");
        assertThat(Designations.body(d.post("/applications/" + first + "/documents/23/delivery", wuwei.clerk(), byPost)
                .expectStatus().isBadRequest()).findValuesAsString("code")).containsExactly("in-future");
        assertThat(Designations.body(d.post("/applications/" + first + "/documents/23/delivery", wuwei.clerk(),
                Map.of("送达方式", "口头告知", "签收人", "郑店长")).expectStatus().isBadRequest()).findValuesAsString("field"))
                .containsExactlyInAnyOrder("送达方式", "签收人联系电话", "签收日期");
        // another institution does not see the notice at all
        d.post("/applications/" + first + "/documents/23/delivery", TestTokens.institution(uscc()),
                Map.of("签收人", "冒名", "签收人联系电话", "13709350000")).expectStatus().isNotFound();
        byPost.put("签收日期", "2026-03-04");
        JsonNode delivered = Designations.body(d.post("/applications/" + first + "/documents/23/delivery", wuwei.clerk(),
                byPost).expectStatus().isOk());
        // the 签收 block beside the sealed notice: the phone masked, the first day to apply again = 03-04 + 3 months
        assertThat(delivered.get("receipt").get("签收日期").asString()).isEqualTo("2026-03-04");
        assertThat(delivered.get("receipt").get("签收人联系电话").asString()).isEqualTo("137****9876");
        assertThat(delivered.get("receipt").get("可再次申请日期").asString()).isEqualTo("2026-06-04");
        assertThat(d.get("/applications/" + first, inst).get("noticeDelivery").get("reapplyFrom").asString())
                .isEqualTo("2026-06-04");
        // delivered once: the institution's own 签收 afterwards changes nothing
        assertThat(Designations.body(d.post("/applications/" + first + "/documents/23/delivery", inst, Map.of(
                "签收人", "郑店长", "签收人联系电话", "13709359876")).expectStatus().isEqualTo(422))
                .findValuesAsString("code")).containsExactly("notice.delivered");

        // 3 months from the 送达 (03-04), not from the evaluation (03-02): 06-03 still barred, 06-04 open
        clock.on("2026-06-03");
        JsonNode barred = Designations.body(d.applyPharmacy(d.pharmacy(uscc, "凉州百姓大药房", LIANGZHOU)).expectStatus()
                .isEqualTo(422));
        assertThat(barred.findValuesAsString("code")).containsExactly("barred-3-months");
        assertThat(barred.findValuesAsString("message").get(0)).contains("2026-03-04送达", "2026-06-04");
        clock.on("2026-06-04");
        String second = Designations.body(d.applyPharmacy(d.pharmacy(uscc, "凉州百姓大药房", LIANGZHOU)).expectStatus()
                .isAccepted()).get("caseNumber").asString();
        d.ok("/cases/" + second + "/accept", wuwei.clerk(), null);
        JsonNode again = d.ok("/applications/" + second + "/evaluation", wuwei.reviewer(), Map.of("结果", "不合格",
                "评估方式", "评估小组", "评估意见", "复评", "不合格理由", List.of("医保目录内药品管理不规范"),
                "整改建议", List.of("建立药品进销存台账")));
        assertThat(again.get("evaluation").get("round").asString()).isEqualTo("再次评估");

        // 表23 备注2 "再次评估仍不合格的，12个月内不得再次申请": the institution signs for the notice online six days later
        // (电子送达, today): neither another 送达方式 nor another day is the institution's to give
        clock.on("2026-06-10");
        assertThat(Designations.body(d.post("/applications/" + second + "/documents/23/delivery", inst, Map.of(
                "送达方式", "直接送达", "签收人", "郑店长", "签收人联系电话", "13709359876")).expectStatus().isBadRequest())
                .findValuesAsString("code")).containsExactly("institution-electronic");
        assertThat(Designations.body(d.post("/applications/" + second + "/documents/23/delivery", inst, Map.of(
                "签收人", "郑店长", "签收人联系电话", "13709359876", "签收日期", "2026-06-05")).expectStatus().isBadRequest())
                .findValuesAsString("code")).containsExactly("institution-today");
        JsonNode signed = Designations.body(d.post("/applications/" + second + "/documents/23/delivery", inst, Map.of(
                "签收人", "郑店长", "签收人联系电话", "13709359876")).expectStatus().isOk());
        assertThat(signed.get("receipt").get("送达方式").asString()).isEqualTo("电子送达");
        assertThat(signed.get("receipt").get("签收日期").asString()).isEqualTo("2026-06-10");
        assertThat(signed.get("receipt").get("可再次申请日期").asString()).isEqualTo("2027-06-10");

        clock.on("2027-06-09");
        JsonNode stillBarred = Designations.body(d.applyPharmacy(d.pharmacy(uscc, "凉州百姓大药房", LIANGZHOU)).expectStatus()
                .isEqualTo(422));
        assertThat(stillBarred.findValuesAsString("code")).containsExactly("barred-12-months");
        assertThat(stillBarred.findValuesAsString("message").get(0)).contains("2026-06-10送达", "2027-06-10");
        clock.on("2027-06-10");
        d.applyPharmacy(d.pharmacy(uscc, "凉州百姓大药房", LIANGZHOU)).expectStatus().isAccepted();
    }

    @Test
    void an_application_not_supplemented_within_5_working_days_lapses_by_itself_and_the_institution_is_told() {
        // seed 002 §二十五 业务受理③: 申请机构应在5个工作日内补齐补正，逾期视为放弃此次申请 (on the official calendar:
        // from Tue 09-29: 09-30, (国庆 10-01..07), 10-08, 10-09, Sat 10-10 (调休上班), 10-12)
        clock.on("2026-09-29");
        String lapsing = Designations.body(d.applyHospital(d.hospital(uscc(), "凉州康宁医院", LIANGZHOU)).expectStatus()
                .isAccepted()).get("caseNumber").asString();
        String supplied = Designations.body(d.applyHospital(d.hospital(uscc(), "凉州安和医院", LIANGZHOU)).expectStatus()
                .isAccepted()).get("caseNumber").asString();
        Map<String, Object> notice = Map.of("reasons", List.of(Map.of("message", "医疗机构执业许可证复印件不清晰，请重新提供")));
        for (String no : List.of(lapsing, supplied)) {
            d.ok("/cases/" + no + "/supplement", wuwei.clerk(), notice);
        }
        JsonNode waiting = d.get("/applications/" + lapsing, TestTokens.institution(Designations.body(
                http.get().uri(Designations.BASE + "/applications/" + lapsing).headers(h -> h.setBearerAuth(wuwei.clerk()))
                        .exchange().expectStatus().isOk()).get("creditCode").asString()));
        assertThat(waiting.get("supplementDue").asString()).isEqualTo("2026-10-12");

        clock.on("2026-10-12");
        d.post("/cases/" + supplied + "/resume", wuwei.clerk(), Map.of("supplied", List.of(Map.of("name",
                "医疗机构执业许可证或中医诊所备案证或军队医疗机构为民服务许可证照复印件")))).expectStatus().isOk();
        assertThat(lapse.lapseDue().block()).isZero();

        clock.on("2026-10-13");
        assertThat(lapse.lapseDue().block()).isGreaterThanOrEqualTo(1L);
        JsonNode closed = d.get("/applications/" + lapsing, wuwei.clerk());
        assertThat(closed.get("status").asString()).isEqualTo("REJECTED");
        assertThat(closed.findValuesAsString("code")).contains(SupplementLapse.LAPSED);
        events.awaitEvent(e -> e.type().equals(CaseEvents.REJECTED) && e.dataJson().contains(lapsing)
                && e.dataJson().contains(SupplementLapse.LAPSED), Duration.ofSeconds(30));
        assertThat(d.get("/applications/" + supplied, wuwei.clerk()).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void every_form_problem_is_told_at_once_and_nothing_is_stored() {
        clock.on("2026-04-01");
        String uscc = uscc();
        Map<String, Object> f = new java.util.LinkedHashMap<>(d.hospital(uscc, "凉州问题医院", LIANGZHOU));
        f.remove("联系人姓名");
        f.remove("编制床位数");
        f.put("医疗机构等级", "特级");
        f.put("法定代表人信息(姓名、身份证号、联系方式)", Map.of("姓名", "张", "身份证号", "620602199013011234", "联系方式", "123"));
        f.put("医疗机构执业许可证有效期限截止日期", "2019-13-01");
        f.put("建筑面积", "很大");
        f.put("申请协议范围", List.of("药品零售"));
        JsonNode problem = Designations.body(d.applyHospital(f).expectStatus().isBadRequest());
        assertThat(problem.findValuesAsString("field")).contains("联系人姓名", "编制床位数", "医疗机构等级",
                "法定代表人信息(姓名、身份证号、联系方式).身份证号", "法定代表人信息(姓名、身份证号、联系方式).联系方式",
                "医疗机构执业许可证有效期限截止日期", "建筑面积", "申请协议范围");
        // nothing stored: the institution has no case and no application
        assertThat(Designations.body(http.get().uri(Designations.BASE + "/cases/mine")
                .headers(h -> h.setBearerAuth(TestTokens.institution(uscc))).exchange().expectStatus().isOk())).isEmpty();
        // the personal data of the form never shows in the problem
        assertThat(problem.toString()).doesNotContain("620602199013011234");
        // another institution may not apply in this one's name
        d.post("/applications/medical-institutions", TestTokens.institution(uscc()), d.hospital(uscc, "冒名医院", LIANGZHOU))
                .expectStatus().isForbidden();
    }

    @Test
    void institution_codes_follow_the_national_layout_and_are_unique_under_concurrency() {
        String division = "620621"; // 民勤县
        List<String> issued = Flux.range(0, 40).flatMap(i -> codes.next(i % 2 == 0
                ? InstitutionKind.MEDICAL_INSTITUTION : InstitutionKind.RETAIL_PHARMACY, division), 16)
                .collectList().block();
        Set<String> distinct = new HashSet<>(issued);
        assertThat(distinct).hasSize(40);
        assertThat(new ArrayList<>(distinct)).allMatch(c -> c.matches("[HP]620621\\d{5}"));
        assertThat(distinct.stream().filter(c -> c.startsWith("H"))).hasSize(20);
        assertThat(distinct).contains("H62062100001", "P62062100020");
        assertThat(LocalDate.now()).isNotNull();
    }
}
