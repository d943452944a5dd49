package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * 主项七 生育保险待遇 and 主项八 医疗救助 end to end through the gateway: a Wuwei unit's employees (enrollment-service,
 * 即时办结) claim 产前检查费, 生育医疗费 (the 出生医学证明 from the health department's exchange), 计划生育医疗费 and
 * 生育津贴 — the allowance paid through every stage; residents recognised by 民政's exchange claim the contribution
 * subsidy and 医疗救助 after 基本医保 and 大病保险. Amounts from the EXAMPLE policy, worked by hand.
 */
class MaternityAndAssistanceThroughGatewayTest extends E2eTest {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @Test
    void the_four_maternity_items_and_the_two_assistance_items_are_applied_for_and_one_is_paid_through_the_gateway() {
        String woman = idOf("女");
        String man = idOf("男");
        String unit = newUscc(WUWEI);
        api.post("/api/v1/enrollment/units", api.agent(unit), unitForm(unit, "武威市生育测试有限公司", WUWEI)).expect(201);
        api.post("/api/v1/enrollment/employees", api.agent(unit), employeesForm(unit, EMPLOYEE_MATERIALS,
                List.of(employeeRow("刘芳", woman, "6000.00", "增加"), employeeRow("王强", man, "6000.00", "增加")))).expect(201);

        // 产前检查费 (622036007001): 1000 of 甲类 examinations, the standard 800.00 → 800.00
        Map<String, Object> prenatal = eventually("the employee known to reimbursement", () -> {
            Api.Reply r = api.post("/api/v1/reimbursement/maternity/prenatal-care", api.person(woman),
                    maternity("622036007001", woman, "刘芳", unit, bill("JC01", "1000.00")));
            return r.status() == 202 ? r.expect(202) : null;
        });
        assertThat(Api.map(prenatal.get("estimate"))).containsEntry("预计报销金额", "800.00");

        // 生育医疗费 (622036007002): the 出生医学证明 from the exchange; 顺产 2500 covered, the standard 2000.00
        String certificate = "Q" + System.nanoTime();
        api.post("/api/v1/reimbursement/shared-data/birth-certificates", api.system("health-data-exchange"),
                Map.of("出生医学证明编号", certificate, "母亲证件号码", woman, "新生儿姓名", "刘小宝")).expect(200);
        Map<String, Object> delivery = maternity("622036007002", woman, "刘芳", unit, bill("SS01", "2500.00"));
        delivery.put("分娩方式", "顺产");
        delivery.put("出生医学证明编号", certificate);
        assertThat(Api.map(api.post("/api/v1/reimbursement/maternity/delivery", api.person(woman), delivery).expect(202)
                .get("estimate"))).containsEntry("预计报销金额", "2000.00");

        // 计划生育医疗费 (622036007003) of the man himself: 输精管结扎术 500 within the 600.00 standard → 500.00
        Map<String, Object> planning = maternity("622036007003", man, "王强", unit, bill("SS02", "500.00"));
        planning.put("申请人类别", "男职工");
        planning.put("手术项目", "输精管结扎术");
        assertThat(Api.map(api.post("/api/v1/reimbursement/maternity/family-planning", api.person(man), planning)
                .expect(202).get("estimate"))).containsEntry("预计报销金额", "500.00");

        // 生育津贴 (622036007004): 6000.00 × 98 ÷ 30 = 19600.00, paid through every stage
        Map<String, Object> allowance = maternity("622036007004", woman, "刘芳", unit, null);
        allowance.put("单位上年度职工月平均工资", "6000.00");
        allowance.put("产假开始日期", LocalDate.parse(TODAY).minusDays(30).toString());
        allowance.put("出生医学证明编号", certificate);
        Map<String, Object> applied = api.post("/api/v1/reimbursement/maternity/allowance", api.person(woman), allowance)
                .expect(202);
        assertThat(Api.map(applied.get("estimate"))).containsEntry("预计金额", "19600.00");
        String cases = "/api/v1/reimbursement/cases/" + applied.get("caseNumber");
        api.post(cases + "/accept", api.clerk(WUWEI), Map.of()).expect(200);
        api.post(cases + "/advance", api.reviewer(WUWEI), Map.of("stage", "审核")).expect(200);
        api.post(cases + "/advance", api.staff("FINANCE", "fin-check", WUWEI), Map.of("stage", "费用复核")).expect(200);
        api.post(cases + "/advance", api.staff("FINANCE", "fin-pay", WUWEI), Map.of("stage", "拨付")).expect(200);
        eventually("the allowance paid and the case completed", () ->
                "COMPLETED".equals(api.get(cases, api.person(woman)).expect(200).get("status")) ? true : null);

        // 主项八: residents recognised by 民政's exchange
        String poor = resident(WUWEI, 1950);
        api.post("/api/v1/reimbursement/shared-data/assistance-recipients", api.system("civil-affairs-exchange"),
                Map.of("证件号码", poor, "姓名", "备案人", "救助对象类别", "特困人员", "认定地", WUWEI)).expect(200);
        // 个人缴费补贴 (622036008001): 特困人员 100% of 400.00 (example) → 400.00
        Map<String, Object> subsidy = assistance("622036008001", poor);
        subsidy.put("缴费年度", LocalDate.parse(TODAY).getYear());
        subsidy.put("个人缴费金额", "400.00");
        Map<String, Object> subsidised = eventually("the resident known to reimbursement", () -> {
            Api.Reply r = api.post("/api/v1/reimbursement/assistance/contribution-subsidies", api.person(poor), subsidy);
            return r.status() == 202 ? r.expect(202) : null;
        });
        assertThat(Api.map(subsidised.get("estimate"))).containsEntry("预计补贴金额", "400.00");
        // 医疗救助对象手工报销 (622036008002): 10000 − 6000 − 1000 = 3000 still the person's × 70% (example) = 2100.00
        Map<String, Object> claim = assistance("622036008002", poor);
        claim.put("结算单", Map.of("结算单号", "JS-" + System.nanoTime(), "结算日期", TODAY, "医疗总费用", "12000.00",
                "政策范围内费用", "10000.00", "基本医疗保险支付", "6000.00", "大病保险支付", "1000.00"));
        claim.put("定点医疗机构处方底方或定点药店购药发票", "处方底方 CF-001");
        assertThat(Api.map(api.post("/api/v1/reimbursement/assistance/claims", api.person(poor), claim).expect(202)
                .get("estimate"))).containsEntry("预计报销金额", "2100.00");
    }

    /** A 居民身份证号码 of a woman or a man (the 17th digit: even for a woman). */
    static String idOf(String gender) {
        while (true) {
            String id = newIdNumber(1992);
            if ((Character.getNumericValue(id.charAt(16)) % 2 == 0) == "女".equals(gender)) {
                return id;
            }
        }
    }

    static List<Map<String, Object>> bill(String code, String amount) {
        return List.of(Map.of("项目编码", code, "项目名称", code, "类别", "甲类", "数量", "1", "单价", amount, "金额", amount));
    }

    private Map<String, Object> maternity(String itemCode, String id, String name, String unit, List<Map<String, Object>> lines) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", name);
        f.put("证件类型及号码", idDoc(id));
        f.put("联系电话", "13709351234");
        f.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行"));
        f.put("申请人类别", "女职工");
        f.put("参保缴费信息", Map.of("参保单位名称", "武威市生育测试有限公司", "统一社会信用代码", unit));
        f.put("门诊病历", "门诊病历号 MZ-001");
        f.put("医疗机构名称", "武威市妇幼保健院");
        f.put("就诊日期", LocalDate.parse(TODAY).minusDays(3).toString());
        if (lines != null) {
            String total = (String) lines.get(0).get("金额");
            f.put("票据", List.of(Map.of("票据号码", "SY" + System.nanoTime(), "票据金额", total)));
            f.put("费用明细", lines);
        }
        f.put("申请材料", materials(itemCode).stream().filter(m -> !m.contains("出生医学证明")).toList());
        return f;
    }

    private Map<String, Object> assistance(String itemCode, String id) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("参保人员信息", Map.of("姓名", "备案人", "证件类型及号码", idDoc(id), "联系电话", "13709351234"));
        f.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "农村信用社"));
        f.put("申请材料", materials(itemCode));
        return f;
    }

    private List<String> materials(String itemCode) {
        String code = URLEncoder.encode(itemCode, StandardCharsets.UTF_8);
        Map<String, Object> item = api.get("/api/v1/catalog/items/" + code + "?region=" + WUWEI, null).expect(200);
        return Api.maps(item.get("materials")).stream().filter(m -> m.get("condition") == null)
                .map(m -> (String) m.get("name")).toList();
    }
}
