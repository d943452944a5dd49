package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * 主项五 and 主项六 end to end on the packaged services, through the gateway. A resident enrolled in Wuwei claims a
 * stay; 受理, 审核, 费用复核 and 拨付 by four people; reimbursement-service is killed after the bank took the order and
 * before it booked it (the stand-in bank books 20 s later here); started again, it finds the order at the bank, the
 * case completes with 报销金额, and the bank received the order and booked it exactly once. A 门诊慢特病 entitlement
 * is granted and pays a chronic outpatient bill; Songpan's two local entitlement items take applications.
 */
class ReimbursementThroughGatewayTest extends E2eTest {

    @Test
    void a_payment_is_made_exactly_once_when_the_service_is_killed_between_payment_order_and_bank_confirmation() {
        String id = resident(WUWEI, 1966);
        String person = api.person(id);
        // the SMS goes to the 联系电话 of the registration: notification-service has read the person's events
        stack.awaitConsumed("notification-service", org.jingban.enrollment.api.EnrollmentTopics.EVENTS);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("姓名", "报销人");
        claim.put("证件类型及号码", idDoc(id));
        claim.put("业务类型", "普通住院");
        claim.put("联系电话", "13709351234");
        claim.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行武威分行"));
        claim.put("材料明细及数量", materials("622036006002").stream().map(m -> Map.of("材料名称", m, "数量", 1)).toList());
        claim.put("医疗机构名称", "武威市人民医院");
        claim.put("医疗机构等级", "三级");
        claim.put("就医地", "620602");
        claim.put("入院日期", LocalDate.parse(today).minusDays(12).toString());
        claim.put("出院日期", LocalDate.parse(today).minusDays(2).toString());
        claim.put("票据", List.of(Map.of("票据号码", "WW" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L),
                "票据金额", "10000.00")));
        claim.put("费用明细", List.of(Map.of("项目编码", "ZY001", "项目名称", "住院综合", "类别", "甲类", "数量", "1",
                "单价", "10000.00", "金额", "10000.00")));
        // reimbursement-service knows the resident once it has read enrollment's event
        Map<String, Object> applied = eventually("the resident known to reimbursement", () -> {
            Api.Reply reply = api.post("/api/v1/reimbursement/claims/inpatient", person, claim);
            return reply.status() == 202 ? reply.expect(202) : null;
        });
        String number = (String) applied.get("caseNumber");
        String caseId = (String) applied.get("caseId");
        // 城乡居民 住院 三级 in the pool (EXAMPLE policy): 10000 − 800 起付线 = 9200 × 65% = 5980.00
        assertThat(Api.map(applied.get("estimate"))).containsEntry("预计报销金额", "5980.00");

        String cases = "/api/v1/reimbursement/cases/" + number;
        api.post(cases + "/accept", api.clerk(WUWEI), Map.of()).expect(200);
        api.post(cases + "/advance", api.reviewer(WUWEI), Map.of("stage", "审核")).expect(200);
        api.post(cases + "/advance", api.staff("FINANCE", "fin-check", WUWEI), Map.of("stage", "费用复核")).expect(200);
        api.post(cases + "/advance", api.staff("FINANCE", "fin-pay", WUWEI), Map.of("stage", "拨付")).expect(200);

        String finance = api.staff("FINANCE", "fin-pay", WUWEI);
        eventually("the order at the bank", () -> "SENT".equals(api.get("/api/v1/reimbursement/claims/" + caseId
                + "/payment", finance).expect(200).get("status")) ? true : null);
        stack.reimbursement.kill();
        stack.reimbursement.start();
        stack.reimbursement.awaitLive(LocalStack.START_TIMEOUT);

