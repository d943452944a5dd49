package org.jingban.transfer.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.signing.OfflineVerifier;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.transfer.EnrollmentDouble;
import org.jingban.transfer.TransferTest;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.transfer.api.TransferTopics;
import org.jingban.transfer.certificate.CertificateHandlers;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.jingban.transfer.national.NationalEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * A person insured in Gansu moves to another province and applies at the Gansu 转出地 office (Wuwei 620600), the 转入地
 * being Songpan (四川 513224) — seed 002 §十一(十四) 办理流程: "②线下申请：参保人员或用人单位携带办理材料向转入地或转出地
 * 医疗保障经办机构申请办理…，医疗保障经办机构核实办理材料，并将相关信息录入医保信息平台，校验是否符合办理条件" and
 * "①线上申请：…转入地和转出地医疗保障经办机构分别校验是否符合办理条件". The application is handed to the 转入地 through the
 * national platform (ZYSQ); the 转入地 answers there with its 《联系函》 (seed 001 row 11 备注 2: 转入地…生成并发出
 * 《联系函》), or refuses (BYSL); the 转出地 sends the sealed 《信息表》 and the funds (备注 3, XXB) and the 转入地 reports
 * 办结 (备注 4, ZRBJ). This test plays Songpan on the national platform's topic; enrollment-service is
 * {@link EnrollmentDouble}; everything in between is transfer-service on the real broker and store.
 */
class TransferToAnotherProvinceTest extends TransferTest {

    private static final String SICHUAN = "510000";

    @Autowired
    EnrollmentReadModel readModel;
    @Autowired
    ReactiveMongoTemplate mongo;

