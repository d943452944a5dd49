package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.TestEvents;
import org.jingban.settlement.api.SettlementEvents;
import org.jingban.settlement.api.SettlementTopics;
import org.junit.jupiter.api.Test;

/**
 * 直接结算 through the gateway on the packaged services: a Wuwei employee enrolled at enrollment-service with a credited
 * account, a hospital designated, a bill settled by the hospital (settlement-service debits the account at the real
 * enrollment-service), then a manual claim of the same invoice refused by reimbursement-service (422 invoice-settled),
 * and the settlement reversed (the account credited back). And settlement-service killed while it settles: the hospital's
 * retry after the restart finds or makes the one settlement, and the account is debited once; and enrollment-service
 * killed while settlement-service debits the account there: the bill's parts still add up and the account holds exactly
 * the settlement's share (a debit that landed under a cash settlement given back once).
 *
 * <p>The designation is published as designated-institution-service's {@code agreement.signed} event rather than driven
 * through its endpoints, to keep these tests short (DesignationThroughGatewayTest takes a hospital through the whole
 * designation and settles a bill there).
 */
class SettlementThroughGatewayTest extends E2eTest {

    static final String LIANGZHOU = "620602";

    @Test
    void a_hospital_settles_a_bill_with_the_account_and_the_invoice_cannot_be_claimed_by_hand() {
        // a Wuwei employee (unit and employee registration are 即办件 there) and the tax bureau's contribution data
        String id = newIdNumber(1980);
        String person = api.person(id);
        String unit = newUscc(WUWEI);
        api.post("/api/v1/enrollment/units", api.agent(unit), unitForm(unit, "武威市结算测试商贸有限公司", WUWEI)).expect(201);
        api.post("/api/v1/enrollment/employees", api.agent(unit), employeesForm(unit, EMPLOYEE_MATERIALS,
                List.of(employeeRow("结算人", id, "6000.00", "增加")))).expect(201);
        eventually("insured in Wuwei", () -> insurance(personQuery(person, id), EMPLOYEE, WUWEI));
        List<Object> lines = api.post("/api/v1/enrollment/accounts/contributions", api.system("tax-bureau", "enrollment:contributions"),
                Map.of("postings", List.of(Map.of("serialNumber", "E2E-S-" + id, "idNumber", id, "period", "202611",
                        "insuranceType", EMPLOYEE, "regionCode", WUWEI, "contributionAmount", "2000.00")))).list();
        assertThat(lines).extracting(l -> Api.map(l).get("status")).containsExactly("CREDITED");
        BigDecimal balance = new BigDecimal((String) Api.map(personQuery(person, id).get("account")).get("balance"));
        assertThat(balance).isPositive();

        // the hospital's agreement, as designated-institution-service publishes it at 签订
        String code = "H" + LIANGZHOU + ThreadLocalRandom.current().nextInt(10000, 99999);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        AgreementEvents.Agreement agreement = new AgreementEvents.Agreement("XY-" + code, code, newUscc(WUWEI),
                "凉州区端到端测试医院", "MEDICAL_INSTITUTION", WUWEI, LIANGZHOU, "二级",
                List.of(AgreementEvents.OUTPATIENT, AgreementEvents.INPATIENT), List.of(), "ACTIVE", today.minusYears(1),
                today.plusYears(2), null, null, null, null, null);
        TestEvents.publish(DesignationTopics.EVENTS, "/jingban/designated-institution", AgreementEvents.SIGNED,
                agreement.agreementNumber(), agreement);
        stack.awaitConsumed("settlement-service-designation", DesignationTopics.EVENTS);
        stack.awaitConsumed("settlement-service-enrollment", EnrollmentTopics.EVENTS);
        stack.awaitConsumed("settlement-service-accounts", EnrollmentTopics.EVENTS);

        // the bill: 1000.00 — 甲类 2 × 150.00, 乙类 500.00, 丙类 200.00. EXAMPLE policy, 职工, 二级, first visit of the year:
        // eligible 300 + 500 − 50 (乙类先行自付) = 750; (750 − 200 起付线) × 50% = 275.00 from the fund;
        // the account pays 475 + 50 = 525.00 if the balance allows; the rest in cash
        String hospital = api.token(Map.of("role", "INSTITUTION", "subject", "inst-" + code, "institution", code));
        String invoice = "WWE2E" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("invoiceNumber", invoice);
        bill.put("idNumber", id);
        bill.put("visitType", "OUTPATIENT");
        bill.put("visitDate", today.toString());
        bill.put("lines", List.of(
                Map.of("code", "XY001", "name", "阿莫西林胶囊", "category", "甲类", "quantity", "2", "unitPrice", "150.00", "amount", "300.00"),
                Map.of("code", "JC002", "name", "彩色多普勒超声检查", "category", "乙类", "quantity", "1", "unitPrice", "500.00", "amount", "500.00"),
                Map.of("code", "ZF003", "name", "保健品", "category", "丙类", "quantity", "1", "unitPrice", "200.00", "amount", "200.00")));
        BigDecimal account = balance.min(new BigDecimal("525.00"));
        try (EventProbe settled = JingbanInfrastructure.get().probeFromBeginning(SettlementTopics.EVENTS)) {
            Map<String, Object> receipt = api.post("/api/v1/settlement/settlements", hospital, bill).expect(201);
            assertThat(receipt).containsEntry("status", "SETTLED").containsEntry("fund", "275.00")
                    .containsEntry("itemCode", "local:wuwei:普通门诊").containsEntry("accountUse", "DEBITED");
            assertThat(new BigDecimal((String) receipt.get("personalAccount"))).isEqualByComparingTo(account);
            assertThat(new BigDecimal((String) receipt.get("cash")))
                    .isEqualByComparingTo(new BigDecimal("725.00").subtract(account));
            String settlementId = (String) receipt.get("settlementId");
            // the institution's retry: the same settlement, not a second debit
            assertThat(api.post("/api/v1/settlement/settlements", hospital, bill).expect(200)).containsEntry("settlementId", settlementId);
            Map<String, Object> after = Api.map(personQuery(person, id).get("account"));
            assertThat(new BigDecimal((String) after.get("balance"))).isEqualByComparingTo(balance.subtract(account));
            assertThat(Api.maps(after.get("entries"))).filteredOn(e -> ((String) e.get("amount")).startsWith("-")).hasSize(1);

            // the SETTLED event reached the topic and reimbursement-service has read it (and knows the person)
            settled.awaitEvent(e -> SettlementEvents.SETTLED.equals(e.type()) && settlementId.equals(e.subject()),
                    Duration.ofMinutes(1));
            stack.awaitConsumed("reimbursement-service-settlement", SettlementTopics.EVENTS);
            stack.awaitConsumed("reimbursement-service-enrollment", EnrollmentTopics.EVENTS);

            // the same invoice claimed by hand: refused, the bill was settled directly
            Map<String, Object> problem = api.post("/api/v1/reimbursement/claims/outpatient", person, claim(id, invoice, today))
                    .expect(422);
            assertThat(Api.maps(problem.get("violations"))).extracting(v -> v.get("code")).contains("invoice-settled");

            // 冲正: the account credited back through enrollment's reversal
            Map<String, Object> reversed = api.post("/api/v1/settlement/settlements/" + settlementId + "/reversal", hospital,
                    Map.of("reason", "患者退费")).expect(200);
            assertThat(reversed).containsEntry("status", "REVERSED");
            assertThat(new BigDecimal((String) Api.map(personQuery(person, id).get("account")).get("balance")))
                    .isEqualByComparingTo(balance);
        }
    }

