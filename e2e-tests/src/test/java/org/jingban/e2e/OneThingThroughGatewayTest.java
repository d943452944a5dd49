package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.offsitefiling.api.OffsiteFilingTopics;
import org.jingban.platform.test.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * 甘肃省就医费用报销“一件事” (seed 004) end to end on the packaged services, through the gateway: a Wuwei employee with a
 * 门诊慢特病 entitlement (高血压, reimbursement-service) applies once (offsite-filing-service keeps the bundle), ends with
 * the 备案 in force and the child bound to the account (enrollment-service, by event), and a cross-province chronic visit
 * in 成都 is then settled directly (settlement-service). A 城乡居民, who has no 职工医保个人账户, applies for both: the
 * 家庭共济 part is refused and named in the one notice, the 备案 stands.
 */
class OneThingThroughGatewayTest extends E2eTest {

    static final String CHENGDU = "510100";
    static final String JINJIANG = "510104";
    static final String FAMILY = "职工医保个人账户家庭共济办理";
    static final String FILING = "基本医疗保险参保人员异地就医备案";
    static final String CHRONIC = "五种门诊慢特病费用跨省直接结算";

    @Test
    void one_application_binds_the_family_files_off_site_and_a_cross_province_chronic_visit_is_then_settled_directly() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // a Wuwei employee with contributions (unit and employee registration are 即办件 there)
        String id = newIdNumber(1968);
        String person = api.person(id);
        String unit = newUscc(WUWEI);
        api.post("/api/v1/enrollment/units", api.agent(unit), unitForm(unit, "武威市一件事测试商贸有限公司", WUWEI)).expect(201);
        api.post("/api/v1/enrollment/employees", api.agent(unit), employeesForm(unit, EMPLOYEE_MATERIALS,
                List.of(employeeRow("一件事", id, "6000.00", "增加")))).expect(201);
        eventually("insured in Wuwei", () -> insurance(personQuery(person, id), EMPLOYEE, WUWEI));
        api.post("/api/v1/enrollment/accounts/contributions", api.system("tax-bureau", "enrollment:contributions"),
                Map.of("postings", List.of(Map.of("serialNumber", "E2E-1J-" + id, "idNumber", id, "period", "202611",
                        "insuranceType", EMPLOYEE, "regionCode", WUWEI, "contributionAmount", "2000.00")))).list();
        String child = resident(WUWEI, 1992); // an adult child, insured in Gansu (seed 004 一.1)

        // the 门诊慢特病 entitlement already granted (622036005000): 高血压, one of the five cross-province diseases
        Map<String, Object> entitlement = entitlementForm(id, "高血压", materials("622036005000"));
        Map<String, Object> applied = eventually("the employee known to reimbursement", () -> {
            Api.Reply reply = api.post("/api/v1/reimbursement/entitlements/chronic-diseases", person, entitlement);
            return reply.status() == 202 ? reply.expect(202) : null;
        });
        String cases = "/api/v1/reimbursement/cases/" + applied.get("caseNumber");
        api.post(cases + "/accept", api.clerk(WUWEI), Map.of()).expect(200);
        api.post(cases + "/advance", api.reviewer(WUWEI), Map.of("stage", "审核")).expect(200);
        api.post(cases + "/complete", api.staff("CLERK", "clerk-1j", WUWEI), Map.of()).expect(200);
        Map<String, Object> granted = eventually("the entitlement", () -> Api.maps(api.get(
                "/api/v1/reimbursement/entitlements/mine", person).list()).stream().findFirst().orElse(null));

        // one application: the 备案 to 成都, the child to bind — one form, one set of materials
        Map<String, Object> form = oneThing(id, "职工医保", List.of(Map.of("亲属姓名", "孩子", "亲属证件类型及号码", idDoc(child),
                "与本人关系", "子女")));
        Map<String, Object> accepted = eventually("the employee known to offsite-filing", () -> {
            Api.Reply reply = api.post("/api/v1/offsite-filing/one-things", person, form);
            return reply.status() == 202 || reply.status() == 201 ? reply.map() : null;
        });
        String number = (String) accepted.get("caseNumber");
        Map<String, Object> done = eventually("the bundle completed", () -> {
            Map<String, Object> view = api.get("/api/v1/offsite-filing/one-things/" + number, person).expect(200);
            return "COMPLETED".equals(view.get("status")) ? view : null;
        });
        // seed 004: 承诺办结时限 2个工作日 over the bundle, each part's state on one 办件号
        assertThat(done.get("dueDate")).isNotNull();
        assertThat(done.get("notice")).isNull();
        assertThat(part(done, FAMILY)).containsEntry("state", "DONE");
        assertThat(part(done, FILING)).containsEntry("state", "DONE");
        assertThat(part(done, CHRONIC)).containsEntry("state", "ENABLED");
        // 家庭共济 bound at enrollment-service, the 备案 in force
        assertThat(Api.maps(api.get("/api/v1/enrollment/accounts/family-members", person).list()))
                .anySatisfy(m -> assertThat(m).containsEntry("relation", "子女").containsEntry("status", "BOUND"));
        String filingNumber = (String) part(done, FILING).get("caseNumber");
        assertThat(api.get("/api/v1/offsite-filing/filings/" + filingNumber, person).expect(200)).containsEntry("status", "ACTIVE");

