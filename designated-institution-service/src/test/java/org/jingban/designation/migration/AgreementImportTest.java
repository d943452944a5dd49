package org.jingban.designation.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.designation.DesignationServiceTest;
import org.jingban.designation.Designations;
import org.jingban.designation.TestClock;
import org.jingban.designation.agreement.InstitutionCodes;
import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.messaging.EventJson;
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
import tools.jackson.databind.JsonNode;

/**
 * 存量定点医药机构导入 on the real broker and store: agreements signed on paper before go-live keep their codes, numbers,
 * validity, scope and contact; each publishes {@code agreement.signed} once (settlement-service's read model takes
 * that type); a re-run changes nothing; every bad row is named at once and nothing is stored; the code counter never
 * hands an imported code out. Each test uses 区划 and sequences of its own (the store is shared by the test classes).
 */
class AgreementImportTest extends DesignationServiceTest {

    static final String IMPORTS = Designations.BASE + "/agreements/imports";
    static final String WUWEI = "620600";

    @Autowired
    InstitutionCodes codes;

    final String ops = TestTokens.ops("ops-go-live");
    final String migrationTool = TestTokens.system("migration-tool", AgreementImports.SCOPE);

    @BeforeEach
    void setUp() {
        clock.on("2026-06-01");
    }

    static int sequence() {
        return ThreadLocalRandom.current().nextInt(10_000, 50_000);
    }

