package org.jingban.designation.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.designation.DesignationServiceTest;
import org.jingban.designation.Designations;
import org.jingban.designation.Designations.Staff;
import org.jingban.designation.TestClock;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.signing.ElectronicSeal;
import org.jingban.platform.signing.OfflineVerifier;
import org.jingban.platform.signing.Sm2;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * 表19–表23 and the agreement as data and printable HTML (every value escaped), with their numbers, the issuing
 * province in the titles the Hubei model prints, and the office's SM2 seal that checks offline against the office's
 * certificate (PEM, public at {@code /seals/{region}}), as transfer-service's 参保凭证 do.
 */
class DocumentsTest extends DesignationServiceTest {

    static final String WUWEI = "620600";


    Staff wuwei = Staff.of(WUWEI);

    String html(String path, String token) {
        return http.get().uri(Designations.BASE + path).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** The office's certificate, as anyone holding a document fetches it: no token. */
    String certificate(String region) {
        return http.get().uri(Designations.BASE + "/seals/{r}", region).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Checked offline: the document's JSON, its seal and the office's certificate, nothing of this service. */
    boolean sealChecks(JsonNode doc) {
        String pem = certificate(doc.get("regionCode").asString());
        ElectronicSeal seal = seal(doc);
        assertThat(seal.algorithm()).isEqualTo(Sm2.ALGORITHM);
        assertThat(seal.certificateSerial()).isEqualTo(Sm2.certificateFromPem(pem).getSerialNumber().toString(16));
        // the office the document names is the one that sealed it
        JsonNode c = doc.get("content");
        assertThat(seal.officeName()).isEqualTo(c.has("经办机构") ? c.get("经办机构").asString() : c.get("甲方（经办机构）").asString());
        return OfflineVerifier.verify(content(doc), seal, pem);
    }

    static ElectronicSeal seal(JsonNode doc) {
        JsonNode s = doc.get("seal");
        return new ElectronicSeal(s.get("algorithm").asString(), s.get("regionCode").asString(),
                s.get("officeName").asString(), s.get("certificateSerial").asString(),
                Instant.parse(s.get("signedAt").asString()), s.get("value").asString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> content(JsonNode doc) {
        return new LinkedHashMap<>(EventJson.mapper().convertValue(doc.get("content"), Map.class));
    }

    static Map<String, Object> tampered(JsonNode doc, String field, Object value) {
        Map<String, Object> content = content(doc);
        content.put(field, value);
        return content;
    }

    @Test
    void the_notices_of_an_application_are_numbered_sealed_and_printable() {
        clock.on("2026-07-06");
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        String inst = TestTokens.institution(uscc);
        String no = Designations.body(d.applyHospital(d.hospital(uscc, "凉州仁和&康复(R&D)医院", "620602"))
                .expectStatus().isAccepted()).get("caseNumber").asString();
        d.ok("/cases/" + no + "/supplement", wuwei.clerk(), Map.of("reasons", List.of(
                Map.of("message", "预测性分析报告缺近3个月运营状况"), Map.of("message", "信息系统测试验收材料未盖章"))));
        d.ok("/cases/" + no + "/resume", inst, Map.of("supplied", List.of(Map.of("name", "纳入定点后使用医疗保障基金的预测性分析报告"))));
        d.ok("/cases/" + no + "/accept", wuwei.clerk(), null);

        // 表21: both items at once, the 5 working days and its number; the Hubei title becomes Gansu's
        JsonNode notice = d.get("/applications/" + no + "/documents/21-1", inst);
        assertThat(notice.get("number").asString()).isEqualTo(no + "-BZ1");
        assertThat(notice.get("title").asString()).isEqualTo("甘肃省定点医药机构申请材料补齐补正通知书");
        assertThat(notice.get("content").get("补齐补正材料").size()).isEqualTo(2);
        assertThat(notice.get("content").get("补齐补正期限").asString()).isEqualTo("2026-07-13");
        assertThat(sealChecks(notice)).isTrue();
        // the certificate is an X.509 SM2 certificate of the office, PEM, and a changed document no longer checks
        String pem = certificate(WUWEI);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Sm2.certificateFromPem(pem).getSubjectX500Principal().getName()).contains(WUWEI);
        assertThat(OfflineVerifier.verify(tampered(notice, "补齐补正期限", "2026-12-31"), seal(notice), pem)).isFalse();
        // nor against another office's certificate
        assertThat(OfflineVerifier.verify(content(notice), seal(notice), certificate("620100"))).isFalse();
        http.get().uri(Designations.BASE + "/seals/{r}", "999999").exchange().expectStatus().isNotFound();
        // issued once: asked again, the same seal
        assertThat(d.get("/applications/" + no + "/documents/21-1", wuwei.clerk()).get("seal").get("value").asString())
                .isEqualTo(notice.get("seal").get("value").asString());

        // 表19 with the 表20 list; the printable form escapes the institution's name
        JsonNode receipt = d.get("/applications/" + no + "/documents/19", inst);
        assertThat(receipt.get("title").asString()).isEqualTo("甘肃省定点医药机构受理回执");
        assertThat(receipt.get("content").get("评估时间").asString()).startsWith("在2026-07-");
        assertThat(d.get("/applications/" + no + "/documents/20", inst).get("content").toString()).contains("一、医疗机构需准备的评估材料");
        String printable = html("/applications/" + no + "/documents/19/html", inst);
        // (markup never gets this far: the text policy refuses it in an organisation's name at the door)
        assertThat(printable).contains("凉州仁和&amp;康复(R&amp;D)医院").doesNotContain("仁和&康复");
        // a document not issued (no rejection, no failed evaluation) is not there
        http.get().uri(Designations.BASE + "/applications/" + no + "/documents/22").headers(h -> h.setBearerAuth(inst))
                .exchange().expectStatus().isNotFound();

        // 表23 after a failed evaluation: reasons and 整改建议; its 签收 block waits for the 送达 (seed 002 §二十五
        // 组织评估③: the bars run "自结果告知送达之日起", so the sealed notice carries no date to apply again)
        d.ok("/applications/" + no + "/evaluation", wuwei.reviewer(), Map.of("结果", "不合格", "评估方式", "评估小组",
                "评估意见", "现场评估", "不合格理由", List.of("住院信息系统未与医保信息平台对接"),
                "整改建议", List.of("完成信息系统接口改造", "补充医保管理制度")));
        JsonNode failed = d.get("/applications/" + no + "/documents/23", inst);
        assertThat(failed.get("title").asString()).isEqualTo("甘肃省新增定点医药机构评估不合格告知书");
        assertThat(failed.get("content").get("评估结果").asString()).isEqualTo("初次评估不合格");
        assertThat(failed.get("content").get("经办日期").asString()).isEqualTo("2026-07-06");
        assertThat(failed.get("content").has("可再次申请日期")).isFalse();
        assertThat(failed.get("receipt").get("送达状态").asString()).isEqualTo("尚未送达");
        assertThat(sealChecks(failed)).isTrue();
        assertThat(html("/applications/" + no + "/documents/23/html", wuwei.clerk())).contains("完成信息系统接口改造", "签收人");

        // 直接送达 at the window two days later: the 签收 fills the block beside the seal, the sealed content is unchanged
        clock.on("2026-07-08");
        JsonNode delivered = d.ok("/applications/" + no + "/documents/23/delivery", wuwei.clerk(), Map.of("送达方式", "直接送达",
                "签收人", "赵联系", "签收人联系电话", "13809351234", "签收日期", "2026-07-08"));
        assertThat(delivered.get("seal").get("value").asString()).isEqualTo(failed.get("seal").get("value").asString());
        assertThat(sealChecks(delivered)).isTrue();
        JsonNode signedFor = d.get("/applications/" + no + "/documents/23", inst).get("receipt");
        assertThat(signedFor.get("送达方式").asString()).isEqualTo("直接送达");
        assertThat(signedFor.get("签收日期").asString()).isEqualTo("2026-07-08");
        assertThat(signedFor.get("可再次申请日期").asString()).isEqualTo("2026-10-08");
        String printed = html("/applications/" + no + "/documents/23/html", inst);
        assertThat(printed).contains("2026-07-08", "138****1234", "赵联系").doesNotContain("13809351234");
        // 签收人 is a person's name: markup is refused at the door
        assertThat(Designations.body(d.post("/applications/" + no + "/documents/23/delivery", inst, Map.of("签收人",
                "<b>赵</b>", "签收人联系电话", "13809351234")).expectStatus().isBadRequest()).findValuesAsString("field"))
                .containsExactly("签收人");
        // another institution sees none of it
        http.get().uri(Designations.BASE + "/applications/" + no + "/documents/23")
                .headers(h -> h.setBearerAuth(TestTokens.institution(TestIdentities.randomUnitCode(WUWEI))))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void a_rejection_gives_表22_and_the_agreement_is_a_sealed_document() {
        clock.on("2026-07-06");
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        String inst = TestTokens.institution(uscc);
        String rejected = Designations.body(d.applyPharmacy(d.pharmacy(uscc, "凉州济民药房", "620602"))
                .expectStatus().isAccepted()).get("caseNumber").asString();
        d.ok("/cases/" + rejected + "/reject", wuwei.clerk(), Map.of("reasons", List.of(Map.of("message",
                "营业执照经营范围不含药品零售"))));
        JsonNode receipt = d.get("/applications/" + rejected + "/documents/22", inst);
        assertThat(receipt.get("number").asString()).isEqualTo(rejected + "-BY");
        assertThat(receipt.get("content").get("不予受理原因").get(0).asString()).isEqualTo("营业执照经营范围不含药品零售");

        String other = TestIdentities.randomUnitCode(WUWEI);
        String no = Designations.body(d.applyPharmacy(d.pharmacy(other, "凉州仁德药房", "620602"))
                .expectStatus().isAccepted()).get("caseNumber").asString();
        String code = d.designate(no, WUWEI, List.of("药品零售"));
        assertThat(code).matches("P620602\\d{5}");
        JsonNode agreement = d.get("/agreements/" + code + "/document", TestTokens.institution(code));
        assertThat(agreement.get("number").asString()).startsWith("YBXY-" + code);
        assertThat(agreement.get("content").get("协议范围").get(0).asString()).isEqualTo("药品零售");
        assertThat(agreement.get("content").get("甲方（经办机构）").asString()).isNotBlank();
        assertThat(sealChecks(agreement)).isTrue();
        assertThat(html("/agreements/" + code + "/document/html", wuwei.director())).contains(code, "医疗保障定点服务协议");
    }
}
