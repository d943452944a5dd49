package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.EnrollmentTopics;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's "done when": a 城乡居民 transfers from Wuwei (620600) to Lanzhou (620100) end to end through the gateway,
 * on the packaged services and the real broker — no internal hook: the resident stops coverage in Wuwei with
 * 城乡居民参保信息变更登记 (表6, 参保状态 → 中止参保; seed 002 §六(二) "…或办理中止、终止参保关系时"), registers in
 * Lanzhou (refused before the 中止: §三(五) "未参加职工医保或其他医疗保障制度的"), applies for 622036003002 as a
 * 城乡居民 (the 职工医保 form is refused with scheme-mismatch), the Lanzhou clerk accepts, and the machine part moves the
 * Wuwei periods into the Lanzhou resident insurance.
 */
class ResidentTransferThroughGatewayTest extends E2eTest {

    static final String RESIDENT = "城乡居民基本医疗保险";

    private Map<String, Object> residentForm(String id, String region) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", "备案人");
        form.put("证件类型及号码", idDoc(id));
        form.put("出生日期", "1991-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "甘肃省兰州市城关区");
        form.put("申请人身份", "无业成年人");
        form.put("参保地区", region);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        return form;
    }

    private Map<String, Object> transferForm(String id, String scheme) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "备案人");
        f.put("证件类型及号码", idDoc(id));
        f.put("联系电话", "13909351234");
        f.put("基本医疗保险类型", scheme);
        f.put("转出地机构地址", "甘肃省武威市凉州区医疗保障事业服务中心");
        f.put("转出地机构邮编", "733000");
        f.put("转出地医保(行政)区划代码", WUWEI);
        f.put("转入地机构地址", "甘肃省兰州市医疗保障事业服务中心");
        f.put("转入地机构邮编", "730000");
        f.put("转入地医保(行政)区划代码", LANZHOU);
        f.put("申请材料", TransferWuweiToLanzhouTest.TRANSFER_MATERIALS);
        return f;
    }

    @Test
    void a_resident_stops_coverage_in_wuwei_enrols_in_lanzhou_and_the_periods_follow_through_the_gateway() {
        String id = resident(WUWEI, 1991);
        String person = api.person(id);
        String wuweiFrom = (String) Api.maps(insurance(personQuery(person, id), RESIDENT, WUWEI).get("periods"))
                .get(0).get("from");

        // still insured in Wuwei: Lanzhou refuses, naming the Wuwei coverage
        Map<String, Object> refused = api.post("/api/v1/enrollment/residents", person, residentForm(id, LANZHOU)).expect(422);
        assertThat(Api.maps(refused.get("violations"))).singleElement()
                .satisfies(v -> assertThat((String) v.get("message")).contains("武威市（620600）").contains(RESIDENT));

        // 表6: 参保状态 参保缴费 → 中止参保 (即办件)
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("姓名", "备案人");
        change.put("证件类型及号码", idDoc(id));
        change.put("联系电话", "13709351234");
        change.put("关键信息标识", "非关键信息");
        change.put("变更明细", List.of(Map.of("变更项目", "参保状态", "变更前信息", "参保缴费", "变更后信息", "中止参保")));
        change.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《基本医疗保险城乡居民参保信息变更登记表》"));
        Map<String, Object> stopped = api.post("/api/v1/enrollment/residents/changes", person, change).expect(201);
        assertThat(stopped.get("itemCode")).isEqualTo("622036001006");

        api.post("/api/v1/enrollment/residents", person, residentForm(id, LANZHOU)).expect(201);
        stack.awaitConsumed("transfer-enrollment", EnrollmentTopics.EVENTS);

        // a 职工医保 transfer does not match the Lanzhou resident insurance
        Map<String, Object> precheck = api.post("/api/v1/transfer/transfers/precheck", person, transferForm(id, "职工医保"))
                .expect(200);
        assertThat(Api.maps(precheck.get("reasons"))).extracting(r -> r.get("code")).contains("scheme-mismatch");

        Map<String, Object> submitted = api.post("/api/v1/transfer/transfers", person, transferForm(id, "城乡居民医保"))
                .expect(202);
        String caseNumber = (String) submitted.get("caseNumber");
        api.post("/api/v1/transfer/cases/" + caseNumber + "/accept", api.clerk(LANZHOU), Map.of()).expect(200);
        eventually("转移接续办结", () -> "COMPLETED".equals(
                api.get("/api/v1/transfer/cases/" + caseNumber, person).expect(200).get("status")) ? caseNumber : null);

        Map<String, Object> after = eventually("the periods credited in Lanzhou", () -> {
            Map<String, Object> p = personQuery(person, id);
            Map<String, Object> out = insurance(p, RESIDENT, WUWEI);
            return out != null && "TRANSFERRED_OUT".equals(out.get("status")) ? p : null;
        });
        Map<String, Object> lanzhou = insurance(after, RESIDENT, LANZHOU);
        assertThat(lanzhou.get("status")).isEqualTo("ACTIVE");
        assertThat(Api.maps(lanzhou.get("periods"))).as(after.toString())
                .anySatisfy(p -> {
                    assertThat(p.get("from")).isEqualTo(wuweiFrom);
                    assertThat(p.get("regionCode")).isEqualTo(WUWEI);
                    assertThat(p.get("source")).isEqualTo("转入");
                });
        assertThat(insurance(after, EMPLOYEE, LANZHOU)).as("no 职工医保 made up at the 转入地").isNull();
    }
}