        Map<String, Object> done = eventually("the case completed after the bank booked it", () -> {
            Map<String, Object> progress = api.get(cases, person).expect(200);
            return "COMPLETED".equals(progress.get("status")) ? progress : null;
        });
        assertThat(done.get("status")).isEqualTo("COMPLETED");
        Map<String, Object> payment = api.get("/api/v1/reimbursement/claims/" + caseId + "/payment", person).expect(200);
        assertThat(payment).containsEntry("status", "CONFIRMED").containsEntry("amount", "5980.00");
        // the 已完成 SMS with 报销金额, as the catalog prints it
        Map<String, Object> sms = eventually("已完成 SMS", () -> {
            Map<String, Object> page = api.get("/api/v1/notifications/outbox?channel=SMS&caseNumber=" + number, api.ops()).expect(200);
            return Api.maps(page.get("items")).stream().filter(m -> ((String) m.get("text")).contains("住院费用报销"))
                    .findFirst().orElse(null);
        });
        assertThat((String) sms.get("text")).contains("已完成住院费用报销，报销金额5980.00元");
        Map<String, Object> books = api.get("/api/v1/reimbursement/simulated-bank/orders/" + caseId, api.ops()).expect(200);
        assertThat((List<?>) books.get("transfers")).hasSize(1);
        assertThat(((Number) books.get("requests")).longValue()).isGreaterThanOrEqualTo(1);
    }


    @Test
    void chronic_disease_entitlements_are_granted_through_the_gateway_and_pay_a_chronic_outpatient_bill() {
        String id = resident(WUWEI, 1958);
        String person = api.person(id);
        Map<String, Object> form = entitlementForm(id, WUWEI, "糖尿病", materials("622036005000"));
        Map<String, Object> applied = eventually("the resident known to reimbursement", () -> {
            Api.Reply reply = api.post("/api/v1/reimbursement/entitlements/chronic-diseases", person, form);
            return reply.status() == 202 ? reply.expect(202) : null;
        });
        String cases = "/api/v1/reimbursement/cases/" + applied.get("caseNumber");
        api.post(cases + "/accept", api.clerk(WUWEI), Map.of()).expect(200);
        api.post(cases + "/advance", api.reviewer(WUWEI), Map.of("stage", "审核")).expect(200);
        api.post(cases + "/complete", api.staff("CLERK", "clerk-2", WUWEI), Map.of()).expect(200);
        Map<String, Object> granted = eventually("the entitlement", () -> Api.maps(api.get(
                "/api/v1/reimbursement/entitlements/mine", person).list()).stream().findFirst().orElse(null));
        assertThat(granted).containsEntry("diseaseName", "糖尿病").containsEntry("status", "ACTIVE");

        // a 门诊慢特病 bill for the disease: 城乡居民 门诊慢特病 (EXAMPLE policy) no 起付线, 60% → 500 × 60% = 300.00
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("姓名", "备案人");
        claim.put("证件类型及号码", idDoc(id));
        claim.put("业务类型", "门诊慢特病");
        claim.put("病种编码", granted.get("diseaseCode"));
        claim.put("联系电话", "13709351234");
        claim.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行武威分行"));
        claim.put("材料明细及数量", materials("622036006001").stream().map(m -> Map.of("材料名称", m, "数量", 1)).toList());
        claim.put("医疗机构名称", "武威市人民医院");
        claim.put("医疗机构等级", "三级");
        claim.put("就医地", "620602");
        claim.put("就诊日期", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        claim.put("票据", List.of(Map.of("票据号码", "MT" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L),
                "票据金额", "500.00")));
        claim.put("费用明细", List.of(Map.of("项目编码", "YP001", "项目名称", "二甲双胍", "类别", "甲类", "数量", "10",
                "单价", "50.00", "金额", "500.00")));
        Map<String, Object> outpatient = api.post("/api/v1/reimbursement/claims/outpatient", person, claim).expect(202);
        assertThat(Api.map(outpatient.get("estimate"))).containsEntry("预计报销金额", "300.00");
    }

    @Test
    void songpans_two_local_entitlement_items_take_applications_through_the_gateway() {
        String id = resident("513224", 1960);
        String person = api.person(id);
        Map<String, Object> twoDiseases = entitlementForm(id, "513224", "高血压",
                materials("local:songpan:城乡居民医保参保人员高血压、糖尿病病种待遇认定", "513224"));
        Map<String, Object> applied = eventually("the resident known to reimbursement", () -> {
            Api.Reply reply = api.post("/api/v1/reimbursement/entitlements/hypertension-diabetes", person, twoDiseases);
            return reply.status() == 202 ? reply.expect(202) : null;
        });
        assertThat(applied.get("itemCode")).isEqualTo("local:songpan:城乡居民医保参保人员高血压、糖尿病病种待遇认定");
        Map<String, Object> drugs = entitlementForm(id, "513224", "恶性肿瘤门诊治疗",
                materials("local:songpan:单行支付药品、高值药品支付管理病种待遇认定", "513224"));
        assertThat(api.post("/api/v1/reimbursement/entitlements/special-drugs", person, drugs).expect(202).get("itemCode"))
                .isEqualTo("local:songpan:单行支付药品、高值药品支付管理病种待遇认定");
    }

    private static Map<String, Object> entitlementForm(String id, String region, String disease, List<String> materials) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "备案人");
        f.put("年龄", java.time.Period.between(LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14))),
                LocalDate.now(ZoneId.of("Asia/Shanghai"))).getYears());
        f.put("参保险种", "城乡居民医保");
        f.put("证件类型及号码", idDoc(id));
        f.put("联系电话", "13709351234");
        f.put("参保地", region);
        f.put("申请病种名称", disease);
        f.put("定点医疗机构名称", "县人民医院");
        f.put("申请材料", materials);
        return f;
    }

    private List<String> materials(String itemCode) {
        return materials(itemCode, WUWEI);
    }

    private List<String> materials(String itemCode, String region) {
        String code = URLEncoder.encode(itemCode, StandardCharsets.UTF_8);
        Map<String, Object> item = api.get("/api/v1/catalog/items/" + code + "?region=" + region, null).expect(200);
        return Api.maps(item.get("materials")).stream().filter(m -> m.get("condition") == null)
                .map(m -> (String) m.get("name")).toList();
    }
}