        // a hospital in 成都 that settles cross-province 门诊慢特病, as designated-institution-service publishes it
        String code = "H" + JINJIANG + ThreadLocalRandom.current().nextInt(10000, 99999);
        AgreementEvents.Agreement agreement = new AgreementEvents.Agreement("XY-" + code, code, newUscc(CHENGDU),
                "成都端到端测试医院", "MEDICAL_INSTITUTION", CHENGDU, JINJIANG, "三级",
                List.of(AgreementEvents.OUTPATIENT, AgreementEvents.CHRONIC_DISEASE, AgreementEvents.OFFSITE_SETTLEMENT),
                List.of("跨省异地"), "ACTIVE", today.minusYears(1), today.plusYears(2), null, null, null, null, null);
        TestEvents.publish(DesignationTopics.EVENTS, "/jingban/designated-institution", AgreementEvents.SIGNED,
                agreement.agreementNumber(), agreement);
        stack.awaitConsumed("settlement-service-designation", DesignationTopics.EVENTS);
        stack.awaitConsumed("settlement-service-enrollment", EnrollmentTopics.EVENTS);
        stack.awaitConsumed("settlement-service-offsite-filing", OffsiteFilingTopics.EVENTS);
        stack.awaitConsumed("settlement-service-entitlements", org.jingban.reimbursement.api.ReimbursementTopics.EVENTS);

        // the cross-province chronic visit, settled directly at the hospital's counter
        String hospital = api.token(Map.of("role", "INSTITUTION", "subject", "inst-" + code, "institution", code));
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("invoiceNumber", "CD1J" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        bill.put("idNumber", id);
        bill.put("visitType", "CHRONIC_OUTPATIENT");
        bill.put("visitDate", today.toString());
        bill.put("diseaseCode", granted.get("diseaseCode"));
        bill.put("lines", List.of(Map.of("code", "YP101", "name", "硝苯地平缓释片", "category", "甲类", "quantity", "4",
                "unitPrice", "50.00", "amount", "200.00")));
        Map<String, Object> receipt = api.post("/api/v1/settlement/settlements", hospital, bill).expect(201);
        assertThat(receipt).containsEntry("status", "SETTLED");
        assertThat(new BigDecimal((String) receipt.get("fund"))).isPositive();
    }

    @Test
    void a_resident_without_a_personal_account_gets_the_family_part_refused_in_one_notice_and_keeps_the_filing() {
        String id = resident(WUWEI, 1970);
        String person = api.person(id);
        String sister = resident(WUWEI, 1972);
        Map<String, Object> form = oneThing(id, "城乡居民医保", List.of(Map.of("亲属姓名", "姐妹", "亲属证件类型及号码",
                idDoc(sister), "与本人关系", "兄弟姐妹")));
        Map<String, Object> accepted = eventually("the resident known to offsite-filing", () -> {
            Api.Reply reply = api.post("/api/v1/offsite-filing/one-things", person, form);
            return reply.status() == 202 || reply.status() == 201 ? reply.map() : null;
        });
        Map<String, Object> done = eventually("the bundle completed", () -> {
            Map<String, Object> view = api.get("/api/v1/offsite-filing/one-things/" + accepted.get("caseNumber"), person)
                    .expect(200);
            return "COMPLETED".equals(view.get("status")) ? view : null;
        });
        assertThat(part(done, FAMILY)).containsEntry("state", "REFUSED");
        assertThat(part(done, FILING)).containsEntry("state", "DONE");
        assertThat((String) done.get("notice")).contains("「" + FAMILY + "」未办成", "没有职工医保个人账户",
                "「" + FILING + "」已办结，不受影响");
        assertThat(api.get("/api/v1/offsite-filing/filings/" + part(done, FILING).get("caseNumber"), person).expect(200))
                .containsEntry("status", "ACTIVE");
    }

    private Map<String, Object> oneThing(String id, String insurance, List<Map<String, Object>> relatives) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "一件事");
        f.put("证件类型及号码", idDoc(id));
        f.put("参保险种", insurance);
        f.put("联系电话", "13709351234");
        f.put("备案类别", "异地长期居住人员");
        f.put("登记类别", "新增");
        f.put("申请备案开始日期", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        f.put("就医地", CHENGDU);
        f.put("参保地联系地址", "甘肃省武威市凉州区东大街1号");
        f.put("共济亲属", relatives);
        f.put("申请材料", materials("622036004002").stream().filter(m -> !m.contains("外伤")).toList());
        return f;
    }

    private static Map<String, Object> part(Map<String, Object> view, String name) {
        return Api.maps(view.get("parts")).stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> entitlementForm(String id, String disease, List<String> materials) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "一件事");
        f.put("年龄", java.time.Period.between(LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14))),
                LocalDate.now(ZoneId.of("Asia/Shanghai"))).getYears());
        f.put("参保险种", "职工医保");
        f.put("证件类型及号码", idDoc(id));
        f.put("联系电话", "13709351234");
        f.put("参保地", WUWEI);
        f.put("申请病种名称", disease);
        f.put("定点医疗机构名称", "县人民医院");
        f.put("申请材料", materials);
        return f;
    }

    private List<String> materials(String itemCode) {
        String code = URLEncoder.encode(itemCode, StandardCharsets.UTF_8);
        Map<String, Object> item = api.get("/api/v1/catalog/items/" + code + "?region=" + WUWEI, null).expect(200);
        return Api.maps(item.get("materials")).stream().filter(m -> m.get("condition") == null)
                .map(m -> (String) m.get("name")).toList();
    }
}
