package org.jingban.reimbursement.chronic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.platform.cases.Case;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.reimbursement.Insured;
import org.jingban.reimbursement.ReimbursementItemsTest;
import org.jingban.reimbursement.api.EntitlementEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 主项五 门诊慢特病病种待遇认定 on the real broker and store: 表12's fields (catalog), an application short of materials
 * waits for 补正 rather than being refused, 较高风险 (the reviewer is not the clerk), the entitlement granted as an
 * event settlement-service consumes, a designated institution taking the application for the office (一站式, gansu
 * remark), Songpan's 两病 item for residents only (seed 003 §二十一).
 */
class EntitlementTest extends ReimbursementItemsTest {
    @Autowired
    Entitlements entitlements;
    @Autowired
    EntitlementExpiry expiry;

    Map<String, Object> form(String id, String insurance, String disease, String itemCode, boolean allMaterials) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "孙八");
        f.put("年龄", Period.between(LocalDate.of(1970, 6, 1), LocalDate.now(Case.ZONE)).getYears());
        f.put("参保险种", insurance);
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("联系电话", "13900139000");
        f.put("参保地", SONGPAN);
        f.put("申请病种名称", disease);
        f.put("定点医疗机构名称", "松潘县人民医院");
        List<String> materials = catalog.item(itemCode, SONGPAN).materials().stream().map(Material::name).toList();
        f.put("申请材料", allMaterials ? materials : materials.subList(0, 1));
        return f;
    }

    JsonNode post(String path, String token, Map<String, Object> form, int status) {
        return http.post().uri("/api/v1/reimbursement/entitlements/" + path).headers(h -> h.setBearerAuth(token))
                .bodyValue(form).exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    JsonNode act(String number, String action, String token, Map<String, Object> body, int status) {
        return http.post().uri("/api/v1/reimbursement/cases/{n}/" + action, number).headers(h -> h.setBearerAuth(token))
                .bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    @Test
    void an_incomplete_application_waits_for_materials_then_is_reviewed_by_another_person_and_grants_an_entitlement() {
        String id = Insured.person(readModel, "孙八", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        JsonNode answer = post("chronic-diseases", TestTokens.insuredPerson(id),
                form(id, "职工医保", "恶性肿瘤门诊治疗", "622036005000", false), 202);
        String number = answer.get("caseNumber").asString();
        // catalog 622036005000 业务受理 ②: 材料不齐全的，一次性告知需补正材料 — waiting, not refused
        assertThat(answer.get("status").asString()).isEqualTo("WAITING_FOR_APPLICANT");
        List<String> missing = catalog.item("622036005000", SONGPAN).materials().stream().map(Material::name).skip(1).toList();
        act(number, "resume", TestTokens.insuredPerson(id), Map.of("supplied", missing.stream()
                .map(m -> Map.of("name", m, "state", "PROVIDED")).toList(), "remark", "补齐病历资料"), 200);
        act(number, "accept", TestTokens.clerk("clerk-sp", SONGPAN), Map.of(), 200);
        // 较高风险: the clerk who accepted does not review
        act(number, "advance", TestTokens.reviewer("clerk-sp", SONGPAN), Map.of("stage", "审核"), 422);
        act(number, "advance", TestTokens.reviewer("rv-sp", SONGPAN), Map.of("stage", "审核"), 200);
        act(number, "complete", TestTokens.clerk("clerk-sp2", SONGPAN), Map.of(), 200);

        CloudEventRecord granted = events.awaitEvent(e -> EntitlementEvents.GRANTED.equals(e.type())
                && number.equals(e.data(EntitlementEvents.Entitlement.class).entitlementNumber()), Duration.ofSeconds(30));
        EntitlementEvents.Entitlement e = granted.data(EntitlementEvents.Entitlement.class);
        assertThat(e.diseaseName()).isEqualTo("恶性肿瘤门诊治疗");
        assertThat(e.crossProvince()).isTrue();
        assertThat(e.institutionName()).isEqualTo("松潘县人民医院");
        assertThat(e.status()).isEqualTo("ACTIVE");

        // the same disease again: refused all at once (422), naming the entitlement
        JsonNode again = post("chronic-diseases", TestTokens.insuredPerson(id),
                form(id, "职工医保", "恶性肿瘤门诊治疗", "622036005000", true), 422);
        assertThat(again.toString()).contains("already-entitled");
        http.get().uri("/api/v1/reimbursement/entitlements/mine").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$[0].entitlementNumber").isEqualTo(number)
                .jsonPath("$[0].idNumber").value(v -> assertThat((String) v).doesNotContain(id.substring(6, 14)));
    }

    @Test
    void a_designated_institution_takes_the_application_for_the_office_one_stop() {
        String id = Insured.person(readModel, "周九", InsuranceTypes.RESIDENT_INSURANCE, SONGPAN, "城乡居民");
        JsonNode answer = post("chronic-diseases", TestTokens.institution("H51322400001"),
                form(id, "城乡居民医保", "糖尿病", "622036005000", true), 202);
        // gansu remark: 由定点医疗机构“一站式”受理 — accepted in the institution's name, the office reviews
        assertThat(answer.get("status").asString()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void songpans_hypertension_and_diabetes_item_is_for_residents_and_unknown_diseases_are_named() {
        String id = Insured.person(readModel, "吴十", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        String item = "local:songpan:城乡居民医保参保人员高血压、糖尿病病种待遇认定";
        // seed 003 §二十一 服务对象: 统筹地区内城乡居民医保参保人员
        JsonNode refused = post("hypertension-diabetes", TestTokens.insuredPerson(id),
                form(id, "职工医保", "高血压", item, true), 422);
        assertThat(refused.toString()).contains("residents-only");
        JsonNode unknown = post("hypertension-diabetes", TestTokens.insuredPerson(id),
                form(id, "职工医保", "透析", item, true), 400);
        assertThat(unknown.get("violations").get(0).get("field").asString()).isEqualTo("申请病种名称");
    }

    @Test
    void an_entitlement_past_its_validity_ends_with_an_event() {
        String number = "EXP-" + System.nanoTime();
        LocalDate today = LocalDate.now(Case.ZONE);
        entitlements.grantOnce(Entitlement.grant(new Entitlement.Terms("case-" + number, number,
                EntitlementKind.GENERAL, "620602197001010012", "到期", "职工基本医疗保险", SONGPAN, "MT004", "透析", true,
                null, "松潘县人民医院", today.minusYears(2), today.minusDays(1)), java.time.Instant.now())).block();

        assertThat(expiry.expireDue().block()).isGreaterThanOrEqualTo(1L);

        CloudEventRecord ended = events.awaitEvent(e -> EntitlementEvents.ENDED.equals(e.type())
                && number.equals(e.data(EntitlementEvents.Entitlement.class).entitlementNumber()), Duration.ofSeconds(30));
        assertThat(ended.data(EntitlementEvents.Entitlement.class).endReason()).isEqualTo("有效期届满");
        assertThat(entitlements.entitledOn("620602197001010012", "MT004", today).block()).isFalse();
    }
}
