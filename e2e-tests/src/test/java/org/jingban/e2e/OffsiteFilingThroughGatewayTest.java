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
 * 主项四 异地就医备案 end to end on the packaged services, through the gateway with dev tokens: a resident enrolls in
 * Wuwei (enrollment-service, 即时办结), offsite-filing-service learns it from enrollment's events, the resident files a
 * 长期居住 on a personal promise (表18) and a 临时外出 on proof, settlement's question is answered, the 已完成 SMS carries
 * the 备案有效期, and a cancellation is what the next answer sees.
 */
class OffsiteFilingThroughGatewayTest extends E2eTest {

    @Test
    void a_resident_files_on_a_promise_and_on_proof_is_covered_then_cancels_and_is_not() {
        String id = resident(WUWEI, 1962);
        String person = api.person(id);
        // the SMS goes to the 联系电话 of the registration: notification-service has read the person's events
        stack.awaitConsumed("notification-service", org.jingban.enrollment.api.EnrollmentTopics.EVENTS);

        // 长期居住 in 成都 on the promise path: identity and 表11 provided, the 居住证明 replaced by 表18
        List<String> materials = materials("622036004002");
        String proof = materials.stream().filter(m -> m.contains("认定材料")).findFirst().orElseThrow();
        Map<String, Object> filing = filing(id, "2026-12-01", "510100",
                materials.stream().filter(m -> !m.equals(proof) && !m.contains("外伤")).toList());
        filing.put("承诺替代材料", List.of(proof));
        // offsite-filing-service knows the resident once it has read enrollment's event: until then 422 without a case
        Map<String, Object> filed = eventually("the resident known to offsite-filing", () -> {
            Api.Reply reply = api.post("/api/v1/offsite-filing/filings/long-term-residents", person, filing);
            return reply.status() == 201 ? reply.expect(201) : null;
        });
        String number = (String) filed.get("caseNumber");
        assertThat(filed.get("status")).isEqualTo("COMPLETED");
        Map<String, Object> mine = Api.maps(api.get("/api/v1/offsite-filing/filings/mine", person).list()).get(0);
        assertThat(mine).containsEntry("filingNumber", number).containsEntry("path", "PROMISE").containsEntry("status", "ACTIVE");

        // settlement's question, as a system client
        String settlement = api.system("settlement-service");
        Map<String, Object> question = Map.of("证件号码", id, "就医地", "510104", "就医日期", "2026-12-20");
        assertThat(api.post("/api/v1/offsite-filing/filings/lookup", settlement, question).expect(200))
                .containsEntry("filed", true).containsEntry("kindCode", "622036004002");

        // the 已完成 SMS names the 备案有效期 (open-ended for 长期居住)
        String ops = api.ops();
        // (case numbers count per service, region and day: another service's case may share this number)
        Map<String, Object> sms = eventually("已完成 SMS", () -> {
            Map<String, Object> page = api.get("/api/v1/notifications/outbox?channel=SMS&caseNumber=" + number, ops).expect(200);
            return Api.maps(page.get("items")).stream().filter(m -> ((String) m.get("text")).contains("异地就医备案"))
                    .findFirst().orElse(null);
        });
        assertThat((String) sms.get("text")).contains("已完成异地就医备案，备案有效期为").contains("长期有效");

        // cancelled with the identity only: settlement's next answer is no
        api.post("/api/v1/offsite-filing/filings/" + number + "/cancellation", person, Map.of()).expect(200);
        assertThat(api.post("/api/v1/offsite-filing/filings/lookup", settlement, question).expect(200))
                .containsEntry("filed", false);

        // a 临时外出 visit to 武汉 on proof: the national template's item is a 承诺件 here (the catalog does not make it
        // 即办件 in Wuwei), so it waits for 受理; the filing is made when staff complete the case (the service's
        // @CaseReaction on 办结), valid for the region's period (example default 180 days)
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> visit = filing(id, today, "420100", materials("national:其他临时外出就医人员备案"));
        String visitCase = (String) api.post("/api/v1/offsite-filing/filings/temporary-visits", person, visit).expect(202)
                .get("caseNumber");
        String cases = "/api/v1/offsite-filing/cases/" + visitCase;
        Map<String, Object> accepted = api.post(cases + "/accept", api.clerk(WUWEI), Map.of()).expect(200);
        if ("审核".equals(accepted.get("currentStage"))) {
            api.post(cases + "/advance", api.reviewer(WUWEI), Map.of("stage", "审核", "remark", "符合条件")).expect(200);
        }
        api.post(cases + "/complete", api.reviewer(WUWEI), Map.of()).expect(200);
        Map<String, Object> covered = eventually("the filing made on 办结", () -> {
            Map<String, Object> answer = api.post("/api/v1/offsite-filing/filings/lookup", settlement,
                    Map.of("证件号码", id, "就医地", "420102", "就医日期", today)).expect(200);
            return Boolean.TRUE.equals(answer.get("filed")) ? answer : null;
        });
        assertThat(covered).containsEntry("filingNumber", visitCase)
                .containsEntry("validUntil", LocalDate.parse(today).plusDays(179).toString());
    }

