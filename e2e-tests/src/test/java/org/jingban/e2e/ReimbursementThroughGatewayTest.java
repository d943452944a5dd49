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
 * 主项六 住院费用报销 end to end on the packaged services, through the gateway: a resident enrolled in Wuwei claims a
 * stay; 受理, 审核, 费用复核 and 拨付 by four people; reimbursement-service is killed after the bank took the order and
 * before it booked it (the stand-in bank books 20 s later here); started again, it finds the order at the bank, the
 * case completes with 报销金额, and the bank received the order and booked it exactly once.
 */
class ReimbursementThroughGatewayTest extends E2eTest {

    @Test
    void a_payment_is_made_exactly_once_when_the_service_is_killed_between_payment_order_and_bank_confirmation() {
        String id = resident(WUWEI, 1966);
        String person = api.person(id);
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
        Map<String, Object> books = api.get("/api/v1/reimbursement/simulated-bank/orders/" + caseId, api.ops()).expect(200);
        assertThat((List<?>) books.get("transfers")).hasSize(1);
        assertThat(((Number) books.get("requests")).longValue()).isGreaterThanOrEqualTo(1);
    }


    private List<String> materials(String itemCode) {
        String code = URLEncoder.encode(itemCode, StandardCharsets.UTF_8);
        Map<String, Object> item = api.get("/api/v1/catalog/items/" + code + "?region=" + WUWEI, null).expect(200);
        return Api.maps(item.get("materials")).stream().filter(m -> m.get("condition") == null)
                .map(m -> (String) m.get("name")).toList();
    }
}
