package org.jingban.reimbursement.maternity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.reimbursement.Insured;
import org.jingban.reimbursement.ReimbursementItemsTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 主项七 生育保险待遇 on the real broker and store: 办理条件 of seed 002 §十九–二十二 (who may claim, the insured employee,
 * the allowance for the woman herself within the claim period), the 出生医学证明 by data sharing (gansu remark), the
 * standards and the allowance formula of the EXAMPLE policy worked by hand, one payment per invoice across 主项六 and
 * 主项七, and Songpan's allowance claimed by the unit.
 */
class MaternityTest extends ReimbursementItemsTest {

    static String invoice() {
        return "BR" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    static Map<String, Object> line(String code, String category, String amount) {
        return Map.of("项目编码", code, "项目名称", code, "类别", category, "数量", "1", "单价", amount, "金额", amount);
    }

    Map<String, Object> form(String itemCode, String region, String id, String category) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "刘芳");
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("联系电话", "13800138000");
        f.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行"));
        f.put("申请人类别", category);
        f.put("参保缴费信息", Map.of("参保单位名称", "松潘县某公司", "统一社会信用代码", TestIdentities.randomUnitCode(region)));
        f.put("门诊病历", "门诊病历号 MZ-001");
        f.put("医疗机构名称", "县人民医院");
        f.put("就诊日期", LocalDate.now().minusDays(5).toString());
        f.put("申请材料", catalog.item(itemCode, region).materials().stream().filter(m -> m.condition() == null)
                .map(Material::name).filter(n -> !n.contains("出生医学证明")).toList());
        return f;
    }

    JsonNode post(String path, String token, Map<String, Object> body, int status) {
        return http.post().uri("/api/v1/reimbursement/" + path).headers(h -> h.setBearerAuth(token)).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    void act(String number, String action, String token, Map<String, Object> body) {
        http.post().uri("/api/v1/reimbursement/cases/{n}/" + action, number).headers(h -> h.setBearerAuth(token))
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    @Test
    void delivery_costs_are_paid_up_to_the_standard_with_the_birth_certificate_from_data_sharing_and_the_invoice_once() {
        String id = Insured.idNumber("女");
        Insured.person(readModel, id, "刘芳", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        String certificate = "Q" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        post("shared-data/birth-certificates", TestTokens.system("health-data-exchange"),
                Map.of("出生医学证明编号", certificate, "母亲证件号码", id, "新生儿姓名", "刘小宝"), 200);
        String invoiceNumber = invoice();
        Map<String, Object> f = form("622036007002", SONGPAN, id, MaternityForm.WOMAN);
        f.put("分娩方式", "剖宫产");
        f.put("出生医学证明编号", certificate);
        f.put("票据", List.of(Map.of("票据号码", invoiceNumber, "票据金额", "3800.00")));
        f.put("费用明细", List.of(line("SS01", "甲类", "2500.00"), line("YP02", "乙类", "1000.00"), line("ZF03", "自费", "300.00")));
        JsonNode answer = post("maternity/delivery", TestTokens.insuredPerson(id), f, 202);
        // 甲类 2500 + 乙类 1000 = 3500 covered; 剖宫产 standard 3000.00 (example) → 3000.00
        assertThat(answer.get("estimate").get("预计报销金额").asString()).isEqualTo("3000.00");
        // the 出生医学证明 came by data sharing: no material is missing, the case waits for 受理 only
        assertThat(answer.get("status").asString()).isEqualTo("SUBMITTED");
        String number = answer.get("caseNumber").asString();
        String caseId = answer.get("caseId").asString();
        act(number, "accept", TestTokens.clerk("c1", SONGPAN), Map.of());
        act(number, "advance", TestTokens.reviewer("r1", SONGPAN), Map.of("stage", "审核"));
        act(number, "advance", TestTokens.finance("f1", SONGPAN), Map.of("stage", "费用复核"));
        act(number, "advance", TestTokens.finance("f2", SONGPAN), Map.of("stage", "拨付"));
        CloudEventRecord completed = events.awaitEvent(e -> CaseEvents.COMPLETED.equals(e.type())
                && caseId.equals(e.subject()), Duration.ofSeconds(30));
        assertThat(completed.data(CaseEventData.class).details()).containsEntry("amount", "3000.00");

        // the same invoice under 主项六: refused (one payment per invoice)
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("姓名", "刘芳");
        claim.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        claim.put("业务类型", "普通住院");
        claim.put("联系电话", "13800138000");
        claim.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行"));
        claim.put("材料明细及数量", List.of(Map.of("材料名称", "医院收费票据", "数量", 1)));
        claim.put("医疗机构名称", "县人民医院");
        claim.put("医疗机构等级", "二级");
        claim.put("就医地", SONGPAN);
        claim.put("入院日期", LocalDate.now().minusDays(9).toString());
        claim.put("出院日期", LocalDate.now().minusDays(5).toString());
        claim.put("票据", List.of(Map.of("票据号码", invoiceNumber, "票据金额", "3800.00")));
        claim.put("费用明细", List.of(line("SS01", "甲类", "2500.00"), line("YP02", "乙类", "1000.00"), line("ZF03", "自费", "300.00")));
        JsonNode refused = post("claims/inpatient", TestTokens.insuredPerson(id), claim, 422);
        assertThat(refused.toString()).contains("invoice-reimbursed");
    }

    @Test
    void who_may_claim_follows_seed_002_and_prenatal_care_is_paid_up_to_its_standard() {
        // seed 002 §二十 生育医疗费支付 办理条件: 参保女职工 / 领取失业保险金的女职工 / 参保男职工未就业配偶
        String man = Insured.idNumber("男");
        Insured.person(readModel, man, "王强", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        Map<String, Object> f = form("622036007002", SONGPAN, man, MaternityForm.WOMAN);
        f.put("分娩方式", "顺产");
        f.put("票据", List.of(Map.of("票据号码", invoice(), "票据金额", "1000.00")));
        f.put("费用明细", List.of(line("SS01", "甲类", "1000.00")));
        assertThat(post("maternity/delivery", TestTokens.insuredPerson(man), f, 422).toString()).contains("not-female");

        // his uninsured wife, as 男职工未就业配偶: his coverage counts; 顺产 1000 within the 2000 standard → 1000.00
        String wife = Insured.idNumber("女");
        Map<String, Object> spouse = form("622036007002", SONGPAN, wife, MaternityForm.SPOUSE);
        spouse.put("参保职工姓名", "王强");
        spouse.put("参保职工证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", man));
        spouse.put("分娩方式", "顺产");
        spouse.put("票据", List.of(Map.of("票据号码", invoice(), "票据金额", "1000.00")));
        spouse.put("费用明细", List.of(line("SS01", "甲类", "1000.00")));
        JsonNode accepted = post("maternity/delivery", TestTokens.insuredPerson(wife), spouse, 202);
        assertThat(accepted.get("estimate").get("预计报销金额").asString()).isEqualTo("1000.00");

        // 产前检查费 in Wuwei: 1000 of 甲类 examinations, the standard 800.00 (example) → 800.00
        String mother = Insured.idNumber("女");
        Insured.person(readModel, mother, "赵敏", InsuranceTypes.EMPLOYEE_INSURANCE, WUWEI, "在职职工");
        Map<String, Object> prenatal = form("622036007001", WUWEI, mother, MaternityForm.WOMAN);
        prenatal.put("票据", List.of(Map.of("票据号码", invoice(), "票据金额", "1000.00")));
        prenatal.put("费用明细", List.of(line("JC01", "甲类", "1000.00")));
        assertThat(post("maternity/prenatal-care", TestTokens.insuredPerson(mother), prenatal, 202).get("estimate")
                .get("预计报销金额").asString()).isEqualTo("800.00");
    }

    @Test
    void the_allowance_is_the_units_average_monthly_wage_per_day_times_the_days_and_in_songpan_the_unit_claims_it() {
        String id = Insured.idNumber("女");
        Insured.person(readModel, id, "陈静", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        String uscc = TestIdentities.randomUnitCode(SONGPAN);
        Map<String, Object> f = form("622036007004", SONGPAN, id, MaternityForm.WOMAN);
        f.put("参保缴费信息", Map.of("参保单位名称", "松潘县某公司", "统一社会信用代码", uscc));
        f.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行", "户名", "松潘县某公司"));
        f.put("单位上年度职工月平均工资", "6000.00");
        f.put("产假开始日期", LocalDate.now().minusDays(40).toString());
        f.put("是否难产", true);
        f.put("胎数", 2);
        f.put("承诺替代材料", catalog.item("622036007004", SONGPAN).materials().stream().map(Material::name)
                .filter(n -> n.contains("出生医学证明")).toList());
        // Songpan: the unit claims and is paid (catalog payee note); the woman herself may not
        post("maternity/allowance", TestTokens.insuredPerson(id), f, 403);
        JsonNode answer = post("maternity/allowance", TestTokens.employerAgent(uscc), f, 202);
        // 98 + 15 (难产) + 15 (the second baby) = 128 days; 6000.00 × 128 ÷ 30 = 25600.00
        assertThat(answer.get("estimate").get("预计金额").asString()).isEqualTo("25600.00");

        // claimed two years after the leave: past the (example) 12-month period
        f.put("产假开始日期", LocalDate.now().minusYears(2).toString());
        assertThat(post("maternity/allowance", TestTokens.employerAgent(uscc), f, 422).toString()).contains("claim-period-over");
    }
}