    /** A Wuwei employee with a credited account, a hospital designated for 门诊, and a 300.00 甲类 bill there. */
    private record Visit(String id, String person, BigDecimal balance, String hospital, Map<String, Object> bill) {
    }

    private Visit insuredWithABill(String name, String hospitalName, String invoicePrefix) {
        String id = newIdNumber(1982);
        String person = api.person(id);
        String unit = newUscc(WUWEI);
        api.post("/api/v1/enrollment/units", api.agent(unit), unitForm(unit, "武威市" + name + "测试商贸有限公司", WUWEI)).expect(201);
        api.post("/api/v1/enrollment/employees", api.agent(unit), employeesForm(unit, EMPLOYEE_MATERIALS,
                List.of(employeeRow(name, id, "6000.00", "增加")))).expect(201);
        eventually("insured in Wuwei", () -> insurance(personQuery(person, id), EMPLOYEE, WUWEI));
        api.post("/api/v1/enrollment/accounts/contributions", api.system("tax-bureau", "enrollment:contributions"),
                Map.of("postings", List.of(Map.of("serialNumber", "E2E-" + invoicePrefix + "-" + id, "idNumber", id,
                        "period", "202611", "insuranceType", EMPLOYEE, "regionCode", WUWEI,
                        "contributionAmount", "2000.00")))).list();
        BigDecimal balance = new BigDecimal((String) Api.map(personQuery(person, id).get("account")).get("balance"));
        String code = "H" + LIANGZHOU + ThreadLocalRandom.current().nextInt(10000, 99999);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        AgreementEvents.Agreement agreement = new AgreementEvents.Agreement("XY-" + code, code, newUscc(WUWEI),
                hospitalName, "MEDICAL_INSTITUTION", WUWEI, LIANGZHOU, "二级",
                List.of(AgreementEvents.OUTPATIENT), List.of(), "ACTIVE", today.minusYears(1), today.plusYears(2),
                null, null, null, null, null);
        TestEvents.publish(DesignationTopics.EVENTS, "/jingban/designated-institution", AgreementEvents.SIGNED,
                agreement.agreementNumber(), agreement);
        stack.awaitConsumed("settlement-service-designation", DesignationTopics.EVENTS);
        stack.awaitConsumed("settlement-service-enrollment", EnrollmentTopics.EVENTS);
        stack.awaitConsumed("settlement-service-accounts", EnrollmentTopics.EVENTS);

        String hospital = api.token(Map.of("role", "INSTITUTION", "subject", "inst-" + code, "institution", code));
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("invoiceNumber", invoicePrefix + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        bill.put("idNumber", id);
        bill.put("visitType", "OUTPATIENT");
        bill.put("visitDate", today.toString());
        bill.put("lines", List.of(Map.of("code", "XY001", "name", "阿莫西林胶囊", "category", "甲类", "quantity", "2",
                "unitPrice", "150.00", "amount", "300.00")));
        return new Visit(id, person, balance, hospital, bill);
    }

    /** Sends the bill and kills {@code jvm} while the settlement runs (where exactly does not matter), then restarts it. */
    private void settleWhileKilling(Visit visit, ServiceJvm jvm) {
        java.util.concurrent.CompletableFuture<Integer> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return api.post("/api/v1/settlement/settlements", visit.hospital(), visit.bill()).status();
            } catch (RuntimeException e) {
                return -1;
            }
        });
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(20, 400));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jvm.kill();
        first.join();
        jvm.start();
        jvm.awaitLive(LocalStack.START_TIMEOUT);
    }

    @Test
    void a_settlement_service_killed_mid_settlement_and_retried_after_restart_debits_the_account_once() {
        Visit visit = insuredWithABill("重启人", "凉州区重启测试医院", "WWKILL");
        String id = visit.id();
        String person = visit.person();
        BigDecimal balance = visit.balance();
        String hospital = visit.hospital();
        Map<String, Object> bill = visit.bill();
        // the hospital sends the bill; settlement-service dies while (or right after) it settles — where exactly the
        // kill lands does not matter: whatever it left, the retry after the restart must debit the account once
        settleWhileKilling(visit, stack.settlement);

        // the retry: the same settlement (201 if the first never got stored, else 200), settled
        Map<String, Object> receipt = eventually("the retry answered", () -> {
            Api.Reply r = api.post("/api/v1/settlement/settlements", hospital, bill);
            return r.status() == 200 || r.status() == 201 ? r.expect(r.status()) : null;
        });
        String settlementId = (String) receipt.get("settlementId");
        Map<String, Object> done = eventually("settled", () -> {
            Map<String, Object> now = api.get("/api/v1/settlement/settlements/" + settlementId, hospital).expect(200);
            return "SETTLED".equals(now.get("status")) ? now : null;
        });
        // 甲类 300.00: (300 − 200 起付线) × 50% = 50.00 from the fund; the account pays the rest it covers, once
        assertThat(done).containsEntry("fund", "50.00");
        BigDecimal paidFromAccount = new BigDecimal((String) done.get("personalAccount"));
        Map<String, Object> account = eventually("the account as settled", () -> {
            Map<String, Object> a = Api.map(personQuery(person, id).get("account"));
            return new BigDecimal((String) a.get("balance")).compareTo(balance.subtract(paidFromAccount)) == 0 ? a : null;
        });
        assertThat(Api.maps(account.get("entries"))).filteredOn(e -> ((String) e.get("amount")).startsWith("-"))
                .hasSize(paidFromAccount.signum() > 0 ? 1 : 0);
    }

    @Test
    void an_enrollment_service_killed_mid_debit_neither_loses_nor_doubles_the_account_share() {
        // issue "settlement-service": no account is debited twice across a restart of enrollment-service mid-settlement.
        // settlement-service debits the account at enrollment-service; killed while it does, the debit may have landed
        // or not, and the settlement may have paid the share from the account or (enrollment unreachable) in cash — a
        // debit that landed under a cash settlement is given back once by settlement's sweep
        Visit visit = insuredWithABill("共济人", "凉州区中断测试医院", "WWENR");
        settleWhileKilling(visit, stack.enrollment);

        Map<String, Object> receipt = eventually("the retry answered", () -> {
            Api.Reply r = api.post("/api/v1/settlement/settlements", visit.hospital(), visit.bill());
            return r.status() == 200 || r.status() == 201 ? r.expect(r.status()) : null;
        });
        String settlementId = (String) receipt.get("settlementId");
        Map<String, Object> done = eventually("settled", () -> {
            Map<String, Object> now = api.get("/api/v1/settlement/settlements/" + settlementId, visit.hospital()).expect(200);
            return "SETTLED".equals(now.get("status")) ? now : null;
        });
        // the parts add up to the bill whichever way the account share went
        BigDecimal fund = new BigDecimal((String) done.get("fund"));
        BigDecimal fromAccount = new BigDecimal((String) done.get("personalAccount"));
        BigDecimal cash = new BigDecimal((String) done.get("cash"));
        assertThat(fund).isEqualByComparingTo("50.00");
        assertThat(fund.add(fromAccount).add(cash)).isEqualByComparingTo("300.00");
        // and the account holds exactly the settlement's share, no more (a stray debit given back), no less
        Map<String, Object> account = eventually("the account as settled", () -> {
            Map<String, Object> a = Api.map(personQuery(visit.person(), visit.id()).get("account"));
            return new BigDecimal((String) a.get("balance")).compareTo(visit.balance().subtract(fromAccount)) == 0 ? a : null;
        });
        BigDecimal spent = Api.maps(account.get("entries")).stream().map(e -> new BigDecimal((String) e.get("amount")))
                .filter(a -> a.signum() < 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal givenBack = Api.maps(account.get("entries")).stream()
                .filter(e -> !"CONTRIBUTION".equals(e.get("kind")))
                .map(e -> new BigDecimal((String) e.get("amount"))).filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(spent.negate().subtract(givenBack)).isEqualByComparingTo(fromAccount);
    }

    private Map<String, Object> claim(String id, String invoice, LocalDate day) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("姓名", "结算人");
        claim.put("证件类型及号码", idDoc(id));
        claim.put("业务类型", "普通门诊");
        claim.put("联系电话", "13709351234");
        claim.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行武威分行"));
        String item = URLEncoder.encode("622036006001", StandardCharsets.UTF_8);
        List<String> materials = Api.maps(api.get("/api/v1/catalog/items/" + item + "?region=" + WUWEI, null).expect(200)
                .get("materials")).stream().filter(m -> m.get("condition") == null).map(m -> (String) m.get("name")).toList();
        claim.put("材料明细及数量", materials.stream().map(m -> Map.of("材料名称", m, "数量", 1)).toList());
        claim.put("医疗机构名称", "凉州区端到端测试医院");
        claim.put("医疗机构等级", "二级");
        claim.put("就医地", LIANGZHOU);
        claim.put("就诊日期", day.toString());
        claim.put("票据", List.of(Map.of("票据号码", invoice, "票据金额", "1000.00")));
        claim.put("费用明细", List.of(
                Map.of("项目编码", "XY001", "项目名称", "阿莫西林胶囊", "类别", "甲类", "数量", "2", "单价", "150.00", "金额", "300.00"),
                Map.of("项目编码", "JC002", "项目名称", "彩色多普勒超声检查", "类别", "乙类", "数量", "1", "单价", "500.00", "金额", "500.00"),
                Map.of("项目编码", "ZF003", "项目名称", "保健品", "类别", "丙类", "数量", "1", "单价", "200.00", "金额", "200.00")));
        return claim;
    }
}