    /** A hospital's paper agreement, every column filled. */
    static Map<String, Object> hospital(String code, String uscc, String number) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("定点医药机构编码", code);
        row.put("机构名称", "天祝县人民医院");
        row.put("统一社会信用代码", uscc);
        row.put("协议编号", number);
        row.put("协议开始日期", "2024-01-01");
        row.put("协议截止日期", "2026-12-31");
        row.put("协议范围", List.of("门诊", "住院", "异地就医直接结算"));
        row.put("异地就医直接结算范围", List.of("跨省异地"));
        row.put("医疗机构等级", "二级甲等");
        row.put("注册地址", "甘肃省武威市天祝藏族自治县华藏寺镇1号");
        row.put("诊疗科目或经营范围", "内科；外科");
        row.put("联系人姓名", "马联系");
        row.put("联系人手机号", "13909351111");
        row.put("法定代表人信息(姓名、身份证号、联系方式)", Designations.person("马院长"));
        row.put("银行账户信息(账号、开户行)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行天祝支行"));
        return row;
    }

    /** A pharmacy's, only what the import needs. */
    static Map<String, Object> pharmacy(String code, String uscc, String number) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("定点医药机构编码", code);
        row.put("机构名称", "松潘县雪宝鼎大药房");
        row.put("统一社会信用代码", uscc);
        row.put("协议编号", number);
        row.put("协议开始日期", "2025-07-01");
        row.put("协议截止日期", "2027-06-30");
        row.put("协议范围", List.of("药品零售"));
        row.put("注册地址", "四川省阿坝州松潘县进安镇2号");
        row.put("联系人姓名", "杨店长");
        row.put("联系人手机号", "13908371234");
        return row;
    }

    WebTestClient.ResponseSpec post(String token, List<Map<String, Object>> rows) {
        return http.post().uri(IMPORTS).headers(h -> h.setBearerAuth(token)).bodyValue(Map.of("协议", rows)).exchange();
    }

    CloudEventRecord signed(String code) {
        return events.awaitEvent(e -> AgreementEvents.SIGNED.equals(e.type()) && e.dataJson().contains("\"" + code + "\""),
                Duration.ofSeconds(30));
    }

    @Test
    void agreements_signed_before_go_live_keep_their_codes_are_in_force_and_are_published_once() {
        int h = sequence();
        String hospitalCode = "H620623%05d".formatted(h); // 天祝: handled by the city, 武威 620600
        String pharmacyCode = "P513224%05d".formatted(sequence()); // 松潘: its county office handles 定点
        String hospitalUscc = TestIdentities.randomUnitCode(WUWEI);
        List<Map<String, Object>> rows = List.of(hospital(hospitalCode, hospitalUscc, "WW-XY-2024-" + h),
                pharmacy(pharmacyCode, TestIdentities.randomUnitCode("513224"), "SP-YD-" + h));

        // staff of a region may not import, a system client only with the import scope
        post(TestTokens.clerk("clerk-" + WUWEI, WUWEI), rows).expectStatus().isForbidden();
        post(TestTokens.system("migration-tool", "enrollment:contributions"), rows).expectStatus().isForbidden();

        JsonNode result = Designations.body(post(ops, rows).expectStatus().isOk());
        assertThat(result.get("received").asInt()).isEqualTo(2);
        assertThat(result.get("imported").asInt()).isEqualTo(2);
        assertThat(result.get("lines").findValuesAsString("regionCode")).containsExactly(WUWEI, "513224");
        assertThat(result.get("lines").findValuesAsString("result")).containsOnly("IMPORTED");

        // the same signed event as a signing: settlement-service's read model (AgreementEvents.TYPES) takes it as it is
        CloudEventRecord event = signed(hospitalCode);
        assertThat(event.subject()).isEqualTo("import:" + hospitalCode);
        AgreementEvents.Agreement published = event.data(AgreementEvents.Agreement.class);
        assertThat(published.agreementNumber()).isEqualTo("WW-XY-2024-" + h);
        assertThat(published.kind()).isEqualTo("MEDICAL_INSTITUTION");
        assertThat(published.regionCode()).isEqualTo(WUWEI);
        assertThat(published.divisionCode()).isEqualTo("620623");
        assertThat(published.level()).isEqualTo("二级");
        assertThat(published.status()).isEqualTo("ACTIVE");
        assertThat(published.scope()).containsExactly(AgreementEvents.OUTPATIENT, AgreementEvents.INPATIENT,
                AgreementEvents.OFFSITE_SETTLEMENT);
        assertThat(published.offsiteSettlement()).containsExactly("跨省异地");
        assertThat(published.validFrom()).hasToString("2024-01-01");
        assertThat(published.validUntil()).hasToString("2026-12-31");
        assertThat(published.contactPhone()).isEqualTo("13909351111");
        assertThat(published.permits(AgreementEvents.INPATIENT, clock.today())).isTrue();
        assertThat(signed(pharmacyCode).data(AgreementEvents.Agreement.class).scope())
                .containsExactly(AgreementEvents.RETAIL_DRUGS);

        // the institution sees its agreement under its code, personal data masked; settlement's question is answered
        JsonNode agreement = d.get("/agreements/" + hospitalCode, TestTokens.institution(hospitalCode));
        assertThat(agreement.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(agreement.get("contactPhone").asString()).isEqualTo("139****1111");
        assertThat(agreement.get("legalRepresentative").get("身份证号").asString()).contains("*");
        assertThat(agreement.get("history").get(0).get("what").asString()).isEqualTo("导入上线前已签订的医保协议");
        // its agreement as a sealed document: the paper number and validity, no signing date this system never knew
        JsonNode document = d.get("/agreements/" + hospitalCode + "/document", TestTokens.institution(hospitalCode));
        assertThat(document.get("number").asString()).isEqualTo("WW-XY-2024-" + h);
        assertThat(document.get("content").get("协议有效期").asString()).isEqualTo("2024-01-01至2026-12-31");
        assertThat(document.get("content").has("签订日期")).isFalse();
        assertThat(document.get("content").get("备注").asString()).contains("导入");
        assertThat(document.get("seal").get("algorithm").asString()).isEqualTo("SM3withSM2");
        String settlement = TestTokens.system("settlement-service");
        assertThat(d.get("/agreements/" + hospitalCode + "/settlement-permission?scope=INPATIENT", settlement)
                .get("permitted").asBoolean()).isTrue();
        assertThat(d.get("/agreements/" + hospitalCode + "/settlement-permission?scope=MATERNITY", settlement)
                .get("permitted").asBoolean()).isFalse();
        assertThat(d.get("/agreements/" + pharmacyCode + "/settlement-permission?scope=RETAIL_DRUGS", settlement)
                .get("permitted").asBoolean()).isTrue();
        // and it is designated: a new application for 定点 is refused
        assertThat(Designations.body(d.applyHospital(d.hospital(hospitalUscc, "天祝县人民医院", "620623"))
                .expectStatus().isEqualTo(422)).findValuesAsString("code")).contains("already-designated");

        // run again (the migration client this time): nothing new, no second event
        JsonNode again = Designations.body(post(migrationTool, rows).expectStatus().isOk());
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(again.get("lines").findValuesAsString("result")).containsOnly("ALREADY_IMPORTED");
        String marker = "H620622%05d".formatted(sequence());
        post(ops, List.of(hospital(marker, TestIdentities.randomUnitCode(WUWEI), "WW-XY-M-" + marker)))
                .expectStatus().isOk();
        signed(marker); // published after anything the re-run could have published
        for (String code : List.of(hospitalCode, pharmacyCode)) {
            assertThat(events.eventsOfType(AgreementEvents.SIGNED)).filteredOn(e -> e.dataJson().contains("\"" + code + "\""))
                    .hasSize(1);
        }

        // the counter never hands an imported code out: the next hospital of 天祝 gets the sequence after it
        assertThat(codes.next(InstitutionKind.MEDICAL_INSTITUTION, "620623").block())
                .isEqualTo("H620623%05d".formatted(h + 1));
    }

    @Test
    void every_bad_row_is_named_at_once_and_nothing_is_stored() {
        int g = sequence();
        String good = "H620702%05d".formatted(g);
        Map<String, Object> badLayout = hospital("X62060200001", TestIdentities.randomUnitCode(WUWEI), "B-2");
        badLayout.remove("机构名称");
        Map<String, Object> unknownRegion = hospital("H99999900001", "91620000ABCDEFGHIJ", "B-3");
        Map<String, Object> duplicate = hospital(good, TestIdentities.randomUnitCode(WUWEI), "B-4");
        Map<String, Object> expired = pharmacy("P620702%05d".formatted(sequence()), TestIdentities.randomUnitCode(WUWEI), "B-5");
        expired.put("协议截止日期", "2026-05-31");
        expired.put("协议范围", List.of("门诊"));
        Map<String, Object> noLevel = hospital("H620702%05d".formatted(g + 1), TestIdentities.randomUnitCode(WUWEI), "B-6");
        noLevel.remove("医疗机构等级");
        noLevel.put("联系人手机号", "123");
        noLevel.put("异地就医直接结算范围", List.of("国外"));

        JsonNode problem = Designations.body(post(ops, List.of(hospital(good, TestIdentities.randomUnitCode(WUWEI), "B-1"),
                badLayout, unknownRegion, duplicate, expired, noLevel)).expectStatus().isBadRequest());
        assertThat(problem.findValuesAsString("field")).containsExactlyInAnyOrder(
                "协议[2].定点医药机构编码", "协议[2].机构名称",
                "协议[3].定点医药机构编码", "协议[3].统一社会信用代码",
                "协议[4].定点医药机构编码",
                "协议[5].协议截止日期", "协议[5].协议范围",
                "协议[6].医疗机构等级", "协议[6].联系人手机号", "协议[6].异地就医直接结算范围");
        assertThat(problem.toString()).contains("与第1条重复", "到期");

        // nothing stored: not the good row, not its code's counter
        http.get().uri(Designations.BASE + "/agreements/" + good)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("clerk-620700", "620700"))).exchange()
                .expectStatus().isNotFound();
        String next = codes.next(InstitutionKind.MEDICAL_INSTITUTION, "620702").block();
        assertThat(Integer.parseInt(next.substring(7))).isLessThan(g);
    }

    @Test
    void a_row_that_clashes_with_what_is_stored_is_named_and_nothing_of_the_request_is_stored() {
        // an agreement signed here, through the application (its code given by the counter)
        String applicant = TestIdentities.randomUnitCode(WUWEI);
        String no = Designations.body(d.applyPharmacy(d.pharmacy(applicant, "凉州济世药房", "620602")).expectStatus()
                .isAccepted()).get("caseNumber").asString();
        String signedHere = d.designate(no, WUWEI, List.of("药品零售"));
        clock.on(clock.today().plusDays(1));
        // and one imported before
        int x = sequence();
        String imported = "H620723%05d".formatted(x);
        String importedUscc = TestIdentities.randomUnitCode(WUWEI);
        post(ops, List.of(hospital(imported, importedUscc, "ZY-XY-" + x))).expectStatus().isOk();

        String signedNumber = d.get("/agreements/" + signedHere, TestTokens.clerk("clerk-" + WUWEI, WUWEI))
                .get("agreementNumber").asString();

        String fresh = "H620723%05d".formatted(x + 1);
        JsonNode problem = Designations.body(post(ops, List.of(
                hospital(fresh, TestIdentities.randomUnitCode(WUWEI), "ZY-XY-" + (x + 1)),
                // the imported code again, for another institution
                hospital(imported, TestIdentities.randomUnitCode(WUWEI), "ZY-XY-" + x),
                // the code the counter gave a signing here
                pharmacy(signedHere, TestIdentities.randomUnitCode(WUWEI), "WW-YD-" + x),
                // the imported institution under another code
                hospital("H620723%05d".formatted(x + 2), importedUscc, "ZY-XY-B-" + x),
                // the number of the agreement signed here
                hospital("H620723%05d".formatted(x + 3), TestIdentities.randomUnitCode(WUWEI), signedNumber)))
                .expectStatus().isEqualTo(422));
        assertThat(problem.get("violations")).extracting(v -> v.get("field").asString() + " " + v.get("code").asString())
                .containsExactlyInAnyOrder("协议[2].定点医药机构编码 already-imported",
                        "协议[3].定点医药机构编码 code-in-use",
                        "协议[4].统一社会信用代码 already-designated",
                        "协议[5].协议编号 agreement-number-in-use");
        http.get().uri(Designations.BASE + "/agreements/" + fresh)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("clerk-620700", "620700"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void a_province_imports_hundreds_of_institutions_in_one_request() {
        int rows = 400;
        int first = ThreadLocalRandom.current().nextInt(1, 50_000);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Map<String, Object> row = hospital("H620502%05d".formatted(first + i), TestIdentities.randomUnitCode("620500"),
                    "TS-XY-" + (first + i));
            row.put("机构名称", "秦州区第" + (i + 1) + "卫生院");
            all.add(row);
        }
        // more than the 256 KB a WebFlux body holds by default: spring.http.codecs.max-in-memory-size is raised
        assertThat(EventJson.write(Map.of("协议", all)).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(256 * 1024);
        JsonNode result = Designations.body(http.mutate().responseTimeout(Duration.ofMinutes(2)).build().post().uri(IMPORTS)
                .headers(h -> h.setBearerAuth(migrationTool)).bodyValue(Map.of("协议", all)).exchange()
                .expectStatus().isOk());
        assertThat(result.get("imported").asInt()).isEqualTo(rows);
        signed("H620502%05d".formatted(first + rows - 1));
        assertThat(codes.next(InstitutionKind.MEDICAL_INSTITUTION, "620502").block())
                .isEqualTo("H620502%05d".formatted(first + rows));
    }
}
