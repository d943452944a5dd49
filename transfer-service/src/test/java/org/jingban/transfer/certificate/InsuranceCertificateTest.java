package org.jingban.transfer.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.jingban.platform.security.test.TestTokens;
import org.jingban.transfer.EnrollmentDouble;
import org.jingban.transfer.TransferTest;
import org.jingban.platform.signing.ElectronicSeal;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.jingban.platform.signing.OfflineVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** 622036003001 出具《参保凭证》 through the HTTP API, the person's record arriving from enrollment's events. */
class InsuranceCertificateTest extends TransferTest {

    @Autowired
    EnrollmentReadModel readModel;
    @Autowired
    CertificateService certificates;

    private String enrolledInWuwei(String balance) {
        String id = newIdNumber();
        enrollment.enroll(id, "张三", balance, EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "ACTIVE", "在职职工",
                "2020-01", "2025-12"));
        eventually(() -> readModel.byIdNumber(id).filter(p -> p.getBalance().equals(balance)).block());
        return id;
    }

    /**
     * Insured 2020-01…2025-12, contributions credited for every month of it but 2023-05 and 2023-06 (the unit paid
     * nothing then): 70 months actually paid, ending with {@code balance} in the account.
     */
    private String contributingInWuwei(String balance) {
        String id = newIdNumber();
        List<String> paid = new java.util.ArrayList<>();
        for (java.time.YearMonth m = java.time.YearMonth.of(2020, 1); !m.isAfter(java.time.YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
            if (!m.equals(java.time.YearMonth.of(2023, 5)) && !m.equals(java.time.YearMonth.of(2023, 6))) {
                paid.add(m.toString().replace("-", ""));
            }
        }
        enrollment.enroll(id, "张三", new java.math.BigDecimal(balance).subtract(new java.math.BigDecimal(paid.size())).toPlainString(),
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "ACTIVE", "在职职工", "2020-01", "2025-12"));
        enrollment.paid(id, "1.00", paid);
        eventually(() -> readModel.byIdNumber(id).filter(p -> p.getBalance().equals(balance)).block());
        return id;
    }

    private Map<String, Object> form(String idNumber, String name) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", name);
        form.put("证件类型及号码", idDoc(idNumber));
        form.put("参保地", WUWEI);
        form.put("户籍所在地", "甘肃省武威市凉州区");
        form.put("户籍类型", "非农业");
        form.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡"));
        return form;
    }

    private CertificateHandlers.Issued issue(String idNumber) {
        return web.post().uri("/api/v1/transfer/certificates").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber)))
                .bodyValue(form(idNumber, "张三")).exchange().expectStatus().isCreated()
                .expectBody(CertificateHandlers.Issued.class).returnResult().getResponseBody();
    }

    @Test
    void the_certificate_lists_periods_months_and_the_exact_balance_and_verifies_online_and_offline() {
        String id = contributingInWuwei("3456.78");
        CertificateHandlers.Issued issued = issue(id);

        assertThat(issued.status()).isEqualTo("COMPLETED");
        Map<String, Object> content = issued.certificate().content();
        assertThat((String) content.get("凭证号")).matches("甘肃省武威市\\d{4}年第\\d{4,}号");
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) content.get("参保信息")).get(0);
        assertThat(row.get("参保时间起")).isEqualTo("2020-01");
        assertThat(row.get("参保时间止")).isEqualTo("2025-12");
        // seed 002 附件表8 "其中累计实际缴费月数": the months contributions were credited for (70), not the span of the
        // period (2020-01 … 2025-12 = 72, which counts the two unpaid months)
        assertThat(row.get("其中累计实际缴费月数")).isEqualTo(70);
        assertThat(row.get("个人账户余额(小写)")).isEqualTo("3456.78");
        assertThat(row.get("个人账户余额(大写)")).isEqualTo("叁仟肆佰伍拾陆元柒角捌分");
        // 表8 as seed 002 prints it: 生成日期 as 年月日, the issuing office's 地址, 邮政编码, 联系人 and 联系电话
        assertThat((String) content.get("生成日期")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        @SuppressWarnings("unchecked")
        Map<String, Object> office = (Map<String, Object>) content.get("转出地医疗保障经办机构信息");
        assertThat(office).containsEntry("行政区划代码", WUWEI).containsEntry("邮政编码", "733000")
                .containsEntry("联系人", "示例联系人（武威）").containsEntry("联系电话", "0935-2116031");
        assertThat((String) office.get("地址")).contains("武威市");

        // online: anyone holding it, no token
        web.post().uri("/api/v1/transfer/certificates/verification")
                .bodyValue(Map.of("content", content, "seal", issued.certificate().seal())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
        Map<String, Object> tampered = new LinkedHashMap<>(content);
        tampered.put("参保信息", List.of(Map.of("个人账户余额(小写)", "99999.00")));
        web.post().uri("/api/v1/transfer/certificates/verification")
                .bodyValue(Map.of("content", tampered, "seal", issued.certificate().seal())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.problems[0]").value(p -> assertThat((String) p).contains("电子签章验证未通过"));

        // offline: the office's public certificate and nothing of this service
        String pem = web.get().uri("/api/v1/transfer/offices/{r}/certificate", WUWEI).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        ElectronicSeal seal = issued.certificate().seal();
        assertThat(OfflineVerifier.verify(content, seal, pem)).isTrue();
        assertThat(OfflineVerifier.verify(tampered, seal, pem)).isFalse();
        String otherOffice = web.get().uri("/api/v1/transfer/offices/{r}/certificate", "620100").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(OfflineVerifier.verify(content, seal, otherOffice)).isFalse();

        String html = web.get().uri("/api/v1/transfer/certificates/{id}/html", issued.certificate().id())
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("基本医疗保险参保凭证").contains((String) content.get("凭证号")).contains("3456.78")
                .contains("叁仟肆佰伍拾陆元柒角捌分");
        // another citizen does not see it
        web.get().uri("/api/v1/transfer/certificates/{id}", issued.certificate().id())
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(newIdNumber()))).exchange().expectStatus().isNotFound();
    }

    /** 表8's 证件类型及号码 prints the document the person applied with (seed 002 附件表8), not always 居民身份证. */
    @Test
    @SuppressWarnings("unchecked")
    void the_certificate_prints_the_id_document_type_as_given() {
        String id = enrolledInWuwei("10.00");
        Map<String, Object> f = form(id, "张三");
        f.put("证件类型及号码", Map.of("证件类型", "户口簿", "证件号码", id));
        CertificateHandlers.Issued issued = web.post().uri("/api/v1/transfer/certificates")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(f).exchange()
                .expectStatus().isCreated().expectBody(CertificateHandlers.Issued.class).returnResult().getResponseBody();
        Map<String, Object> person = (Map<String, Object>) issued.certificate().content().get("参保人员基本信息");
        assertThat((Map<String, Object>) person.get("证件类型及号码")).containsEntry("证件类型", "户口簿");
    }

    @Test
    void fifty_concurrent_requests_get_fifty_distinct_consecutive_numbers() {
        List<String> people = IntStream.range(0, 50).mapToObj(i -> enrolledInWuwei("10.00")).toList();
        List<CompletableFuture<CertificateHandlers.Issued>> calls = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        for (String id : people) {
            calls.add(CompletableFuture.supplyAsync(() -> web.mutate().responseTimeout(TIMEOUT).build().post().uri("/api/v1/transfer/certificates")
                    .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-cert", WUWEI))).bodyValue(form(id, "张三"))
                    .exchange().expectStatus().isCreated().expectBody(new ParameterizedTypeReference<CertificateHandlers.Issued>() {
                    }).returnResult().getResponseBody(), pool));
        }
        List<Long> sequences = calls.stream().map(CompletableFuture::join).map(i -> {
            String number = i.certificate().number();
            return Long.parseLong(number.substring(number.indexOf("年第") + 2, number.length() - 1));
        }).sorted().toList();
        pool.shutdown();
        assertThat(sequences).doesNotHaveDuplicates().hasSize(50);
        assertThat(sequences.get(49) - sequences.get(0)).isEqualTo(49);   // 50 numbers, no gap between them
    }

    @Test
    void a_certificate_asked_for_by_an_agent_needs_the_authorisation_and_both_documents() {
        // seed 001 row 2: "委托办理的，应提供委托人及代理人身份证件原件及委托人授权委托书（下同）" — 参保凭证 included
        String id = enrolledInWuwei("10.00");
        Map<String, Object> byAgent = form(id, "张三");
        byAgent.put("被委托人", Map.of("姓名", "李代办", "证件类型及号码", idDoc(newIdNumber()), "联系电话", "13912345678"));
        web.post().uri("/api/v1/transfer/certificates").headers(h -> h.setBearerAuth(TestTokens.clerk("gh-cert", WUWEI)))
                .bodyValue(byAgent).exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations[*].message").value(messages -> assertThat(messages.toString())
                        .contains("委托人及代理人身份证件原件及委托人授权委托书"));
        byAgent.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "委托人及代理人身份证件原件及委托人授权委托书"));
        web.post().uri("/api/v1/transfer/certificates").headers(h -> h.setBearerAuth(TestTokens.clerk("gh-cert", WUWEI)))
                .bodyValue(byAgent).exchange().expectStatus().isCreated();
    }

    @Test
    void a_person_without_a_record_gets_every_reason_at_once() {
        String id = newIdNumber();
        web.post().uri("/api/v1/transfer/certificates").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(Map.of("姓名", "李四", "证件类型及号码", idDoc(id), "参保地", WUWEI)).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations.length()").isEqualTo(2)      // material missing + not insured
                .jsonPath("$.caseNumber").exists();
        web.post().uri("/api/v1/transfer/certificates").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(Map.of("参保地", "12")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.violations.length()").isEqualTo(3);
    }

    @Test
    void a_certificate_numbered_but_left_without_its_case_is_never_valid() {
        // given a certificate numbered and sealed whose case was never completed (a crash between the two writes)
        String id = enrolledInWuwei("10.00");
        InsuranceCertificate orphan = certificates.issue(readModel.byIdNumber(id).block(), WUWEI, null,
                Map.of("户籍所在地", "甘肃省武威市凉州区", "户籍类型", "非农业")).block();

        // when someone presents it: the seal is the office's, but it is refused
        web.post().uri("/api/v1/transfer/certificates/verification")
                .bodyValue(Map.of("content", orphan.content(), "seal", orphan.seal())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.problems[0]").isEqualTo("该凭证未随办件办结出具，无效");
    }
}