    private Map<String, Object> form(String idNumber, String name) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", name);
        f.put("证件类型及号码", idDoc(idNumber));
        f.put("联系电话", "13909351234");
        f.put("基本医疗保险类型", "职工医保");
        f.put("转出地机构地址", "甘肃省武威市凉州区仁和街36号");
        f.put("转出地机构邮编", "733000");
        f.put("转出地医保(行政)区划代码", WUWEI);
        f.put("转入地机构地址", "四川省阿坝州松潘县政务中心二楼政务服务大厅医保窗口");
        f.put("转入地机构邮编", "623300");
        f.put("转入地医保(行政)区划代码", SONGPAN);
        f.put("转入地机构名称", "松潘县医疗保障事业服务中心");
        f.put("转入地机构联系电话", "0837-7232652");
        f.put("申请材料", TRANSFER_MATERIALS);
        return f;
    }

    /** Suspended in Wuwei (中止参保 for the move) with a balance; Songpan's side is unknown here. */
    private String suspendedInWuwei(String name, String balance) {
        String id = newIdNumber();
        enrollment.enroll(id, name, balance,
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "SUSPENDED", "在职职工", "2016-01", "2026-10"));
        eventually(() -> readModel.byIdNumber(id).filter(p -> p.getInsurances().size() == 1).block());
        return id;
    }

    private Applied apply(String token, Map<String, Object> form) {
        return web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(token)).bodyValue(form)
                .exchange().expectStatus().isAccepted().expectBody(Applied.class).returnResult().getResponseBody();
    }

    private void accept(String caseNumber) {
        web.post().uri("/api/v1/transfer/cases/{n}/accept", caseNumber).headers(h -> h.setBearerAuth(wuweiClerk()))
                .exchange().expectStatus().isOk();
    }

    private static String wuweiClerk() {
        return TestTokens.clerk("gh-ww", WUWEI);
    }

    private Map<?, ?> progress(String idNumber, String caseNumber) {
        return web.get().uri("/api/v1/transfer/cases/{n}", caseNumber).headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber)))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> awaitProgress(String idNumber, String caseNumber, String key, String value) {
        return eventually(() -> {
            Map<?, ?> p = progress(idNumber, caseNumber);
            return value.equals(p.get(key)) ? p : null;
        });
    }

    /** The case as staff of Wuwei see it (办件详情: region, form, stages with their limits, details). */
    private Map<?, ?> caseView(String caseNumber) {
        return web.get().uri("/api/v1/transfer/cases/{n}", caseNumber).headers(h -> h.setBearerAuth(wuweiClerk()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static NationalEnvelope awaitNational(EventProbe national, String transferId, String type) {
        CloudEventRecord r = national.awaitEvent(e -> e.dataJson() != null && e.dataJson().contains(transferId)
                && e.dataJson().contains("\"msgType\":\"" + type + "\""), TIMEOUT);
        return EventJson.read(r.dataJson(), NationalEnvelope.class);
    }

    private static long countNational(EventProbe national, String transferId, String type) {
        return national.events().stream().filter(e -> e.dataJson() != null && e.dataJson().contains(transferId)
                && e.dataJson().contains("\"msgType\":\"" + type + "\"")).count();
    }

    /** A message from Songpan's office to Wuwei's on the national platform. */
    private static NationalEnvelope fromSongpan(String type, Object body) {
        return new NationalEnvelope(UUID.randomUUID().toString(), type, SICHUAN, "620000", SONGPAN, WUWEI, Instant.now(),
                EventJson.read(EventJson.write(body), Map.class));
    }

    /** Songpan accepts the application and sends its 《联系函》 (its own case number; the person insured there since 2026-10). */
    private static NationalEnvelope letterFromSongpan(String transferId, String idNumber, String name) {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("文书", "基本医疗保险关系转移接续联系函");
        letter.put("转移编号", transferId);
        letter.put("转入地医疗保障经办机构", "松潘县医疗保障事业服务中心");
        return fromSongpan(NationalEnvelope.CONTACT_LETTER, new TransferEvents.ContactLetter(transferId, "SC-513224-0001",
                idNumber, name, EMPLOYEE, WUWEI, SONGPAN,
                List.of(new PersonEvents.Period("2026-10", null, SONGPAN, null, "在职职工", "本地")), letter));
    }

    private TransferOut transferOut(String transferId) {
        return mongo.findById(transferId, TransferOut.class).block();
    }

    private String publishedCertificate(String region) {
        return web.get().uri("/api/v1/transfer/offices/{r}/certificate", region).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /**
     * 线下申请 at the Wuwei window (seed 002 §十一(十四) ②), with the electronic 参保凭证 Wuwei issued (表8, seed 001 row 11
     * materials 2); the case stays in Wuwei with the catalog's stages and limits (seed 001 row 11 备注 2–4: 联系函 within 5
     * working days, 信息表 and funds within 10, 转入地办结 within 5); the application goes to Songpan, which accepts with
     * its 联系函; Wuwei releases and sends the sealed 表10 with the exact balance, once, although every national message
     * comes twice; Songpan's 办结 ends the case.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_person_applies_at_the_wuwei_window_to_move_to_songpan_and_the_transfer_runs_through_the_national_platform() {
        String id = suspendedInWuwei("钱十四", "876.50");
        CertificateHandlers.Issued certificate = issueCertificate(id, "钱十四");
        Map<String, Object> f = form(id, "钱十四");
        f.put("参保凭证号", certificate.certificate().number());

        try (EventProbe national = JingbanInfrastructure.get().probe(NATIONAL);
             EventProbe own = JingbanInfrastructure.get().probe(TransferTopics.EVENTS)) {
            Applied submitted = apply(wuweiClerk(), f);
            assertThat(submitted.currentStage()).isEqualTo("受理");

            // the case is Wuwei's: its region, its 表9 number, the transfer stages with the catalog's limits
            Map<?, ?> view = caseView(submitted.caseNumber());
            assertThat(view.get("regionCode")).isEqualTo(WUWEI);
            assertThat((String) ((Map<String, Object>) ((Map<String, Object>) view.get("form")).get("表9")).get("编号"))
                    .matches("甘肃省武威市" + LocalDate.now().getYear() + "年第\\d{4}号");
            Map<String, Object> limits = new LinkedHashMap<>();
            for (Object s : (List<?>) view.get("stages")) {
                Map<String, Object> stage = (Map<String, Object>) s;
                if (List.of(TransferStages.LETTER, TransferStages.SHEET, TransferStages.RECEIVE).contains(stage.get("name"))) {
                    limits.put((String) stage.get("name"), stage.get("limitWorkingDays"));
                }
            }
            assertThat(limits).containsExactly(Map.entry(TransferStages.LETTER, 5), Map.entry(TransferStages.SHEET, 10),
                    Map.entry(TransferStages.RECEIVE, 5));

            // 受理 at Wuwei: the application goes to Songpan (ZYSQ) with 表9 and the sealed 参保凭证
            accept(submitted.caseNumber());
            NationalEnvelope forwarded = awaitNational(national, submitted.transferId(), NationalEnvelope.APPLICATION);
            assertThat(forwarded.sendRegion()).isEqualTo(WUWEI);
            assertThat(forwarded.recvRegion()).isEqualTo(SONGPAN);
            assertThat(forwarded.recvProvince()).isEqualTo(SICHUAN);
            TransferEvents.ForwardedApplication application = EventJson.read(EventJson.write(forwarded.body()),
                    TransferEvents.ForwardedApplication.class);
            assertThat(application.caseNumber()).isEqualTo(submitted.caseNumber());
            assertThat(application.insuranceType()).isEqualTo(EMPLOYEE);
            assertThat(application.application()).containsKeys("编号", "参保人信息", "转出地医疗保障经办机构信息",
                    "转入地医疗保障经办机构信息", "申请时间");
            assertThat((Map<String, Object>) application.application().get("转入地医疗保障经办机构信息"))
                    .containsEntry("机构名称", "松潘县医疗保障事业服务中心").containsEntry("行政区划代码", SONGPAN);
            // Songpan checks the 参保凭证 offline with Wuwei's published certificate
            assertThat(application.certificate().number()).isEqualTo(certificate.certificate().number());
            assertThat(OfflineVerifier.verify(application.certificate().content(), application.certificate().seal(),
                    publishedCertificate(WUWEI))).isTrue();
            assertThat(progress(id, submitted.caseNumber()).get("currentStage")).isEqualTo(TransferStages.LETTER);

            // a 联系函 naming someone else is kept out for ops, and nothing is released
            NationalEnvelope wrong = letterFromSongpan(submitted.transferId(), newIdNumber(), "钱十四");
            sendNational(wrong);
            eventually(() -> transferOut(submitted.transferId()).hasApplied("national:" + wrong.msgId()) ? true : null);
            assertThat(transferOut(submitted.transferId()).getState()).isEqualTo(TransferOut.State.FORWARDED);
            web.get().uri("/api/v1/transfer/ops/flagged-transfers").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                    .exchange().expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).contains(submitted.transferId()).contains("参保人员不是申请人"));
            assertThat(progress(id, submitted.caseNumber()).get("currentStage")).isEqualTo(TransferStages.LETTER);

            // Songpan accepts: its 联系函, delivered twice, and once more under a new message id
            NationalEnvelope letter = letterFromSongpan(submitted.transferId(), id, "钱十四");
            NationalEnvelope again = letterFromSongpan(submitted.transferId(), id, "钱十四");
            sendNational(letter);
            sendNational(letter);
            sendNational(again);

            // Wuwei releases and sends 表10, sealed, with the funds: 2016-01 … 2026-10 = 130 months, 876.50 yuan
            NationalEnvelope sheetEnvelope = awaitNational(national, submitted.transferId(), NationalEnvelope.INFO_SHEET);
            assertThat(sheetEnvelope.recvRegion()).isEqualTo(SONGPAN);
            TransferEvents.InfoSheet sheet = EventJson.read(EventJson.write(sheetEnvelope.body()), TransferEvents.InfoSheet.class);
            assertThat(sheet.sheet().get("参保缴费月数合计")).isEqualTo(130);
            assertThat(sheet.sheet().get("基本医疗保险个人账户实际转出资金"))
                    .isEqualTo(Map.of("大写", "捌佰柒拾陆元伍角整", "小写", "876.50"));
            assertThat((List<?>) sheet.sheet().get("重复参保期间")).hasSize(1);   // 2026-10 in both pools
            assertThat(sheet.funds().amount()).isEqualTo("876.50");
            assertThat(sheet.seal().regionCode()).isEqualTo(WUWEI);
            assertThat(OfflineVerifier.verify(sheet.sheet(), sheet.seal(), publishedCertificate(WUWEI))).isTrue();
            awaitProgress(id, submitted.caseNumber(), "currentStage", TransferStages.RECEIVE);
            assertThat(enrollment.balance(id)).isEqualByComparingTo(BigDecimal.ZERO);

            // a 办结 for this transfer from another province than the 转入地's (misrouted): nothing changes
            TransferEvents.Completion done = new TransferEvents.Completion(submitted.transferId(), "SC-513224-0001", WUWEI,
                    SONGPAN, 130L, "876.50", Instant.now());
            NationalEnvelope misrouted = new NationalEnvelope(UUID.randomUUID().toString(),
                    NationalEnvelope.TRANSFER_IN_COMPLETED, "120000", "620000", "120100", WUWEI, Instant.now(),
                    EventJson.read(EventJson.write(done), Map.class));
            sendNational(misrouted);
            // Songpan credits and reports 办结, twice: the case is 办结 with what moved
            sendNational(fromSongpan(NationalEnvelope.TRANSFER_IN_COMPLETED, done));
            sendNational(fromSongpan(NationalEnvelope.TRANSFER_IN_COMPLETED, done));
            awaitProgress(id, submitted.caseNumber(), "status", "COMPLETED");
            Map<String, Object> details = (Map<String, Object>) caseView(submitted.caseNumber()).get("details");
            assertThat(details).containsEntry("转入缴费月数", 130).containsEntry("转入个人账户金额", "876.50")
                    .containsEntry("转入地", SONGPAN).containsEntry("转入地办件编号", "SC-513224-0001");

            assertThat(transferOut(submitted.transferId()).hasApplied("national:" + misrouted.msgId())).isFalse();
            // one release, one 表10: the repeated and re-sent 联系函 changed nothing
            eventually(() -> transferOut(submitted.transferId()).hasApplied("national:" + again.msgId()) ? true : null);
            assertThat(own.events()).filteredOn(e -> TransferHooks.RELEASE_REQUESTED.equals(e.type())
                    && submitted.transferId().equals(e.subject())).hasSize(1);
            assertThat(countNational(national, submitted.transferId(), NationalEnvelope.INFO_SHEET)).isEqualTo(1);
            assertThat(transferOut(submitted.transferId()).getState()).isEqualTo(TransferOut.State.COMPLETED);
            TransferHandlers.TransferView transfer = web.get().uri("/api/v1/transfer/transfers/{n}", submitted.caseNumber())
                    .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange().expectStatus().isOk()
                    .expectBody(TransferHandlers.TransferView.class).returnResult().getResponseBody();
            assertThat(transfer.state()).isEqualTo("COMPLETED");
            assertThat(transfer.toRegionCode()).isEqualTo(SONGPAN);
            assertThat(transfer.contactLetter()).containsEntry("转入地医疗保障经办机构", "松潘县医疗保障事业服务中心");
            assertThat(transfer.infoSheet().funds().amount()).isEqualTo("876.50");
        }
    }

    /**
     * Songpan refuses the 《信息表》 Wuwei sent (its check failed there): Wuwei keeps the refusal for ops (运维核查) and the
     * case waits in 转入地办结, whose clock (5 working days, seed 001 row 11 备注 4) shows when it is overdue.
     */
    @Test
    void a_sheet_songpan_refuses_is_flagged_for_ops_and_the_case_waits_for_the_receiving_office() {
        String id = suspendedInWuwei("吴十八", "12.00");
        try (EventProbe national = JingbanInfrastructure.get().probe(NATIONAL)) {
            Applied submitted = apply(TestTokens.insuredPerson(id), form(id, "吴十八"));
            accept(submitted.caseNumber());
            awaitNational(national, submitted.transferId(), NationalEnvelope.APPLICATION);
            sendNational(letterFromSongpan(submitted.transferId(), id, "吴十八"));
            awaitNational(national, submitted.transferId(), NationalEnvelope.INFO_SHEET);

            sendNational(fromSongpan(NationalEnvelope.INFO_SHEET_REFUSED, new TransferEvents.Refusal(submitted.transferId(),
                    WUWEI, SONGPAN, List.of("电子签章验证未通过（内容被改动或签章证书不符）"))));
            eventually(() -> transferOut(submitted.transferId()).getOpsFlags().isEmpty() ? null : true);
            web.get().uri("/api/v1/transfer/ops/flagged-transfers").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                    .exchange().expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).contains(submitted.transferId()).contains("《信息表》被转入地拒收"));
            Map<?, ?> waiting = progress(id, submitted.caseNumber());
            assertThat(waiting.get("status")).isEqualTo("ACCEPTED");
            assertThat(waiting.get("currentStage")).isEqualTo(TransferStages.RECEIVE);
            assertThat(waiting.get("stageDueDate")).isNotNull();
        }
    }

    private CertificateHandlers.Issued issueCertificate(String idNumber, String name) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", name);
        f.put("证件类型及号码", idDoc(idNumber));
        f.put("参保地", WUWEI);
        f.put("户籍所在地", "甘肃省武威市凉州区");
        f.put("户籍类型", "非农业");
        f.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡"));
        return web.post().uri("/api/v1/transfer/certificates").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber)))
                .bodyValue(f).exchange().expectStatus().isCreated()
                .expectBody(CertificateHandlers.Issued.class).returnResult().getResponseBody();
    }

    /**
     * 线上申请 (seed 002 §十一(十四) ①: "转入地和转出地医疗保障经办机构分别校验是否符合办理条件"): Wuwei, the 转出地, checks
     * what it knows — coverage stopped there (catalog condition "在转出地已中止参保"), the registered name, the 参保凭证 —
     * and names every unmet condition at once (§十一(十四) 业务受理: "若不符合办理条件，一次性告知原因"), in the precheck and
     * the 422 alike; that the person is insured in Songpan is Songpan's to check. Nothing goes to Songpan.
     */
    @Test
    void the_person_applies_online_and_wuwei_names_every_condition_it_can_check_at_once() {
        String id = newIdNumber();
        enrollment.enroll(id, "孙十五", "20.00",
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "ACTIVE", "在职职工", "2019-01", null));
        eventually(() -> readModel.byIdNumber(id).block());
        String token = TestTokens.insuredPerson(id);
        Map<String, Object> f = form(id, "孙十伍");
        f.put("参保凭证号", "甘肃省武威市2026年第9998号");

        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(token)).bodyValue(f)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.eligible").isEqualTo(false)
                .jsonPath("$.reasons[*].code").isEqualTo(List.of("name-mismatch", "not-suspended", "certificate-not-found"));
        web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(token)).bodyValue(f)
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations[*].code").isEqualTo(List.of("name-mismatch", "not-suspended", "certificate-not-found"))
                .jsonPath("$.caseNumber").exists();

        // someone this system does not know in Wuwei: no record to transfer out
        String stranger = newIdNumber();
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(stranger)))
                .bodyValue(form(stranger, "无名")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.reasons[0].code").isEqualTo("no-record-out")
                .jsonPath("$.reasons[0].field").isEqualTo("转出地医保(行政)区划代码");

        // neither office served here (Songpan → Chengdu): nothing this system could accept
        Map<String, Object> elsewhere = form(id, "孙十五");
        elsewhere.put("转出地医保(行政)区划代码", SONGPAN);
        elsewhere.put("转入地医保(行政)区划代码", "510100");
        web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(token)).bodyValue(elsewhere)
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations[?(@.field == '转入地医保(行政)区划代码')].code").isEqualTo("not-served");
        // the window of another Gansu city cannot enter Wuwei's application (the case is the 转出地's)
        web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(TestTokens.clerk("gh-lz", LANZHOU)))
                .bodyValue(form(id, "孙十五")).exchange().expectStatus().isForbidden();
    }

    /**
     * The unit applies online for its employee (seed 002 §十一(十四) ①: "参保人员或用人单位通过线上办理渠道申请"); Songpan
     * does not accept the application it receives and names two reasons: the case ends 未通过 with both in one notice
     * (§十一(十四) 业务受理: "一次性告知原因"), nothing is released in Wuwei, and a 联系函 that arrives afterwards
     * releases nothing either.
     */
    @Test
    void songpan_refuses_the_forwarded_application_and_the_case_ends_with_every_reason_and_nothing_released() {
        String id = newIdNumber();
        String unitId = UUID.randomUUID().toString();
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        enrollment.unit(unitId, uscc, "武威市测试商贸有限公司", WUWEI);
        enrollment.enroll(id, "李十六", "300.00",
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "INTERRUPTED", "在职职工", "2020-01", "2026-09")
                        .at(unitId, "武威市测试商贸有限公司"));
        eventually(() -> readModel.byIdNumber(id).block());
        eventually(() -> readModel.unitById(unitId).block());

        try (EventProbe national = JingbanInfrastructure.get().probe(NATIONAL);
             EventProbe own = JingbanInfrastructure.get().probe(TransferTopics.EVENTS)) {
            Applied submitted = apply(TestTokens.employerAgent(uscc), form(id, "李十六"));
            accept(submitted.caseNumber());
            awaitNational(national, submitted.transferId(), NationalEnvelope.APPLICATION);

            TransferEvents.Refusal refusal = new TransferEvents.Refusal(submitted.transferId(), WUWEI, SONGPAN,
                    List.of("未查询到该人员在松潘县的参保信息，请先在转入地参保", "申请表未填写户籍地址"));
            sendNational(fromSongpan(NationalEnvelope.APPLICATION_REFUSED, refusal));
            sendNational(fromSongpan(NationalEnvelope.APPLICATION_REFUSED, refusal));
            Map<?, ?> refused = awaitProgress(id, submitted.caseNumber(), "status", "REFUSED");
            assertThat((List<?>) refused.get("reasons")).hasSize(2);
            assertThat(refused.toString()).contains("未查询到该人员在松潘县的参保信息").contains("申请表未填写户籍地址");

            // a 联系函 after the refusal: applied once and ignored
            NationalEnvelope late = letterFromSongpan(submitted.transferId(), id, "李十六");
            sendNational(late);
            eventually(() -> transferOut(submitted.transferId()).hasApplied("national:" + late.msgId()) ? true : null);
            assertThat(transferOut(submitted.transferId()).getState()).isEqualTo(TransferOut.State.REFUSED);
            assertThat(own.events()).noneMatch(e -> TransferHooks.RELEASE_REQUESTED.equals(e.type())
                    && submitted.transferId().equals(e.subject()));
            assertThat(enrollment.balance(id)).isEqualByComparingTo("300.00");
            assertThat(progress(id, submitted.caseNumber()).get("status")).isEqualTo("REFUSED");
        }
    }

    /**
     * Songpan accepts, but Wuwei cannot release (coverage was resumed there, 恢复缴费, before the release): the 转入地 is
     * told on the national platform (ZCSB) and the applicant's case in Wuwei ends 未通过 with the reason — the catalog
     * condition "在转出地已中止参保" checked again where the record is.
     */
    @Test
    void wuwei_cannot_release_and_tells_songpan_and_the_applicant() {
        String id = suspendedInWuwei("周十七", "45.00");
        try (EventProbe national = JingbanInfrastructure.get().probe(NATIONAL)) {
            Applied submitted = apply(TestTokens.insuredPerson(id), form(id, "周十七"));
            accept(submitted.caseNumber());
            awaitNational(national, submitted.transferId(), NationalEnvelope.APPLICATION);
            enrollment.changeStatusQuietly(id, WUWEI, "ACTIVE");

            sendNational(letterFromSongpan(submitted.transferId(), id, "周十七"));
            NationalEnvelope refusal = awaitNational(national, submitted.transferId(), NationalEnvelope.TRANSFER_OUT_REFUSED);
            assertThat(refusal.recvRegion()).isEqualTo(SONGPAN);
            Map<?, ?> refused = awaitProgress(id, submitted.caseNumber(), "status", "REFUSED");
            assertThat(refused.toString()).contains("未中止参保");
            assertThat(enrollment.balance(id)).isEqualByComparingTo("45.00");
        }
    }
}