    @Test
    void a_posted_worker_on_a_promise_a_referral_on_proof_and_a_songpan_emergency_stay_are_filed_through_the_gateway() {
        String settlement = api.system("settlement-service");
        // 常驻异地工作 (622036004003): the 异地工作证明材料 replaced by 表18
        String worker = resident(WUWEI, 1975);
        List<String> stationed = materials("622036004003");
        String workProof = stationed.stream().filter(m -> m.contains("异地工作证明材料")).findFirst().orElseThrow();
        Map<String, Object> posted = filing(worker, "2026-12-01", "440300",
                stationed.stream().filter(m -> !m.equals(workProof) && !m.contains("外伤")).toList());
        posted.put("承诺替代材料", List.of(workProof));
        String postedCase = (String) eventually("the worker known", () -> created(
                "/api/v1/offsite-filing/filings/stationed-workers", worker, posted)).get("caseNumber");
        assertThat(api.post("/api/v1/offsite-filing/filings/lookup", settlement,
                Map.of("证件号码", worker, "就医地", "440305", "就医日期", "2027-03-01")).expect(200))
                .containsEntry("filed", true).containsEntry("filingNumber", postedCase).containsEntry("kindCode", "622036004003");

        // 异地转诊 (622036004004) on proof: the referral from the designated institution, no promise path
        String patient = resident(WUWEI, 1950);
        Map<String, Object> referral = filing(patient, "2026-12-01", LANZHOU, materials("622036004004"));
        referral.put("转往地址", "兰州大学第一医院");
        referral.put("转诊医疗机构", "武威市人民医院");
        eventually("the patient known", () -> created("/api/v1/offsite-filing/filings/referrals", patient, referral));
        assertThat(api.post("/api/v1/offsite-filing/filings/lookup", settlement,
                Map.of("证件号码", patient, "就医地", "620102", "就医日期", "2027-05-29")).expect(200))
                .containsEntry("filed", true).containsEntry("kindCode", "622036004004");

        // 松潘 异地急诊、抢救住院登记备案, filed after a stay in 成都
        String songpan = resident("513224", 1968);
        LocalDate admitted = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5);
        Map<String, Object> stay = new LinkedHashMap<>();
        stay.put("姓名", "备案人");
        stay.put("参保险种", "城乡居民医保");
        stay.put("证件类型及号码", idDoc(songpan));
        stay.put("就医地", "510100");
        stay.put("入院日期", admitted.toString());
        stay.put("出院日期", admitted.plusDays(3).toString());
        stay.put("申请材料", materials("local:songpan:异地急诊、抢救住院登记备案", "513224").stream()
                .filter(m -> !m.contains("外伤")).toList());
        eventually("the Songpan resident known", () -> created("/api/v1/offsite-filing/filings/emergency-stays", songpan, stay));
        assertThat(api.post("/api/v1/offsite-filing/filings/lookup", settlement,
                Map.of("证件号码", songpan, "就医地", "510104", "就医日期", admitted.plusDays(2).toString())).expect(200))
                .containsEntry("filed", true);
    }

    /** The answer when the filing completed in the request; null while offsite-filing does not know the person yet. */
    private Map<String, Object> created(String path, String idNumber, Map<String, Object> form) {
        Api.Reply reply = api.post(path, api.person(idNumber), form);
        return reply.status() == 201 ? reply.expect(201) : null;
    }


    private List<String> materials(String itemCode) {
        return materials(itemCode, WUWEI);
    }

    private List<String> materials(String itemCode, String region) {
        String code = URLEncoder.encode(itemCode, StandardCharsets.UTF_8);
        Map<String, Object> item = api.get("/api/v1/catalog/items/" + code + "?region=" + region, null).expect(200);
        return Api.maps(item.get("materials")).stream().map(m -> (String) m.get("name")).toList();
    }

    private static Map<String, Object> filing(String id, String start, String destination, List<String> materials) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "备案人");
        f.put("参保险种", "城乡居民医保");
        f.put("登记类别", "新增");
        f.put("证件类型及号码", idDoc(id));
        f.put("申请备案开始日期", start);
        f.put("就医地", destination);
        f.put("联系电话", "13709351234");
        f.put("参保地联系地址", "甘肃省武威市凉州区东大街1号");
        f.put("申请材料", materials);
        return f;
    }
}
